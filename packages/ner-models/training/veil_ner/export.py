"""ONNX export in Hugging Face layout, optional int8 dynamic quantisation, and the config.json."""
from __future__ import annotations

import json
from pathlib import Path

import torch

from .labels import LABEL2ID, LABELS
from .model import BertConfig, BertForTokenClassification


def hf_config(cfg: BertConfig, onnx_file: str, members: int = 1, token_types: str | None = None,
              base: str | None = None) -> dict:
    # Which ONNX file in onnx/ to load; the other may be absent to keep the package small.
    veil = {'onnx_file': onnx_file, 'entity_types': ['PERSON', 'ORGANIZATION', 'LOCATION'], 'aggregation': 'simple'}
    if token_types:
        # token_type_ids carry each word's case class (casing.py), not sentence A/B: the runtime must fill them.
        veil['token_type_ids'] = token_types
    if base:
        veil['base_model'] = base
    if members > 1:
        veil['members'] = members  # the graph averages this many models of the size above
    return {
        'model_type': 'bert', 'architectures': ['BertForTokenClassification'],
        'vocab_size': cfg.vocab_size, 'hidden_size': cfg.hidden_size, 'num_hidden_layers': cfg.num_hidden_layers,
        'num_attention_heads': cfg.num_attention_heads, 'intermediate_size': cfg.intermediate_size,
        'hidden_act': 'gelu', 'max_position_embeddings': cfg.max_position_embeddings,
        'type_vocab_size': cfg.type_vocab_size, 'layer_norm_eps': cfg.layer_norm_eps,
        'hidden_dropout_prob': cfg.hidden_dropout_prob, 'attention_probs_dropout_prob': cfg.attention_probs_dropout_prob,
        'pad_token_id': 0, 'id2label': {str(i): l for i, l in enumerate(LABELS)}, 'label2id': LABEL2ID,
        'veil': veil,
    }


def export_onnx(model: BertForTokenClassification, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    model.eval()
    ids = torch.tensor([[2, 100, 101, 102, 3]], dtype=torch.long)
    mask = torch.ones_like(ids)
    types = torch.zeros_like(ids)
    axes = {0: 'batch', 1: 'sequence'}
    torch.onnx.export(model, (ids, mask, types), str(path), input_names=['input_ids', 'attention_mask', 'token_type_ids'],
                      output_names=['logits'], dynamic_axes={'input_ids': axes, 'attention_mask': axes, 'token_type_ids': axes, 'logits': axes},
                      opset_version=14, do_constant_folding=True)


def quantize(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic
    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8, per_channel=False, reduce_range=False)


def write_config(cfg: BertConfig, out_dir: Path, onnx_file: str, members: int = 1, token_types: str | None = None,
                 base: str | None = None) -> None:
    (out_dir / 'config.json').write_text(json.dumps(hf_config(cfg, onnx_file, members, token_types, base), indent=2) + '\n')


def load_checkpoint(path: Path) -> BertForTokenClassification:
    state = torch.load(path, map_location='cpu')
    model = BertForTokenClassification(BertConfig(**state['config']))
    model.load_state_dict(state['weights'])
    model.eval()
    return model
