"""GMB newswire rows mapped to our training labels (see shared/data/gmb/README.md, 'Known quirks')."""
from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

KEEP = {'PERSON', 'ORGANIZATION', 'LOCATION'}
# Leading words of GMB PERSON spans that are titles or roles, not names; dropping them teaches name boundaries.
TITLE_WORDS = {
    'mr.', 'mrs.', 'ms.', 'dr.', 'mr', 'mrs', 'ms', 'dr', 'president', 'vice', 'prime', 'minister', 'secretary',
    'general', 'gen.', 'senator', 'sen.', 'rep.', 'representative', 'chancellor', 'king', 'queen', 'prince',
    'princess', 'pope', 'sheikh', 'ayatollah', 'premier', 'governor', 'gov.', 'mayor', 'judge', 'justice',
    'lieutenant', 'lt.', 'colonel', 'col.', 'captain', 'capt.', 'major', 'sergeant', 'sgt.', 'commander',
    'admiral', 'chief', 'leader', 'speaker', 'cardinal', 'archbishop', 'bishop', 'rev.', 'reverend', 'sir',
    'lord', 'lady', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'deputy', 'acting', 'former', 'foreign',
    'defense', 'interior', 'finance', 'state', 'emir', 'crown', 'sultan', 'field', 'marshal', 'grand', 'supreme',
    'opposition', 'presidential', 'candidate', 'senior', 'cleric', 'rebel', 'militant', 'coach', 'professor',
    'prof.', 'attorney', 'u.n.', 'u.s.', 'secretary-general', 'vice-president', 'lt.-gen.', 'maj.', 'brig.',
}


def read_rows(path: Path) -> Iterator[dict]:
    with gzip.open(path, 'rt', encoding='utf-8') as fh:
        for line in fh:
            yield json.loads(line)


def strip_title(text: str, start: int, end: int) -> int:
    """New start of a PERSON span after dropping leading title words (keeps at least one word)."""
    words = text[start:end].split(' ')
    offset = 0
    while len(words) > 1 and words[0].lower() in TITLE_WORDS:
        offset += len(words[0]) + 1
        words = words[1:]
    return start + offset


def place_like_gpe(rows: list[dict], min_geo: int = 3) -> set[str]:
    """gpe surface forms that GMB also tags as geo often enough to be places (Iraq), not demonyms (Iraqi)."""
    geo = Counter(r['text'][s['start']:s['end']] for r in rows for s in r['spans'] if s.get('orig_label') == 'geo')
    return {t for t, n in geo.items() if n >= min_geo}


def training_rows(path: Path, limit: int | None = None) -> list[dict]:
    rows = list(read_rows(path))
    if limit is not None:
        rows = rows[:limit]
    places = place_like_gpe(rows)
    out = []
    for row in rows:
        text = row['text']
        spans = []
        for s in row['spans']:
            label, start, end = s['label'], s['start'], s['end']
            if label not in KEEP:
                continue
            if s.get('orig_label') == 'gpe' and text[start:end] not in places:
                continue
            if label == 'PERSON':
                start = strip_title(text, start, end)
            spans.append({'start': start, 'end': end, 'label': label})
        out.append({'id': row['id'], 'text': text, 'spans': spans})
    return out


def eval_rows(path: Path, limit: int | None = None) -> list[dict]:
    """Dev rows scored as the brief says: LOCATION = geo only; gpe spans are kept aside as 'ignore' regions."""
    out = []
    for i, row in enumerate(read_rows(path)):
        if limit is not None and i >= limit:
            break
        gold, ignore = [], []
        for s in row['spans']:
            if s.get('orig_label') == 'gpe':
                ignore.append((s['start'], s['end']))
            elif s['label'] in KEEP:
                gold.append((s['start'], s['end'], s['label']))
        out.append({'id': row['id'], 'text': row['text'], 'gold': gold, 'ignore': ignore})
    return out
