"""Stages of the Veil NER pipeline: data -> tokenizer -> train -> members -> eval -> export -> card.

    python -m veil_ner.pipeline --profile full all
    python -m veil_ner.pipeline --profile smoke data tokenizer train export

Profiles fix every size and seed, so a profile name is enough to reproduce a model. A profile with
`member_seeds` trains further models on the same data (stage `members`) and exports them as one graph that
averages their log-probabilities (`ensemble.py`); the runtime loads it like any other model.
"""
from __future__ import annotations

import argparse
import dataclasses
import glob
import json
import os
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import torch

TRAINING = Path(__file__).resolve().parents[1]
PACKAGE = TRAINING.parent
REPO = PACKAGE.parents[1]
SHARED = REPO.parent / 'shared'
DATA = Path(os.environ.get('VEIL_DATA', SHARED / 'data'))
GMB_TRAIN = DATA / 'gmb/gmb_train.jsonl.gz'
GMB_DEV = DATA / 'gmb/gmb_dev.jsonl.gz'
SAMPLES_GLOB = str(REPO / 'benchmarks/data/*.jsonl')


@dataclass(frozen=True)
class Profile:
    synth_docs: int
    gmb_rows: int | None          # None = all of gmb_train
    dev_rows: int | None
    vocab_size: int
    hidden: int
    layers: int
    heads: int
    intermediate: int
    steps: int
    max_tokens: int               # tokens per batch (padded)
    lr: float
    out_dir: Path
    ship: str                     # 'both' | 'best' (quantized only when it costs < 1 F1 point)
    seed: int = 13
    max_len: int = 128
    names_per_locale: int = 120
    swap_share: float = 1.0       # share of GMB rows with an entity that also get a copy with swapped names
    phase2_steps: int = 0         # a second pass from the first one's weights, with its own warmup and decay
    phase2_lr: float = 3e-4
    member_seeds: tuple[int, ...] = ()  # further models trained like the first with these seeds; exported as one averaged graph
    base: str | None = None       # pretrained encoder to fine-tune (base_encoder.BASES); None = from scratch with our own WordPiece
    base_layers: tuple[int, ...] | None = None  # keep only these encoder layers (a cut model); None = all
    head_lr: float | None = None  # peak rate of the new classifier and case table when fine-tuning
    corpora: tuple[tuple[str, int | None], ...] = ()  # human-annotated corpora from ../shared/data and their row limits
    corpus_copies: tuple[tuple[str, int], ...] = ()   # small corpora repeated this many times in train.jsonl
    case: bool = True             # with a base: feed per-word case classes as token_type_ids (False only to measure their gain)


PROFILES = {
    # CI: synthetic data only (no ../shared needed), the pretrained encoder cut to one layer, a few steps.
    'smoke': Profile(synth_docs=300, gmb_rows=0, dev_rows=100, vocab_size=0, hidden=0, layers=0, heads=0, intermediate=0,
                     steps=30, max_tokens=1024, lr=1e-4, head_lr=1e-3, out_dir=TRAINING / 'work/smoke/model', ship='both',
                     names_per_locale=20, base='all-MiniLM-L6-v2', base_layers=(0,)),
    # The former from-scratch pipeline (cased WordPiece trained here), kept for the runtime tests' tiny fixture.
    'scratch-smoke': Profile(synth_docs=400, gmb_rows=400, dev_rows=200, vocab_size=2000, hidden=32, layers=1, heads=2,
                     intermediate=64, steps=60, max_tokens=1024, lr=3e-3, out_dir=TRAINING / 'work/smoke/model',
                     ship='both', names_per_locale=20, phase2_steps=10, member_seeds=(14,)),
    'fixture': Profile(synth_docs=4000, gmb_rows=4000, dev_rows=1000, vocab_size=3000, hidden=32, layers=2, heads=2,
                       intermediate=64, steps=700, max_tokens=2048, lr=3e-3, out_dir=PACKAGE / 'test/fixtures/tiny-ner',
                       ship='both', names_per_locale=40),
    # veil-ner-small v2: all-MiniLM-L6-v2 fine-tuned on the human-annotated corpora and the synthetic genres.
    'full': Profile(synth_docs=16000, gmb_rows=12000, dev_rows=None, vocab_size=0, hidden=0, layers=0, heads=0,
                    intermediate=0, steps=3600, max_tokens=1024, lr=1e-4, head_lr=1e-3, phase2_steps=1200, phase2_lr=3e-5,
                    out_dir=PACKAGE / 'models/veil-ner-small', ship='best', swap_share=0.25, base='all-MiniLM-L6-v2',
                    base_layers=(0, 2, 4, 5),
                    corpora=(('uner_ewt', None), ('btc', None), ('wnut17', None), ('gum_ner', None), ('wikigold', None)),
                    corpus_copies=(('gum_ner', 2), ('wnut17', 2))),
    # The same without case classes (all token types 0): only to measure what the case input gains.
    'full-nocase': None,
    # The v1 model (two 4-layer BERTs trained from scratch), for comparison runs.
    'scratch-full': Profile(synth_docs=45000, gmb_rows=None, dev_rows=None, vocab_size=16000, hidden=256, layers=4, heads=4,
                            intermediate=1024, steps=6000, max_tokens=1600, lr=8e-4, out_dir=PACKAGE / 'models/veil-ner-small',
                            ship='best', member_seeds=(14,)),
}


PROFILES['full-nocase'] = dataclasses.replace(PROFILES['full'], case=False, out_dir=TRAINING / 'work/full-nocase/model')


def set_threads() -> None:
    # One intra-op thread by default: on the shared 2-core build machine a second thread mostly spin-waits on the
    # other engineers' processes (measured 2,600 tok/s with one thread vs 2,200 with two, and far worse under load).
    torch.set_num_threads(int(os.environ.get('VEIL_TORCH_THREADS', '1')))


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def write_jsonl(path: Path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open('w', encoding='utf-8') as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + '\n')


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding='utf-8') as fh:
        return [json.loads(line) for line in fh if line.strip()]


def recase(row: dict, rng: random.Random, p_upper: float, p_lower: float) -> dict:
    """ALL-CAPS / lower-case copies keep offsets only when the case change keeps the length (not for 'ß')."""
    r = rng.random()
    fn = str.upper if r < p_upper else str.lower if r < p_upper + p_lower else None
    if fn is None:
        return row
    text = fn(row['text'])
    return {**row, 'text': text} if len(text) == len(row['text']) else row


# --- stages -------------------------------------------------------------------------------------------------
def stage_data(p: Profile, work: Path) -> None:
    from .augment import augment
    from .corpora import training_rows as corpus_rows
    from .gmb import training_rows
    from .synth import generate
    rng = random.Random(p.seed)
    gmb = training_rows(GMB_TRAIN, p.gmb_rows) if p.gmb_rows != 0 else []
    swapped = augment(gmb, p.swap_share, p.seed + 2, p.names_per_locale) if gmb else []
    copies = dict(p.corpus_copies)
    human: list[dict] = []
    counts = {}
    for name, limit in p.corpora:
        rows = corpus_rows(DATA, name, limit)
        counts[name] = len(rows)
        human += rows * copies.get(name, 1)
    synth = list(generate(p.synth_docs, p.seed, p.names_per_locale))
    rows = ([recase(r, rng, 0.05, 0.05) for r in gmb + swapped + human] + [recase(r, rng, 0.10, 0.10) for r in synth])
    rows = [{k: v for k, v in r.items() if k != 'source'} for r in rows]
    rng.shuffle(rows)
    write_jsonl(work / 'train.jsonl', rows)
    write_jsonl(work / 'synth_dev.jsonl', generate(max(200, p.synth_docs // 20), p.seed + 1, p.names_per_locale))
    write_json(work / 'data_stats.json', {'gmb': len(gmb), 'gmb_swapped': len(swapped), 'synthetic': len(synth),
                                         'corpora': counts, 'copies': copies, 'rows': len(rows)})
    log(f"data: {len(gmb)} GMB + {len(swapped)} GMB with swapped names + {counts} + {len(synth)} synthetic rows -> {work / 'train.jsonl'}")


def write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, indent=2) + '\n')


def stage_tokenizer(p: Profile, work: Path) -> None:
    if p.base:
        from .base_encoder import copy_tokenizer
        copy_tokenizer(p.base, work / 'tokenizer')
        log(f"tokenizer: {p.base}'s own, vocab {load_tokenizer(work).get_vocab_size()}")
        return
    from .tokenizer import save_hf_layout, train_wordpiece
    rows = read_jsonl(work / 'train.jsonl')
    from .synth import common_words
    tok = train_wordpiece((r['text'] for r in rows), p.vocab_size, keep_whole=common_words())
    save_hf_layout(tok, work / 'tokenizer')
    log(f"tokenizer: vocab {tok.get_vocab_size()}")


def load_tokenizer(work: Path):
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(str(work / 'tokenizer/tokenizer.json'))
    # Base tokenizers may come with fixed-length padding/truncation switched on; batches pad themselves.
    tok.no_padding()
    tok.no_truncation()
    return tok


def stage_train(p: Profile, work: Path) -> None:
    from .model import BertConfig, BertForTokenClassification, count_parameters
    from .train import train
    set_threads()
    examples = encoded_examples(p, work)
    init, resume, start_step, seconds_before = None, None, 0, 0.0
    if p.base:
        from .base_encoder import load_base
        from .labels import LABELS
        torch.manual_seed(p.seed)
        init = load_base(p.base, len(LABELS), p.base_layers)
        cfg = init.config
    else:
        cfg = BertConfig(vocab_size=load_tokenizer(work).get_vocab_size(), hidden_size=p.hidden, num_hidden_layers=p.layers,
                         num_attention_heads=p.heads, intermediate_size=p.intermediate)
    if (work / 'checkpoint.pt').exists():
        state = torch.load(work / 'checkpoint.pt', map_location='cpu')
        if state.get('resume') and state['config'] == cfg.to_dict() and state['resume_steps'] == p.steps:
            init = BertForTokenClassification(cfg)
            init.load_state_dict(state['weights'])
            resume, start_step, seconds_before = state['resume'], state['step'], state.get('seconds', 0.0)
            log(f"train: resuming from checkpoint at step {start_step}")
    tokens = sum(len(x[0]) for x in examples)
    log(f"train: {len(examples)} examples, {tokens} tokens, {p.steps} steps of <= {p.max_tokens} tokens")
    t0 = time.time() - seconds_before
    log(f"model parameters: {count_parameters(init if init is not None else BertForTokenClassification(cfg))}")
    save = lambda m, path: torch.save({'config': cfg.to_dict(), 'weights': m.state_dict()}, path)

    def checkpoint(m, step, state):
        # Written to a temporary file first: a run killed mid-write leaves the previous checkpoint intact.
        torch.save({'config': cfg.to_dict(), 'weights': m.state_dict(), 'step': step, 'resume': state,
                    'resume_steps': p.steps, 'seconds': time.time() - t0}, work / 'checkpoint.pt.tmp')
        os.replace(work / 'checkpoint.pt.tmp', work / 'checkpoint.pt')
        shutil.copy(work / 'checkpoint.pt', work / f"checkpoint-{step}.pt") if step % 1200 == 0 else None

    model = train(examples, cfg, steps=p.steps, max_tokens=p.max_tokens, lr=p.lr, seed=p.seed, log=log, init=init,
                  head_lr=p.head_lr, start_step=start_step, resume_state=resume, checkpoint=checkpoint)
    seconds = time.time() - t0
    save(model, work / 'model_phase1.pt')
    write_train_stats(work, seconds, len(examples), tokens, p.steps, count_parameters(model))
    log(f"train: phase 1 done in {seconds:.0f}s")
    if p.phase2_steps:
        stage_phase2(p, work, model, examples, seconds)
    else:
        save(model, work / 'model.pt')


def uses_case(p: Profile) -> bool:
    return p.base is not None and p.case


def encoded_examples(p: Profile, work: Path) -> list:
    from .encode import encode_row
    tok = load_tokenizer(work)
    return [encode_row(tok, r['text'], [(s['start'], s['end'], s['label']) for s in r['spans']], p.max_len, case=uses_case(p))
            for r in read_jsonl(work / 'train.jsonl')]


def stage_members(p: Profile, work: Path) -> None:
    """Further models on the same data and tokenizer, one per seed in `member_seeds` (phase 1 only)."""
    from .export import load_checkpoint
    from .model import count_parameters
    from .train import train
    set_threads()
    if not p.member_seeds:
        log('members: none in this profile')
        return
    examples = encoded_examples(p, work)
    cfg = load_checkpoint(work / 'model.pt').config
    stats = json.loads((work / 'train_stats.json').read_text())
    for seed in p.member_seeds:
        t0 = time.time()
        model = train(examples, cfg, steps=p.steps, max_tokens=p.max_tokens, lr=p.lr, seed=seed, log=log)
        (work / 'members').mkdir(exist_ok=True)
        torch.save({'config': cfg.to_dict(), 'weights': model.state_dict()}, work / 'members' / f"seed-{seed}.pt")
        stats['seconds'] += round(time.time() - t0)
        log(f"members: seed {seed} done in {time.time() - t0:.0f}s")
    stats['members'] = 1 + len(p.member_seeds)
    stats['parameters'] = count_parameters(model) * stats['members']
    (work / 'train_stats.json').write_text(json.dumps(stats, indent=2))


def load_model(p: Profile, work: Path):
    """The trained model, or the profile's members averaged in one graph when it has several."""
    from .ensemble import Ensemble
    from .export import load_checkpoint
    model = load_checkpoint(work / 'model.pt')
    if not p.member_seeds:
        return model
    return Ensemble([model] + [load_checkpoint(work / 'members' / f"seed-{seed}.pt") for seed in p.member_seeds]).eval()


def write_train_stats(work: Path, seconds: float, examples: int, tokens: int, steps: int, parameters: int) -> None:
    (work / 'train_stats.json').write_text(json.dumps({'seconds': round(seconds), 'examples': examples, 'tokens': tokens,
                                                       'steps': steps, 'parameters': parameters}, indent=2))


def stage_phase2(p: Profile, work: Path, model=None, examples=None, seconds_before: float | None = None) -> None:
    """Second pass over the same data at a lower peak rate. Run on its own, it continues work/model_phase1.pt."""
    from .encode import encode_row
    from .export import load_checkpoint
    from .model import count_parameters
    from .train import train
    set_threads()
    if model is None:
        examples = encoded_examples(p, work)
        model = load_checkpoint(work / 'model_phase1.pt')
        model.train()
        seconds_before = json.loads((work / 'train_stats.json').read_text())['seconds']
    t0 = time.time()
    model = train(examples, model.config, steps=p.phase2_steps, max_tokens=p.max_tokens, lr=p.phase2_lr, seed=p.seed + 1,
                  log=log, init=model)
    seconds = (seconds_before or 0) + time.time() - t0
    torch.save({'config': model.config.to_dict(), 'weights': model.state_dict()}, work / 'model.pt')
    write_train_stats(work, seconds, len(examples), sum(len(x[0]) for x in examples), p.steps + p.phase2_steps,
                      count_parameters(model))
    log(f"train: phase 2 done, {seconds:.0f}s in all")


def evaluate(tok, run, p: Profile, work: Path) -> dict:
    """The model alone on every dev split that is present (GMB first), on synthetic dev where there is no
    ../shared, and on the sample transcripts."""
    from .corpora import DEV_CORPORA, corpus_files, dev_rows
    from .predict import predict_spans
    from .scoring import Scorer
    types = ['PERSON', 'ORGANIZATION', 'LOCATION']
    case = uses_case(p)
    result = {}
    for name in DEV_CORPORA:
        if not corpus_files(DATA)[name]['dev'].exists():
            continue
        dev = dev_rows(DATA, name, p.dev_rows)
        preds = predict_spans(tok, [r['text'] for r in dev], run, case=case)
        strict, forgiving = Scorer(types), Scorer(types)
        for r, pr in zip(dev, preds):
            strict.add(pr, r['gold'])
            forgiving.add(pr, r['gold'], r['ignore'])
        key = 'gmb_dev' if name == 'gmb' else f"{name}_dev"
        result[key] = {'documents': len(dev), 'gpe_predictions_ignored': forgiving.report(), 'strict': strict.report()}
    if not result and (work / 'synth_dev.jsonl').exists():
        # A fresh clone without ../shared (the CI smoke run on a user's machine): the held-out synthetic rows.
        dev = read_jsonl(work / 'synth_dev.jsonl')[:p.dev_rows or None]
        sc = Scorer(types)
        for r, pr in zip(dev, predict_spans(tok, [r['text'] for r in dev], run, case=case)):
            sc.add(pr, [(s['start'], s['end'], s['label']) for s in r['spans']])
        result['synth_dev'] = {'documents': len(dev), 'gpe_predictions_ignored': sc.report()}
    samples = sorted(glob.glob(SAMPLES_GLOB))
    if samples:
        docs = [d for f in samples for d in read_jsonl(Path(f))]
        sc = Scorer(types)
        preds = predict_spans(tok, [d['text'] for d in docs], run, case=case)
        for d, pr in zip(docs, preds):
            sc.add(pr, [(s['start'], s['end'], {'PER': 'PERSON', 'LOC': 'LOCATION', 'ORG': 'ORGANIZATION'}.get(s['label'], s['label'])) for s in d['spans']])
        result['samples'] = {'files': [str(Path(f).relative_to(REPO)) for f in samples], 'documents': len(docs), **sc.report(),
                             'person_on_non_names': person_on_non_names(docs, preds)}
    return result


# Values the issue says must never become PERSON: timestamps, SKUs, hashes, versions, weekday names.
NON_NAME = re.compile(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|[A-Z]{2,}-?\d|\d+[A-Z]|[0-9a-f]{7,}|v?\d+\.\d+|"
                      r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?$", re.IGNORECASE)


def person_on_non_names(docs: list[dict], preds: list[list[tuple[int, int, str]]]) -> list[str]:
    """PERSON predictions over a timestamp, SKU, hash, version or weekday that no gold PERSON covers."""
    hits = []
    for d, pr in zip(docs, preds):
        gold = [(s['start'], s['end']) for s in d['spans'] if s['label'] in ('PERSON', 'PER')]
        for start, end, typ in pr:
            value = d['text'][start:end]
            if typ == 'PERSON' and NON_NAME.search(value) and not any(a < end and start < b for a, b in gold):
                hits.append(f"{d['id']}: {value!r}")
    return hits


def stage_eval(p: Profile, work: Path) -> None:
    from .predict import torch_runner
    set_threads()
    tok = load_tokenizer(work)
    metrics = evaluate(tok, torch_runner(load_model(p, work)), p, work)
    (work / 'metrics_torch.json').write_text(json.dumps(metrics, indent=2))
    log('eval (pytorch): ' + summary(metrics))


def dev_splits(m: dict) -> list[str]:
    return [k for k in m if k.endswith('_dev')]


def summary(m: dict) -> str:
    parts = []
    for split in dev_splits(m):
        g = m[split]['gpe_predictions_ignored']
        parts.append(f"{split} " + '/'.join(f"{g[t]['f1']:.3f}" for t in ['PERSON', 'LOCATION', 'ORGANIZATION']))
    s = 'F1 PER/LOC/ORG: ' + ', '.join(parts)
    if 'samples' in m:
        s += f"; samples PERSON P {m['samples']['PERSON']['precision']:.3f} R {m['samples']['PERSON']['recall']:.3f}"
    return s


def gmb_f1(m: dict) -> float:
    """Mean micro F1 over the dev splits present (the quantised graph ships when it costs < 1 point of it)."""
    splits = dev_splits(m)
    return sum(m[k]['gpe_predictions_ignored']['micro']['f1'] for k in splits) / max(1, len(splits))


def stage_export(p: Profile, work: Path) -> None:
    from .export import export_onnx, load_checkpoint, quantize, write_config
    from .predict import onnx_runner, torch_runner, predict_spans
    set_threads()
    tok = load_tokenizer(work)
    model = load_model(p, work)
    build = work / 'onnx'
    if build.exists():
        shutil.rmtree(build)
    export_onnx(model, build / 'model.onnx')
    quantize(build / 'model.onnx', build / 'model_quantized.onnx')
    # The exported graph must agree with PyTorch before anything else is measured.
    import numpy as np
    from .casing import token_case_classes
    probe = ['Maria van der Berg flew from Lagos to Google in Zurich on Monday.', 'SKU-4471-B shipped']
    encs = [tok.encode(t) for t in probe]
    width = max(len(e.ids) for e in encs)
    ids = np.zeros((2, width), dtype=np.int64)
    mask = np.zeros_like(ids)
    types = np.zeros_like(ids)
    for i, e in enumerate(encs):
        ids[i, :len(e.ids)] = e.ids
        mask[i, :len(e.ids)] = 1
        if uses_case(p):
            types[i, :len(e.ids)] = token_case_classes(probe[i], e)
    a = torch_runner(model)(ids, mask, types)
    b = onnx_runner(str(build / 'model.onnx'))(ids, mask, types)
    diff = float(np.abs(a - b)[mask.astype(bool)].max())
    assert diff < 1e-3, f"ONNX export differs from PyTorch by {diff}"
    m_fp32 = evaluate(tok, onnx_runner(str(build / 'model.onnx')), p, work)
    m_int8 = evaluate(tok, onnx_runner(str(build / 'model_quantized.onnx')), p, work)
    log('eval (onnx fp32): ' + summary(m_fp32))
    log('eval (onnx int8): ' + summary(m_int8))
    if p.ship == 'both':
        files = ['model.onnx', 'model_quantized.onnx']
    else:
        files = ['model_quantized.onnx'] if gmb_f1(m_fp32) - gmb_f1(m_int8) < 0.01 else ['model.onnx']
    out = p.out_dir
    if out.exists():
        shutil.rmtree(out)
    (out / 'onnx').mkdir(parents=True)
    for f in files:
        shutil.copy(build / f, out / 'onnx' / f)
    for f in ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json']:
        shutil.copy(work / 'tokenizer' / f, out / f)
    if p.base:
        strip_tokenizer_padding(out / 'tokenizer.json')
        write_base_notices(p.base, out)
    write_config(model.config, out, files[-1] if p.ship == 'best' else 'model.onnx', members=1 + len(p.member_seeds),
                 token_types='case' if uses_case(p) else None, base=p.base)
    sizes = {f: (out / 'onnx' / f).stat().st_size for f in files}
    chosen = m_int8 if files == ['model_quantized.onnx'] else m_fp32
    metrics = {'profile': next(k for k, v in PROFILES.items() if v is p), 'shipped_files': files, 'onnx_bytes': sizes,
               'onnx_fp32': m_fp32, 'onnx_int8': m_int8, 'shipped': chosen,
               'train': json.loads((work / 'train_stats.json').read_text())}
    (work / 'metrics.json').write_text(json.dumps(metrics, indent=2))
    # Texts and Python ids for the Node check: transformers.js must encode exactly like the Python tokenizer.
    checks = ['Dr. Ngozi Okafor-Adeyemi met JEAN-LUC PICARD in São Paulo.', 'ping priya ramanathan about SKU-4471-B (v2.3.1)',
              'Zoë al-Rashid, 13:45 — Müller & Söhne GmbH, Straße 5', 'Tuesday: commit 9f8e7d6c5b4a',
              'John Smith works at Acme Corp in London.']
    rows = []
    for t in checks:
        e = tok.encode(t)
        rows.append({'text': t, 'ids': e.ids, **({'types': token_case_classes(t, e)} if uses_case(p) else {})})
    check = json.dumps(rows, ensure_ascii=False, indent=2) + '\n'
    (work / 'tokenizer_check.json').write_text(check)
    if p.ship == 'best':
        # The bundled-model test compares transformers.js encodings against these Python ones.
        (PACKAGE / 'test/fixtures' / f"{out.name}.tokenizer-check.json").write_text(check)
    log(f"export: {out} {sizes}")


def strip_tokenizer_padding(path: Path) -> None:
    """The base's tokenizer.json pads and truncates to 128; the runtime windows and pads itself."""
    spec = json.loads(path.read_text(encoding='utf-8'))
    spec['padding'] = None
    spec['truncation'] = None
    path.write_text(json.dumps(spec, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')


def write_base_notices(base: str, out: Path) -> None:
    """The base encoder's Apache-2.0 licence and a NOTICE naming it and the training data, shipped with the model."""
    assert base == 'all-MiniLM-L6-v2', f"no licence notes recorded for base {base}"
    shutil.copy(TRAINING / 'licences' / 'Apache-2.0.txt', out / 'LICENSE-Apache-2.0.txt')
    shutil.copy(TRAINING / 'licences' / 'NOTICE.md', out / 'NOTICE.md')


def stage_card(p: Profile, work: Path) -> None:
    from .card import update_card
    update_card(PACKAGE / 'MODEL_CARD.md', json.loads((work / 'metrics.json').read_text()))
    log('card: MODEL_CARD.md metrics updated')


STAGES = {'data': stage_data, 'tokenizer': stage_tokenizer, 'train': stage_train, 'phase2': stage_phase2, 'members': stage_members, 'eval': stage_eval,
          'export': stage_export, 'card': stage_card}


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('--profile', choices=list(PROFILES), required=True)
    ap.add_argument('--work', type=Path, help='work directory (default training/work/PROFILE)')
    ap.add_argument('--out', type=Path, help='model directory to export to (default: the profile\'s)')
    ap.add_argument('--seed', type=int, help='training seed (default: the profile\'s); members of an ensemble differ only here')
    ap.add_argument('stages', nargs='+', choices=list(STAGES) + ['all'])
    args = ap.parse_args(argv)
    p = PROFILES[args.profile]
    if args.out is not None:
        PROFILES[args.profile] = p = dataclasses.replace(p, out_dir=args.out.resolve())
    if args.seed is not None:
        PROFILES[args.profile] = p = dataclasses.replace(p, seed=args.seed)
    work = args.work.resolve() if args.work else TRAINING / 'work' / args.profile
    work.mkdir(parents=True, exist_ok=True)
    random.seed(p.seed)
    torch.manual_seed(p.seed)
    stages = ['data', 'tokenizer', 'train', 'members', 'eval', 'export'] + (['card'] if args.profile == 'full' else []) if 'all' in args.stages else args.stages
    for s in stages:
        log(f"== {s} ({args.profile})")
        STAGES[s](p, work)


if __name__ == '__main__':
    main(sys.argv[1:])
