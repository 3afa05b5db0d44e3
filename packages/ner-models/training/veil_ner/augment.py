"""Mention replacement: GMB sentences with their names, organisations and places swapped for generated ones.

Newswire gives real, varied sentence contexts but a narrow set of (mostly 2000s political) names; the templates
give varied names but few contexts. Swapping the mentions of a GMB sentence for names from the synthetic pools
teaches the model that a name is recognised by its context and shape, not by having been seen before.
"""
from __future__ import annotations

import random

from .synth import Generator


def _person_like(gen: Generator, original: str) -> str:
    """A generated name with the same number of words as the one it replaces (one word stays one word)."""
    words = original.split()
    given, family = gen._given_family()
    if len(words) == 1:
        return family if gen.rng.random() < 0.75 else given
    if len(words) == 2:
        return f"{given} {family}"
    return gen.person_name()


def replace_mentions(row: dict, gen: Generator, rng: random.Random) -> dict | None:
    """A copy of `row` with every PERSON and about half of the ORGANIZATION / LOCATION mentions replaced (None
    when the row mentions nothing)."""
    spans = sorted(row['spans'], key=lambda s: s['start'])
    if not spans:
        return None
    text, out, cursor, pieces, pos = row['text'], [], 0, [], 0
    for s in spans:
        start, end, label = s['start'], s['end'], s['label']
        if start < cursor:
            return None  # overlapping spans: leave the row as it is
        literal = text[cursor:start]
        pieces.append(literal)
        pos += len(literal)
        original = text[start:end]
        if label == 'PERSON':
            value = _person_like(gen, original)
        elif label == 'ORGANIZATION' and rng.random() < 0.5:
            value = gen.org()[0]
        elif label == 'LOCATION' and rng.random() < 0.5:
            value = gen.place()[0]
        else:
            value = original
        if original.isupper() and len(original) > 1:
            value = value.upper()
        pieces.append(value)
        out.append({'start': pos, 'end': pos + len(value), 'label': label})
        pos += len(value)
        cursor = end
    pieces.append(text[cursor:])
    return {'id': f"{row['id']}-swap", 'text': ''.join(pieces), 'spans': out}


def augment(rows: list[dict], share: float, seed: int, per_locale: int) -> list[dict]:
    """Swapped copies of a `share` of the rows that mention an entity (the originals are kept as they are)."""
    rng = random.Random(seed)
    gen = Generator(seed, per_locale)
    extra = []
    for row in rows:
        if rng.random() < share:
            swapped = replace_mentions(row, gen, rng)
            if swapped is not None:
                extra.append(swapped)
    return extra
