"""Several members trained on the same data with different seeds, exported as one graph.

The graph's output is the mean of the members' log-probabilities. That is still a `logits` tensor (softmax of it is
the normalised geometric mean of the members' probabilities), so the Node runtime loads an ensemble like any other
token-classification model.
"""
from __future__ import annotations

import torch
from torch import nn

from .model import BertForTokenClassification


class Ensemble(nn.Module):
    def __init__(self, members: list[BertForTokenClassification]):
        super().__init__()
        if not members:
            raise ValueError('an ensemble needs at least one member')
        self.members = nn.ModuleList(members)
        self.config = members[0].config

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        logp = [torch.log_softmax(m(input_ids, attention_mask, token_type_ids), dim=-1) for m in self.members]
        return torch.stack(logp).mean(dim=0)
