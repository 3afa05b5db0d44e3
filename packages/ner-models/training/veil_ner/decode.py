"""Per-token label ids -> character spans (the 'simple' aggregation of HF pipelines, word pieces joined)."""
from __future__ import annotations

from .labels import LABELS


def decode(tokens: list[str], offsets: list[tuple[int, int]], special: list[int], pred: list[int]) -> list[tuple[int, int, str]]:
    spans: list[list] = []
    current: list | None = None
    for tok, (s, e), sp, p in zip(tokens, offsets, special, pred):
        if sp:
            current = None
            continue
        label = LABELS[p]
        continuation = tok.startswith('##')
        if continuation:
            # A word piece follows its word's first piece, whatever its own label says (whole words only).
            if current is not None:
                current[1] = e
            continue
        if label == 'O':
            current = None
            continue
        bio, typ = label.split('-', 1)
        if current is not None and bio == 'I' and current[2] == typ:
            current[1] = e
        else:
            current = [s, e, typ]
            spans.append(current)
    return [tuple(x) for x in spans]
