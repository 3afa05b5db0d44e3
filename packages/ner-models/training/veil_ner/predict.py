"""Span predictions for raw texts with either the PyTorch model or an ONNX session (same decoding)."""
from __future__ import annotations

import re

import numpy as np
import torch
from tokenizers import Tokenizer

from .casing import token_case_classes
from .decode import decode


def segments(text: str, max_chars: int = 1200) -> list[tuple[int, int]]:
    """Line-aligned windows short enough for 512 positions; long lines are cut at spaces."""
    pieces: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while e - s > max_chars:
            cut = text.rfind(' ', s, s + max_chars)
            cut = cut if cut > s else s + max_chars
            pieces.append((s, cut))
            s = cut
        pieces.append((s, e))
    windows: list[tuple[int, int]] = []
    for s, e in pieces:
        if windows and e - windows[-1][0] <= max_chars:
            windows[-1] = (windows[-1][0], e)
        else:
            windows.append((s, e))
    return windows or [(0, len(text))]


def predict_spans(tok: Tokenizer, texts: list[str], run, **kw) -> list[list[tuple[int, int, str]]]:
    """Predictions for texts of any length: windows are predicted separately and their offsets shifted back."""
    index, parts = [], []
    for i, t in enumerate(texts):
        for s, e in segments(t):
            index.append((i, s))
            parts.append(t[s:e])
    out: list[list] = [[] for _ in texts]
    for (i, s), spans in zip(index, predict_window_spans(tok, parts, run, **kw)):
        out[i].extend((a + s, b + s, typ) for a, b, typ in spans)
    return out


def predict_window_spans(tok: Tokenizer, texts: list[str], run, max_len: int = 512, batch: int = 32,
                         case: bool = False) -> list[list[tuple[int, int, str]]]:
    """run(ids, mask, types) -> logits array [batch, seq, labels]; `case` feeds case classes as token types."""
    out: list[list] = [None] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), batch):
        idx = order[start:start + batch]
        encs = [tok.encode(texts[i]) for i in idx]
        width = min(max_len, max(len(e.ids) for e in encs))
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for r, (i, e) in enumerate(zip(idx, encs)):
            n = min(width, len(e.ids))
            ids[r, :n] = e.ids[:n]
            mask[r, :n] = 1
            if case:
                types[r, :n] = token_case_classes(texts[i], e)[:n]
        logits = run(ids, mask, types)
        preds = logits.argmax(-1)
        for r, (i, e) in enumerate(zip(idx, encs)):
            n = min(width, len(e.ids))
            out[i] = decode(e.tokens[:n], e.offsets[:n], e.special_tokens_mask[:n], preds[r, :n].tolist())
    return out


def torch_runner(model):
    def run(ids, mask, types):
        with torch.no_grad():
            return model(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(types)).numpy()
    return run


def onnx_runner(path: str, threads: int = 2):
    import onnxruntime as ort
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    sess = ort.InferenceSession(path, opts, providers=['CPUExecutionProvider'])

    def run(ids, mask, types):
        return sess.run(['logits'], {'input_ids': ids, 'attention_mask': mask, 'token_type_ids': types})[0]
    return run
