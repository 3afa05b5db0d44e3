"""Training loop: length-bucketed dynamic batches, AdamW with linear warmup and decay, fixed seeds."""
from __future__ import annotations

import math
import random
import time

import torch
from torch import nn

from .labels import IGNORE
from .model import BertConfig, BertForTokenClassification


def make_batches(examples: list, max_tokens: int, rng: random.Random) -> list[list[int]]:
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
    types = torch.zeros_like(ids)
    for row, i in enumerate(idx):
        x, y, t = examples[i]
        ids[row, :len(x)] = torch.tensor(x)
        labels[row, :len(y)] = torch.tensor(y)
        types[row, :len(t)] = torch.tensor(t)
        mask[row, :len(x)] = 1
    return ids, mask, types, labels


def train(examples, cfg: BertConfig, *, steps: int, max_tokens: int, lr: float, seed: int, log, checkpoint=None,
          init: BertForTokenClassification | None = None, head_lr: float | None = None,
          start_step: int = 0, resume_state: dict | None = None) -> BertForTokenClassification:
    """Trains a new model, or continues `init` with a fresh warmup and decay (a second, lower-rate phase, or a
    pretrained encoder being fine-tuned). `head_lr` gives the classifier and the token-type (case) table, which
    start from scratch, their own peak rate. `resume_state` (from a checkpoint) continues an interrupted run at
    `start_step` with the same optimizer, schedule and data order."""
    torch.manual_seed(seed)
    rng = random.Random(seed)
    model = init if init is not None else BertForTokenClassification(cfg)
    fresh = lambda n: head_lr is not None and (n.startswith('classifier.') or 'token_type_embeddings' in n)
    groups = []
    for is_fresh in (False, True):
        named = [(n, p) for n, p in model.named_parameters() if fresh(n) == is_fresh]
        rate = head_lr if is_fresh else lr
        groups.append({'params': [p for n, p in named if p.dim() > 1 and 'embeddings' not in n], 'weight_decay': 0.01, 'lr': rate})
        groups.append({'params': [p for n, p in named if not (p.dim() > 1 and 'embeddings' not in n)], 'weight_decay': 0.0, 'lr': rate})
    opt = torch.optim.AdamW([g for g in groups if g['params']], lr=lr)
    warmup = max(1, steps // 16)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
    loss_fn = nn.CrossEntropyLoss(ignore_index=IGNORE)
    if resume_state is not None:
        opt.load_state_dict(resume_state['optimizer'])
        sched.load_state_dict(resume_state['scheduler'])
        rng.setstate(resume_state['rng'])
        torch.set_rng_state(resume_state['torch_rng'])
    model.train()
    step, epoch, t0, running = start_step, 0, time.time(), 0.0
    skip = resume_state['batch_in_epoch'] if resume_state is not None else 0
    if resume_state is not None:
        epoch = resume_state['epoch'] - 1
    while step < steps:
        epoch += 1
        batches = resume_state['batches'] if resume_state is not None and skip else make_batches(examples, max_tokens, rng)
        for b, idx in enumerate(batches):
            if skip:
                if b < skip:
                    continue
                skip = 0
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
                # Everything needed to continue exactly here: an interrupted run resumes instead of starting over.
                checkpoint(model, step, {'optimizer': opt.state_dict(), 'scheduler': sched.state_dict(), 'rng': rng.getstate(),
                                         'torch_rng': torch.get_rng_state(), 'epoch': epoch, 'batches': batches,
                                         'batch_in_epoch': b + 1})
            if step >= steps:
                break
        skip = 0
    model.eval()
    return model
