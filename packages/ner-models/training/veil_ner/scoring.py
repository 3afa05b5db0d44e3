"""DESIGN.md overlap rule: same type, overlap >= half of the shorter span, each gold matched at most once."""
from __future__ import annotations

from collections import defaultdict


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def matches(pred: tuple[int, int, str], gold: tuple[int, int, str]) -> bool:
    if pred[2] != gold[2]:
        return False
    shorter = min(pred[1] - pred[0], gold[1] - gold[0])
    return shorter > 0 and overlap(pred, gold) * 2 >= shorter


class Scorer:
    def __init__(self, types: list[str]):
        self.types = types
        self.counts = defaultdict(lambda: {'tp': 0, 'fp': 0, 'fn': 0})

    def add(self, preds: list[tuple[int, int, str]], gold: list[tuple[int, int, str]], ignore: list[tuple[int, int]] = ()) -> None:
        preds = [p for p in preds if p[2] in self.types]
        gold = [g for g in gold if g[2] in self.types]
        used = set()
        for p in sorted(preds):
            best = None
            for i, g in enumerate(gold):
                if i not in used and matches(p, g) and (best is None or overlap(p, g) > overlap(p, gold[best])):
                    best = i
            if best is not None:
                used.add(best)
                self.counts[p[2]]['tp'] += 1
            elif p[2] == 'LOCATION' and any(overlap(p, r) > 0 for r in ignore):
                continue  # unscored region (GMB gpe spans): a place there is neither right nor wrong
            else:
                self.counts[p[2]]['fp'] += 1
        for i, g in enumerate(gold):
            if i not in used:
                self.counts[g[2]]['fn'] += 1

    def report(self) -> dict:
        out = {}
        total = {'tp': 0, 'fp': 0, 'fn': 0}
        for t in self.types:
            c = self.counts[t]
            out[t] = {**c, **prf(c)}
            for k in total:
                total[k] += c[k]
        out['micro'] = {**total, **prf(total)}
        return out


def prf(c: dict) -> dict:
    p = c['tp'] / (c['tp'] + c['fp']) if c['tp'] + c['fp'] else 0.0
    r = c['tp'] / (c['tp'] + c['fn']) if c['tp'] + c['fn'] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {'precision': round(p, 4), 'recall': round(r, 4), 'f1': round(f, 4)}
