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


def render(m: dict) -> str:
    shipped = m['shipped']
    parts = [
        f"Shipped ONNX file(s): {', '.join('onnx/' + f for f in m['shipped_files'])} "
        f"({', '.join(f'{f}: {b / 1e6:.1f} MB' for f, b in m['onnx_bytes'].items())}). "
        f"Parameters: {m['train']['parameters']:,}{members_note(m['train'])}. Training: {m['train']['steps']} steps"
        f"{' per member' if m['train'].get('members', 1) > 1 else ''} over {m['train']['examples']:,} examples "
        f"({m['train']['tokens']:,} tokens per epoch), {m['train']['seconds'] / 60:.1f} min wall time with one torch thread on a 2-core machine shared with other jobs.",
        '',
        f"**GMB dev** ({shipped['gmb_dev']['documents']:,} sentences; LOCATION gold = `geo` spans; LOCATION predictions on `gpe` spans are not scored):",
        '', table(shipped['gmb_dev']['gpe_predictions_ignored']), '',
        '**GMB dev, strict variant** (LOCATION predictions on `gpe` spans count as false positives):', '',
        table(shipped['gmb_dev']['strict']), '',
    ]
    if 'samples' in shipped:
        s = shipped['samples']
        parts += [f"**Project sample transcripts** ({', '.join(s['files'])}, {s['documents']} documents), model alone:", '', table(s), '']
        odd = s.get('person_on_non_names', [])
        parts += [f"PERSON predictions on timestamps, SKUs, hashes, versions or weekday names in the samples (model alone): "
                  f"{len(odd)}" + (f" ({'; '.join(odd[:10])})" if odd else '') + '.', '']
    fp32, int8 = m['onnx_fp32']['gmb_dev']['gpe_predictions_ignored']['micro']['f1'], m['onnx_int8']['gmb_dev']['gpe_predictions_ignored']['micro']['f1']
    parts += [f"int8 vs fp32 on GMB dev (micro F1 over the three types): {int8:.4f} vs {fp32:.4f}."]
    return '\n'.join(parts)


def update_card(path: Path, metrics: dict) -> None:
    text = path.read_text()
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{render(metrics)}\n{END}{tail}")
