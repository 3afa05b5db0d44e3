"""Writes GMB dev with its title artefacts repaired, for a second reading of the dev scores (never for training).

GMB dev tags a title alone as PERSON in about one PERSON span in ten ("Prime" in "Prime Minister Shaukat Aziz",
"Mr." in "Mr. Maliki" with "Maliki" tagged geo). No model that finds the name can match such a span, so the official
PERSON score has a ceiling well under 1. The same repair as for training (`gmb.repair_title_artefacts`) is applied
here; everything else is copied unchanged. Usage:

    python -m veil_ner.repaired_dev /tmp/gmb_dev_repaired.jsonl.gz
    pnpm bench --dataset /tmp/gmb_dev_repaired.jsonl.gz --ignore-orig-labels gpe --no-peers --no-speed --no-roundtrip
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from .gmb import read_rows, repair_title_artefacts
from .pipeline import GMB_DEV


def main(out: Path) -> None:
    changed = 0
    with gzip.open(out, 'wt', encoding='utf-8') as fh:
        for row in read_rows(GMB_DEV):
            spans = repair_title_artefacts(row['text'], row['spans'])
            for s in spans:
                if s['label'] == 'PERSON':
                    s['orig_label'] = 'per'
            changed += spans != sorted(row['spans'], key=lambda s: s['start'])
            fh.write(json.dumps({'id': row['id'], 'text': row['text'], 'spans': spans}, ensure_ascii=False) + '\n')
    print(f"repaired_dev: {changed} of the dev sentences changed -> {out}")


if __name__ == '__main__':
    if len(sys.argv) != 2 or not sys.argv[1].startswith('/') or Path(sys.argv[1]).resolve().is_relative_to(Path(__file__).resolve().parents[4]):
        sys.exit('usage: python -m veil_ner.repaired_dev /absolute/path/outside/the/repository.jsonl.gz')
    main(Path(sys.argv[1]))
