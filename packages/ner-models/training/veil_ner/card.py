"""Writes the measured metrics into MODEL_CARD.md between its metrics markers; the prose stays hand-written."""
from __future__ import annotations

from pathlib import Path

START, END = '<!-- metrics:start -->', '<!-- metrics:end -->'


def table(rows: dict, types=('PERSON', 'LOCATION', 'ORGANIZATION', 'micro')) -> str:
    lines = ['| type | precision | recall | F1 | tp | fp | fn |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |']
    for t in types:
        r = rows[t]
        lines.append(f"| {t} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['tp']} | {r['fp']} | {r['fn']} |")
    return '\n'.join(lines)


def members_note(train: dict) -> str:
    n = train.get('members', 1)
    return f" in {n} members of the same size, averaged in one graph" if n > 1 else ''


SPLIT_NAMES = {'gmb_dev': 'GMB dev (newswire)', 'uner_ewt_dev': 'UNER English-EWT dev (e-mail, reviews, answers, blogs)',
               'btc_dev': 'Broad Twitter Corpus dev', 'wnut17_dev': 'WNUT-17 dev (social media)',
               'gum_ner_dev': 'GUM dev (court, interviews, news, travel, biographies)'}


def split_table(shipped: dict) -> str:
    lines = ['| dev split | documents | PERSON F1 | LOCATION F1 | ORGANIZATION F1 | micro P | micro R | micro F1 |',
             '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |']
    for key, name in SPLIT_NAMES.items():
        if key not in shipped:
            continue
        r = shipped[key]['gpe_predictions_ignored']
        lines.append(f"| {name} | {shipped[key]['documents']:,} | {r['PERSON']['f1']:.3f} | {r['LOCATION']['f1']:.3f} | "
                     f"{r['ORGANIZATION']['f1']:.3f} | {r['micro']['precision']:.3f} | {r['micro']['recall']:.3f} | {r['micro']['f1']:.3f} |")
    return '\n'.join(lines)


def mean_f1(m: dict) -> float:
    splits = [k for k in SPLIT_NAMES if k in m]
    return sum(m[k]['gpe_predictions_ignored']['micro']['f1'] for k in splits) / max(1, len(splits))


def render(m: dict) -> str:
    shipped = m['shipped']
    t = m['train']
    parts = [
        f"Shipped ONNX file(s): {', '.join('onnx/' + f for f in m['shipped_files'])} "
        f"({', '.join(f'{f}: {b / 1e6:.1f} MB' for f, b in m['onnx_bytes'].items())}). "
        f"Parameters: {t['parameters']:,}{members_note(t)}. Training: {t['steps']} steps"
        f"{' per member' if t.get('members', 1) > 1 else ''} over {t['examples']:,} examples "
        f"({t['tokens']:,} tokens per epoch), {t['seconds'] / 60:.1f} min wall time with one torch thread on a 2-core machine shared with other jobs.",
        '',
        '**The model alone on the dev splits** (Python decoder, argmax per token; GMB LOCATION gold = `geo` spans, LOCATION '
        'predictions on `gpe` spans not scored). Through the scanner, with patterns and refinement, see "Through the scanner" below.',
        '', split_table(shipped), '',
    ]
    if 'gmb_dev' in shipped and 'strict' in shipped['gmb_dev']:
        parts += ['**GMB dev per type** (the model alone):', '', table(shipped['gmb_dev']['gpe_predictions_ignored']), '']
    if 'samples' in shipped:
        s = shipped['samples']
        parts += [f"**Project sample transcripts** ({', '.join(s['files'])}, {s['documents']} documents), model alone:", '', table(s), '']
        odd = s.get('person_on_non_names', [])
        parts += [f"PERSON predictions on timestamps, SKUs, hashes, versions or weekday names in the samples (model alone): "
                  f"{len(odd)}" + (f" ({'; '.join(odd[:10])})" if odd else '') + '.', '']
    parts += [f"int8 vs fp32, mean micro F1 over the dev splits: {mean_f1(m['onnx_int8']):.4f} vs {mean_f1(m['onnx_fp32']):.4f}."]
    return '\n'.join(parts)


def update_card(path: Path, metrics: dict) -> None:
    text = path.read_text()
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{render(metrics)}\n{END}{tail}")
