import type { DocumentErrors } from '../metrics.js';
import type { BenchDocument } from '../dataset.js';
import type { BenchReport } from './model.js';
import type { RunMeta } from './meta.js';
import { compareNote, compareTable } from './compare.js';
import { confusionTable, deanonymizeLine, entityTable, roundTripLine, speedTable, summaryTable } from './rows.js';
import type { Table } from './rows.js';

export function renderTextTable(table: Table): string {
  const widths = table.header.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (table.numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [table.title, line(table.header), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}

/** The terminal report printed by `pnpm bench`. */
export function renderText(report: BenchReport): string {
  const parts = [
    `veil-bench: ${report.documents} documents from ${report.dataset}; config ${report.config}; types ${report.entities.join(', ')}`,
    '',
    renderTextTable(summaryTable(report)),
    '',
    renderTextTable(entityTable(report)),
  ];
  const confusion = report.tools[0] && confusionTable(report.tools[0], report.entities);
  if (confusion) parts.push('', renderTextTable(confusion));
  const skipped = report.tools.filter((t) => t.skipped);
  for (const t of skipped) parts.push(`note: ${t.name} skipped: ${t.skipped}`);
  const rt = roundTripLine(report);
  if (rt) parts.push('', rt);
  if (report.speed && report.speed.length > 0) parts.push('', renderTextTable(speedTable(report.speed)));
  const dl = deanonymizeLine(report);
  if (dl) parts.push('', dl);
  if (report.comparison) parts.push('', renderTextTable(compareTable(report.comparison)), ...[compareNote(report.comparison)].filter((x) => x !== undefined));
  if (report.meta) parts.push('', metaLine(report.meta));
  return parts.join('\n') + '\n';
}

/** One line of run metadata for the terminal. */
export function metaLine(meta: RunMeta): string {
  const model = meta.model ? `, model ${meta.model.name}${meta.model.sha256 ? ` sha256 ${meta.model.sha256.slice(0, 12)}` : ''}` : '';
  return (
    `run: ${meta.date}, commit ${meta.commit?.slice(0, 12) ?? 'unknown'}${meta.dirty ? '+dirty' : ''}, Node ${meta.node}, ` +
    `onnxruntime-node ${meta.onnxruntime ?? 'n/a'}${model}, ${meta.machine.cpu} x${meta.machine.cores}, ${meta.machine.memory_gb} GB`
  );
}

/** `--errors`: per document, the gold spans missed and the spans flagged wrongly, with a little context. */
export function renderErrors(tool: string, docs: readonly BenchDocument[], errors: readonly DocumentErrors[]): string {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const out = [`Errors of ${tool} (${errors.length} documents with errors)`];
  const show = (text: string, s: { start: number; end: number; label: string }) => {
    const value = JSON.stringify(text.slice(s.start, s.end));
    const before = text.slice(Math.max(0, s.start - 20), s.start).replace(/\s+/g, ' ');
    const after = text.slice(s.end, s.end + 20).replace(/\s+/g, ' ');
    return `${s.label.padEnd(18)} ${String(s.start).padStart(6)}-${String(s.end).padEnd(6)} ${value}   …${before}⟦…⟧${after}…`;
  };
  for (const e of errors) {
    const doc = byId.get(e.id);
    if (!doc) continue;
    out.push(`\n# ${e.id}`);
    for (const s of e.missed) out.push(`  missed   ${show(doc.text, s)}`);
    for (const s of e.spurious) out.push(`  spurious ${show(doc.text, s)}`);
  }
  return out.join('\n') + '\n';
}
