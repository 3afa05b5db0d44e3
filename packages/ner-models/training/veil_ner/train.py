"""Training loop: length-bucketed dynamic batches, AdamW with linear warmup and decay, fixed seeds."""
from __future__ import annotations

import math
import random
import time

import torch
from torch import nn

from .labels import IGNORE
from .model import BertConfig, BertForTokenClassification


def make_batches(examples: list[tuple[list[int], list[int]]], max_tokens: int, rng: random.Random) -> list[list[int]]:
    """Index batches of similar length so padding stays small; order shuffled per epoch."""
    order = sorted(range(len(examples)), key=lambda i: (len(examples[i][0]), rng.random()))
    batches, current, longest = [], [], 0
    for i in order:
        n = len(examples[i][0])
        if current and max(longest, n) * (len(current) + 1) > max_tokens:
            batches.append(current)
            current, longest = [], 0
        current.append(i)
        longest = max(longest, n)
    if current:
        batches.append(current)
    rng.shuffle(batches)
    return batches


def collate(examples, idx):
    width = max(len(examples[i][0]) for i in idx)
    ids = torch.zeros(len(idx), width, dtype=torch.long)
    labels = torch.full((len(idx), width), IGNORE, dtype=torch.long)
    mask = torch.zeros(len(idx), width, dtype=torch.long)
    for row, i in enumerate(idx):
        x, y = examples[i]
        ids[row, :len(x)] = torch.tensor(x)
        labels[row, :len(y)] = torch.tensor(y)
        mask[row, :len(x)] = 1
    return ids, mask, torch.zeros_like(ids), labels


def train(examples, cfg: BertConfig, *, steps: int, max_tokens: int, lr: float, seed: int, log, checkpoint=None,
          init: BertForTokenClassification | None = None) -> BertForTokenClassification:
    """Trains a new model, or continues `init` with a fresh warmup and decay (a second, lower-rate phase)."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = init if init is not None else BertForTokenClassification(cfg)
    decay = [p for n, p in model.named_parameters() if p.dim() > 1 and 'embeddings' not in n]
    no_decay = [p for n, p in model.named_parameters() if not (p.dim() > 1 and 'embeddings' not in n)]
    opt = torch.optim.AdamW([{'params': decay, 'weight_decay': 0.01}, {'params': no_decay, 'weight_decay': 0.0}], lr=lr)
    warmup = max(1, steps // 16)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
    loss_fn = nn.CrossEntropyLoss(ignore_index=IGNORE)
    model.train()
    step, epoch, t0, running = 0, 0, time.time(), 0.0
    while step < steps:
        epoch += 1
        for idx in make_batches(examples, max_tokens, rng):
            ids, mask, types, labels = collate(examples, idx)
            logits = model(ids, mask, types)
            loss = loss_fn(logits.view(-1, cfg.num_labels), labels.view(-1))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 50 == 0 or step == steps:
                log(f"step {step}/{steps} epoch {epoch} loss {running:.4f} lr {sched.get_last_lr()[0]:.2e} {time.time() - t0:.0f}s")
            if checkpoint is not None and step % 400 == 0:
                checkpoint(model, step)  # lets a long run be inspected or resumed by hand; not used by export
            if step >= steps:
                break
    model.eval()
    return model
