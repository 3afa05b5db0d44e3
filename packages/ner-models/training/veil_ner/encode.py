"""Character spans -> per-token BIO ids (and per-token case classes), using the fast tokenizer's offsets."""
from __future__ import annotations

from tokenizers import Tokenizer

from .casing import token_case_classes
from .labels import IGNORE, LABEL2ID

Example = tuple[list[int], list[int], list[int]]  # token ids, label ids, token type ids


def encode_row(tok: Tokenizer, text: str, spans: list[tuple[int, int, str]], max_len: int, case: bool = False) -> Example:
    enc = tok.encode(text)
    ids, offsets, special = enc.ids, enc.offsets, enc.special_tokens_mask
    types = token_case_classes(text, enc) if case else [0] * len(ids)
    labels = []
    ordered = sorted(spans)
    for (s, e), is_special in zip(offsets, special):
        if is_special:
            labels.append(IGNORE)
            continue
        label = 'O'
        for start, end, typ in ordered:
            if s >= start and e <= end:
                label = ('B-' if s == start or not labels or labels[-1] == IGNORE else 'I-') + typ
                # A span start that falls inside a token (rare tokenisation clash) still marks that token B.
                break
            if s < start < e:
                label = 'B-' + typ
                break
        labels.append(LABEL2ID[label])
    if len(ids) > max_len:
        ids = ids[:max_len - 1] + [ids[-1]]
        labels = labels[:max_len - 1] + [IGNORE]
        types = types[:max_len - 1] + [types[-1]]
    return ids, labels, types
