import type { BenchDocument, Span } from '../dataset.js';
import { compareNote, compareTable } from './compare.js';
import { metaRows } from './meta.js';
import type { BenchReport } from './model.js';
import { confusionTable, deanonymizeLine, entityTable, roundTripLine, speedTable, summaryTable } from './rows.js';
import type { Table } from './rows.js';

/** Text and attribute values: every character that could open markup or close an attribute is escaped. */
export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2'];

function tableHtml(table: Table): string {
  const cell = (tag: string, c: string, i: number) => `<${tag}${table.numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</${tag}>`;
  return [
    `<h2>${escapeHtml(table.title)}</h2>`,
    '<table>',
    `<tr>${table.header.map((h, i) => cell('th', h, i)).join('')}</tr>`,
    ...table.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`),
    '</table>',
  ].join('\n');
}

/** Per type, one bar per tool whose length is the F1 score. */
function entityBars(report: BenchReport): string {
  const tools = report.tools.filter((t) => t.quality);
  const legend = tools
    .map((t, i) => `<span class="key"><i style="background:${COLORS[i % COLORS.length]}"></i>${escapeHtml(t.name)}</span>`)
    .join(' ');
  const groups = report.entities.map((type) => {
    const bars = tools.map((t, i) => {
      const e = t.quality!.entities[type];
      const claimed = t.claimedTypes.includes(type);
      const f1 = e && claimed ? e.f1 : 0;
      const label = claimed && e ? `F1 ${(f1 * 100).toFixed(1)}% (P ${(e.precision * 100).toFixed(1)}, R ${(e.recall * 100).toFixed(1)})` : 'n/a';
      return `<div class="bar"><span class="name">${escapeHtml(t.name)}</span><span class="track"><span class="fill" style="width:${(f1 * 100).toFixed(1)}%;background:${COLORS[i % COLORS.length]}"></span></span><span class="val">${escapeHtml(label)}</span></div>`;
    });
    return `<div class="group"><h3>${escapeHtml(type)}</h3>${bars.join('')}</div>`;
  });
  return `<h2>F1 per entity type</h2><p>${legend}</p>${groups.join('\n')}`;
}

const tickLabel = (v: number) => (v >= 1 ? String(Math.round(v)) : String(Number(v.toPrecision(1))));

/** Horizontal SVG bars of p50 and p95 latency per tool on a log-scale axis, so sub-millisecond tools stay visible. */
export function latencyChart(report: BenchReport): string {
  const tools = report.tools.filter((t) => t.latency);
  if (tools.length === 0) return '';
  const positive = tools.flatMap((t) => [t.latency!.p50, t.latency!.p95]).filter((v) => v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(1, ...positive)));
  let hi = 10 ** Math.ceil(Math.log10(Math.max(1e-9, ...positive)));
  if (hi <= lo) hi = lo * 10;
  const rowH = 34;
  const width = 760;
  const left = 170;
  const right = 150;
  const top = 8;
  const plotW = width - left - right;
  const x = (v: number) => left + (plotW * (Math.log10(Math.max(v, lo)) - Math.log10(lo))) / (Math.log10(hi) - Math.log10(lo));
  const axisY = top + tools.length * rowH + 4;
  const ticks: string[] = [];
  for (let v = lo; v <= hi * 1.0001; v *= 10) {
    const tx = x(v).toFixed(1);
    ticks.push(
      `<line x1="${tx}" y1="${top - 4}" x2="${tx}" y2="${axisY}" stroke="#e5e7eb"/>` +
        `<text x="${tx}" y="${axisY + 14}" font-size="11" text-anchor="middle" fill="#374151">${tickLabel(v)}</text>`,
    );
  }
  const rows = tools.map((t, i) => {
    const y = top + i * rowH;
    const l = t.latency!;
    return [
      `<text x="0" y="${y + 16}" font-size="12">${escapeHtml(t.name)}</text>`,
      `<rect x="${left}" y="${y}" width="${(x(l.p95) - left).toFixed(1)}" height="12" fill="#fca5a5"><title>p95 ${l.p95.toFixed(3)} ms</title></rect>`,
      `<rect x="${left}" y="${y + 13}" width="${(x(l.p50) - left).toFixed(1)}" height="12" fill="#2563eb"><title>p50 ${l.p50.toFixed(3)} ms</title></rect>`,
      `<text x="${(x(l.p95) + 6).toFixed(1)}" y="${y + 10}" font-size="11">p95 ${l.p95.toFixed(3)} ms</text>`,
      `<text x="${(x(l.p50) + 6).toFixed(1)}" y="${y + 23}" font-size="11">p50 ${l.p50.toFixed(3)} ms</text>`,
    ].join('');
  });
  const height = axisY + 34;
  const axis =
    `<line x1="${left}" y1="${axisY}" x2="${left + plotW}" y2="${axisY}" stroke="#9ca3af"/>` +
    `<text x="${left + plotW / 2}" y="${axisY + 29}" font-size="11" text-anchor="middle" fill="#374151">ms per document (log scale)</text>`;
  return (
    `<h2>Latency per document (ms, log scale)</h2>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="latency per tool, log scale">` +
    `${ticks.join('')}${axis}${rows.join('')}</svg>` +
    `<p class="key"><i style="background:#2563eb"></i>p50 <i style="background:#fca5a5;margin-left:1rem"></i>p95</p>`
  );
}

export interface ErrorsOptions {
  /** Documents shown at most (default 30). */
  maxDocuments?: number;
  /** Spans shown at most per document (default 25). */
  maxSpans?: number;
  /** Characters of context on each side of a span (default 60). */
  context?: number;
}

type Marked = Span & { kind: 'missed' | 'spurious' };

/** Moves an index off the second half of a surrogate pair. */
const safeIndex = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
};

/** The text of [from, to) with the spans inside highlighted; spans may overlap one another. */
function highlight(text: string, from: number, to: number, spans: readonly Marked[]): string {
  const cuts = new Set([from, to]);
  for (const s of spans) for (const c of [s.start, s.end]) if (c > from && c < to) cuts.add(c);
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = escapeHtml(text.slice(a, b));
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (covering.length === 0) out += piece;
    else {
      const kinds = new Set(covering.map((s) => s.kind));
      const cls = kinds.size === 2 ? 'both' : kinds.has('missed') ? 'miss' : 'spur';
      const title = covering.map((s) => `${s.kind} ${s.label}`).join('; ');
      out += `<mark class="${cls}" title="${escapeHtml(title)}">${piece}</mark>`;
    }
    for (const s of spans.filter((x) => x.end === b)) {
      out += `<sup class="lbl ${s.kind === 'missed' ? 'miss' : 'spur'}">${escapeHtml(s.label)}</sup>`;
    }
  }
  return out;
}

/**
 * The `--errors` view for a page: per document, the gold spans the Veil configuration missed and the spans it
 * flagged wrongly, highlighted in their context. Bounded: documents, spans per document and context are capped.
 */
export function errorsSection(report: BenchReport, docs: readonly BenchDocument[], options: ErrorsOptions = {}): string {
  const tool = report.tools[0];
  const errors = tool?.quality?.errors;
  if (!tool || !errors) return '';
  const maxDocs = options.maxDocuments ?? 30;
  const maxSpans = options.maxSpans ?? 25;
  const context = options.context ?? 60;
  const byId = new Map(docs.map((d) => [d.id, d]));
  const missed = errors.reduce((n, e) => n + e.missed.length, 0);
  const spurious = errors.reduce((n, e) => n + e.spurious.length, 0);
  const parts = [
    `<h2 id="errors">Errors of ${escapeHtml(tool.name)}</h2>`,
    `<p>${errors.length} of ${report.documents} documents have errors: ${missed} gold spans missed ` +
      `<mark class="miss">like this</mark>, ${spurious} spans flagged wrongly <mark class="spur">like this</mark>` +
      ` (<mark class="both">both</mark> where they overlap); hover a span for its type.</p>`,
  ];
  if (errors.length > maxDocs) parts.push(`<p class="note">Showing the first ${maxDocs} of ${errors.length} documents with errors; the terminal's <code>--errors</code> lists all.</p>`);
  for (const e of errors.slice(0, maxDocs)) {
    const doc = byId.get(e.id);
    if (!doc) continue;
    const all: Marked[] = [
      ...e.missed.map((s) => ({ ...s, kind: 'missed' as const })),
      ...e.spurious.map((s) => ({ ...s, kind: 'spurious' as const })),
    ].sort((a, b) => a.start - b.start || a.end - b.end);
    const shown = all.slice(0, maxSpans);
    const windows: Array<[number, number]> = [];
    for (const s of shown) {
      const from = safeIndex(doc.text, Math.max(0, s.start - context));
      const to = safeIndex(doc.text, Math.min(doc.text.length, s.end + context));
      const last = windows[windows.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else windows.push([from, to]);
    }
    const excerpts = windows.map(([from, to]) => {
      const inside = shown.filter((s) => s.end > from && s.start < to);
      return `${from > 0 ? '… ' : ''}${highlight(doc.text, from, to, inside)}${to < doc.text.length ? ' …' : ''}`;
    });
    parts.push(
      `<div class="doc"><h3>${escapeHtml(e.id)} <small>${e.missed.length} missed, ${e.spurious.length} spurious</small></h3>` +
        `<div class="excerpt">${excerpts.join('<hr>')}</div>` +
        (all.length > shown.length ? `<p class="note">${all.length - shown.length} more spans in this document not shown.</p>` : '') +
        `</div>`,
    );
  }
  return parts.join('\n');
}

function metaSection(report: BenchReport): string {
  if (!report.meta) return '';
  const rows = metaRows(report.meta).map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`);
  return `<h2>Run</h2><table class="meta">${rows.join('')}</table>`;
}

export interface HtmlOptions extends ErrorsOptions {
  /** The scored documents: with them the page gets the errors section. */
  docs?: readonly BenchDocument[];
}

/** A self-contained page: no scripts, no external styles or fonts. */
export function renderHtml(report: BenchReport, options: HtmlOptions = {}): string {
  const rt = roundTripLine(report);
  const confusion = report.tools[0] && confusionTable(report.tools[0], report.entities);
  const body = [
    `<h1>veil-bench report</h1>`,
    `<p>${report.documents} documents from <code>${escapeHtml(report.dataset)}</code>, Veil config <code>${escapeHtml(report.config)}</code>; scored types: ${escapeHtml(report.entities.join(', '))}.</p>`,
    metaSection(report),
    tableHtml(summaryTable(report)),
    report.comparison ? tableHtml(compareTable(report.comparison)) : '',
    report.comparison && compareNote(report.comparison) ? `<p class="note">${escapeHtml(compareNote(report.comparison)!)}</p>` : '',
    ...report.tools.filter((t) => t.skipped).map((t) => `<p class="note">${escapeHtml(t.name)} skipped: ${escapeHtml(t.skipped!)}</p>`),
    entityBars(report),
    latencyChart(report),
    tableHtml(entityTable(report)),
    rt ? `<h2>Round trip</h2><p>${escapeHtml(rt)}</p>` : '',
    report.speed && report.speed.length > 0 ? tableHtml(speedTable(report.speed)) : '',
    deanonymizeLine(report) ? `<p>${escapeHtml(deanonymizeLine(report)!)}</p>` : '',
    confusion ? tableHtml(confusion) : '',
    options.docs ? errorsSection(report, options.docs, options) : '',
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>veil-bench report</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;max-width:1100px;color:#111}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ddd;padding:.25rem .5rem}th{background:#f3f4f6}
.num{text-align:right;font-variant-numeric:tabular-nums}
.group{margin:.5rem 0 1rem}.group h3{margin:.2rem 0;font-size:13px}
.bar{display:flex;align-items:center;gap:.5rem;font-size:12px}.bar .name{width:140px}
.track{display:inline-block;width:360px;height:12px;background:#f3f4f6}.fill{display:block;height:12px}
.key{margin-right:1rem}.key i{display:inline-block;width:10px;height:10px;margin-right:4px}
.note{color:#92400e}
table.meta th{text-align:left}
mark{padding:0 1px;border-radius:2px}mark.miss{background:#fecaca;outline:1px solid #dc2626}
mark.spur{background:#fde68a;outline:1px dashed #d97706}mark.both{background:#e9d5ff;outline:1px solid #7c3aed}
sup.lbl{font-size:9px;font-weight:600;margin:0 2px}sup.miss{color:#b91c1c}sup.spur{color:#b45309}
.doc{border-top:1px solid #e5e7eb;padding:.25rem 0}.doc h3{font-size:13px;margin:.4rem 0}.doc small{color:#6b7280;font-weight:400}
.excerpt{white-space:pre-wrap;font:12px/1.6 ui-monospace,monospace;background:#f9fafb;padding:.4rem .6rem;overflow-wrap:anywhere}
.excerpt hr{border:0;border-top:1px dashed #d1d5db;margin:.3rem 0}
</style></head><body>
${body.filter(Boolean).join('\n')}
</body></html>
`;
}
