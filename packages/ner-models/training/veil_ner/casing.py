"""Per-word case classes, fed to the model as `token_type_ids`.

An uncased vocabulary reads "Bush", "bush" and "BUSH" alike; capitalisation is the strongest single cue for a
name, so each token carries the case class of the word it belongs to. Words are split as BERT's pre-tokenizer
splits them (whitespace, each punctuation character), which is also how the Node runtime splits them
(`packages/ner-models/src/words.ts`), so both sides compute the same classes.

0 special tokens and padding, 1 no cased letter (digits, punctuation, CJK), 2 lower-case, 3 capitalised
("Maria", "A", "J"), 4 all capitals ("NASA"), 5 mixed ("McDonald", "iPhone").
"""
from __future__ import annotations

CASE_CLASSES = 6
SPECIAL, UNCASED, LOWER, TITLE, UPPER, MIXED = range(CASE_CLASSES)


def case_class(word: str) -> int:
    upper = lower = 0
    first_upper = None
    for ch in word:
        if ch.isupper():
            upper += 1
            if first_upper is None:
                first_upper = True
        elif ch.islower():
            lower += 1
            if first_upper is None:
                first_upper = False
    if upper == 0 and lower == 0:
        return UNCASED
    if upper == 0:
        return LOWER
    if lower == 0:
        return UPPER if upper >= 2 else TITLE
    return TITLE if upper == 1 and first_upper else MIXED


def token_case_classes(text: str, encoding) -> list[int]:
    """One class per token of a `tokenizers` Encoding: its word's class, SPECIAL for [CLS]/[SEP]/padding."""
    out = []
    cache: dict[int, int] = {}
    for word, special in zip(encoding.word_ids, encoding.special_tokens_mask):
        if special or word is None:
            out.append(SPECIAL)
            continue
        if word not in cache:
            span = encoding.word_to_chars(word)
            cache[word] = case_class(text[span[0]:span[1]]) if span is not None else UNCASED
        out.append(cache[word])
    return out
