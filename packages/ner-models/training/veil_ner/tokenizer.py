"""Cased WordPiece tokenizer in the layout BertTokenizer / AutoTokenizer (transformers.js) expect."""
from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from pathlib import Path

from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers

SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']


def train_wordpiece(texts: Iterable[str], vocab_size: int, keep_whole: Iterable[str] = ()) -> Tokenizer:
    tok = Tokenizer(models.WordPiece(unk_token='[UNK]', max_input_chars_per_word=100))
    # Case carries most of the signal for names, so no lowercasing and no accent stripping.
    tok.normalizer = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=False, lowercase=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece(prefix='##')
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, min_frequency=2, special_tokens=SPECIAL,
                                        continuing_subword_prefix='##', limit_alphabet=1000)
    # Common words are repeated so they become single tokens even when the corpus rarely uses them.
    boost = [f"{w} {w.capitalize()} {w.upper()}" for w in keep_whole for _ in range(30)]
    tok.train_from_iterator(itertools.chain(texts, boost), trainer=trainer)
    # The trainer numbers its alphabet in hash-map order, so ids change from run to run; the token set does not.
    # Renumbering in a fixed order makes the tokenizer, and so the trained model, reproducible.
    learned = tok.get_vocab()
    ordered = SPECIAL + sorted(t for t in learned if t not in SPECIAL)
    tok.model = models.WordPiece(vocab={t: i for i, t in enumerate(ordered)}, unk_token='[UNK]',
                                 max_input_chars_per_word=100, continuing_subword_prefix='##')
    cls, sep = tok.token_to_id('[CLS]'), tok.token_to_id('[SEP]')
    tok.post_processor = processors.TemplateProcessing(single='[CLS] $A [SEP]', pair='[CLS] $A [SEP] $B:1 [SEP]:1',
                                                      special_tokens=[('[CLS]', cls), ('[SEP]', sep)])
    assert tok.token_to_id('[PAD]') == 0, 'padding_idx 0 in the model assumes [PAD] is id 0'
    return tok


def save_hf_layout(tok: Tokenizer, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    tok.save(str(out_dir / 'tokenizer.json'))
    config = {
        'tokenizer_class': 'BertTokenizer', 'do_lower_case': False, 'strip_accents': False,
        'tokenize_chinese_chars': True, 'model_max_length': 512, 'clean_up_tokenization_spaces': True,
        'unk_token': '[UNK]', 'sep_token': '[SEP]', 'pad_token': '[PAD]', 'cls_token': '[CLS]', 'mask_token': '[MASK]',
    }
    (out_dir / 'tokenizer_config.json').write_text(json.dumps(config, indent=2) + '\n')
    special = {'unk_token': '[UNK]', 'sep_token': '[SEP]', 'pad_token': '[PAD]', 'cls_token': '[CLS]', 'mask_token': '[MASK]'}
    (out_dir / 'special_tokens_map.json').write_text(json.dumps(special, indent=2) + '\n')
