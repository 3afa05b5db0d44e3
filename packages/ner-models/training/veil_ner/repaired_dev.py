"""Writes GMB dev with its title artefacts repaired, or BTC dev with its split @-mentions joined, for a second
reading of the dev scores (never for training).

GMB dev tags a title alone as PERSON in about one PERSON span in ten ("Prime" in "Prime Minister Shaukat Aziz",
"Mr." in "Mr. Maliki" with "Maliki" tagged geo). No model that finds the name can match such a span, so the official
PERSON score has a ceiling well under 1. The same repair as for training (`gmb.repair_title_artefacts`) is applied
here; everything else is copied unchanged. Usage:

    python -m veil_ner.repaired_dev /tmp/gmb_dev_repaired.jsonl.gz
    pnpm bench --dataset /tmp/gmb_dev_repaired.jsonl.gz --ignore-orig-labels gpe --no-peers --no-speed --no-roundtrip

BTC's text is tokenised, so a mention reads "@ NikoWavy", and the '@' is its own one-character entity span: 489 of
the 1,194 PERSON spans in BTC dev are a lone '@'. No tool that redacts the mention as one value can match both
spans, so BTC's official PERSON recall has a ceiling near 0.6. `--btc` joins each lone '@' span to the span right
after it (one space apart, same type); nothing else changes.

    python -m veil_ner.repaired_dev --btc /tmp/btc_dev_joined.jsonl.gz
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from .gmb import read_rows, repair_title_artefacts
from .pipeline import DATA, GMB_DEV


def join_mentions(text: str, spans: list[dict]) -> list[dict]:
    """A lone '@' span followed, one space later, by a span of the same type becomes one span over both."""
    spans = sorted(spans, key=lambda s: s['start'])
    out: list[dict] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if (text[s['start']:s['end']] == '@' and nxt is not None and nxt['start'] == s['end'] + 1
                and nxt['label'] == s['label']):
            out.append({**nxt, 'start': s['start']})
            i += 2
            continue
        out.append(s)
        i += 1
    return out


def main_btc(out: Path) -> None:
    changed = 0
    with gzip.open(out, 'wt', encoding='utf-8') as fh:
        for row in read_rows(DATA / 'btc/btc.dev.jsonl.gz'):
            spans = join_mentions(row['text'], row['spans'])
            changed += len(spans) != len(row['spans'])
            fh.write(json.dumps({'id': row['id'], 'text': row['text'], 'spans': spans}, ensure_ascii=False) + '\n')
    print(f"repaired_dev --btc: {changed} of the dev tweets changed -> {out}")


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
    args = sys.argv[1:]
    btc = args[:1] == ['--btc']
    args = args[1:] if btc else args
    if len(args) != 1 or not args[0].startswith('/') or Path(args[0]).resolve().is_relative_to(Path(__file__).resolve().parents[4]):
        sys.exit('usage: python -m veil_ner.repaired_dev [--btc] /absolute/path/outside/the/repository.jsonl.gz')
    (main_btc if btc else main)(Path(args[0]))
