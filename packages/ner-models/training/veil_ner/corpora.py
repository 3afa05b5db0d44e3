"""Human-annotated corpora from ../shared/data, mapped to Veil's three name types.

Conventions (the same for every corpus, written down in MODEL_CARD.md):
- PERSON, ORGANIZATION, LOCATION only. MISC, PRODUCT, WORK_OF_ART, GMB's demonym-like `gpe` and DATE_TIME are
  unlabelled (O): they are not personal data.
- Titles stay outside PERSON ("Mr." in "Mr. Okafor"): GMB's title-first spans are trimmed (`gmb.strip_title`).
- WNUT-17 `group` (bands, teams, parties) is an ORGANIZATION, like `corporation`.
- A person's @handle is a PERSON, an organisation's an ORGANIZATION, as the Broad Twitter Corpus annotates them.
Train splits train; dev splits select (the test splits are withheld and never read).
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

KEEP = {'PERSON', 'ORGANIZATION', 'LOCATION'}


def _rows(path: Path):
    with gzip.open(path, 'rt', encoding='utf-8') as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _mapped(row: dict, source: str) -> dict:
    spans = [{'start': s['start'], 'end': s['end'], 'label': s['label']} for s in row['spans'] if s['label'] in KEEP]
    return {'id': row['id'], 'text': row['text'], 'spans': spans, 'source': source}


def corpus_files(data: Path) -> dict[str, dict[str, Path]]:
    """Corpus name -> split -> file. WikiGold has no split and only trains."""
    return {
        'uner_ewt': {'train': data / 'uner_ewt/uner_ewt.train.jsonl.gz', 'dev': data / 'uner_ewt/uner_ewt.dev.jsonl.gz'},
        'btc': {'train': data / 'btc/btc.train.jsonl.gz', 'dev': data / 'btc/btc.dev.jsonl.gz'},
        'wnut17': {'train': data / 'wnut17/wnut17.train.jsonl.gz', 'dev': data / 'wnut17/wnut17.dev.jsonl.gz'},
        'gum_ner': {'train': data / 'gum_ner/gum_ner.train.jsonl.gz', 'dev': data / 'gum_ner/gum_ner.dev.jsonl.gz'},
        'wikigold': {'train': data / 'wikigold/wikigold.all.jsonl.gz'},
        'gmb': {'train': data / 'gmb/gmb_train.jsonl.gz', 'dev': data / 'gmb/gmb_dev.jsonl.gz'},
    }


def training_rows(data: Path, name: str, limit: int | None = None) -> list[dict]:
    path = corpus_files(data)[name]['train']
    if name == 'gmb':
        from .gmb import training_rows as gmb_rows
        return [{**r, 'source': 'gmb'} for r in gmb_rows(path, limit)]
    rows = [_mapped(r, name) for r in _rows(path)]
    return rows[:limit] if limit is not None else rows


def dev_rows(data: Path, name: str, limit: int | None = None) -> list[dict]:
    """Dev rows as {'id','text','gold','ignore'}; GMB's gpe spans are ignore regions, as the benchmark scores them."""
    path = corpus_files(data)[name]['dev']
    if name == 'gmb':
        from .gmb import eval_rows
        return eval_rows(path, limit)
    out = []
    for i, r in enumerate(_rows(path)):
        if limit is not None and i >= limit:
            break
        out.append({'id': r['id'], 'text': r['text'], 'ignore': [],
                    'gold': [(s['start'], s['end'], s['label']) for s in r['spans'] if s['label'] in KEEP]})
    return out


DEV_CORPORA = ['gmb', 'uner_ewt', 'btc', 'wnut17', 'gum_ner']
