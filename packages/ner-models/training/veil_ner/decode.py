"""Per-token label ids -> character spans: whole words, BIO runs, names glued by inner punctuation kept whole.

Close to the Node runtime's 'simple' aggregation (packages/ner-models/src/aggregation.ts), so the numbers the
pipeline reports are the ones users get: word pieces follow their word, punctuation never starts an entity, and
". - ' ’ &" glued inside a name (Mary-Jane, O'Neil, AT&T, Inc.) does not split it.
"""
from __future__ import annotations

from .labels import LABELS

INNER_PUNCTUATION = {'.', '-', "'", '\u2019', '&'}


def is_punctuation(token: str) -> bool:
    return not any(ch.isalnum() for ch in token)


def decode(tokens: list[str], offsets: list[tuple[int, int]], special: list[int], pred: list[int]) -> list[tuple[int, int, str]]:
    spans: list[list] = []
    current: list | None = None
    for tok, (s, e), sp, p in zip(tokens, offsets, special, pred):
        if sp:
            current = None
            continue
        if tok.startswith('##'):
            if current is not None:
                current[1] = e
            continue
        label = LABELS[p]
        glued = current is not None and s == current[1]
        if is_punctuation(tok):
            if glued and tok in INNER_PUNCTUATION and label != 'O':
                current[1] = e
            elif not (glued and tok in INNER_PUNCTUATION):
                current = None
            continue
        if label == 'O':
            current = None
            continue
        bio, typ = label.split('-', 1)
        if current is not None and current[2] == typ and (bio == 'I' or glued):
            current[1] = e
        else:
            current = [s, e, typ]
            spans.append(current)
    return [(s, e, t) for s, e, t in spans]
