import type { BenchReport } from './model.js';
import { entityTable, roundTripLine, speedTable, summaryTable } from './rows.js';
import type { Table } from './rows.js';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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

/** Horizontal SVG bars of p50 and p95 latency per tool. */
function latencyChart(report: BenchReport): string {
  const tools = report.tools.filter((t) => t.latency);
  const max = Math.max(1e-9, ...tools.map((t) => t.latency!.p95));
  const rowH = 34;
  const width = 640;
  const left = 150;
  const scale = (v: number) => ((width - left - 90) * v) / max;
  const rows = tools.map((t, i) => {
    const y = 10 + i * rowH;
    const l = t.latency!;
    return [
      `<text x="0" y="${y + 16}" font-size="12">${escapeHtml(t.name)}</text>`,
      `<rect x="${left}" y="${y}" width="${scale(l.p95).toFixed(1)}" height="12" fill="#fca5a5"><title>p95 ${l.p95.toFixed(2)} ms</title></rect>`,
      `<rect x="${left}" y="${y + 13}" width="${scale(l.p50).toFixed(1)}" height="12" fill="#2563eb"><title>p50 ${l.p50.toFixed(2)} ms</title></rect>`,
      `<text x="${left + scale(l.p95) + 6}" y="${y + 10}" font-size="11">p95 ${l.p95.toFixed(2)} ms</text>`,
      `<text x="${left + scale(l.p50) + 6}" y="${y + 23}" font-size="11">p50 ${l.p50.toFixed(2)} ms</text>`,
    ].join('');
  });
  const height = 20 + tools.length * rowH;
  return `<h2>Latency per document (ms)</h2><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="latency per tool">${rows.join('')}</svg>`;
}

/** A self-contained page: no scripts, no external styles or fonts. */
export function renderHtml(report: BenchReport): string {
  const rt = roundTripLine(report);
  const body = [
    `<h1>veil-bench report</h1>`,
    `<p>${report.documents} documents from <code>${escapeHtml(report.dataset)}</code>, Veil config <code>${escapeHtml(report.config)}</code>; scored types: ${escapeHtml(report.entities.join(', '))}.</p>`,
    tableHtml(summaryTable(report)),
    ...report.tools.filter((t) => t.skipped).map((t) => `<p class="note">${escapeHtml(t.name)} skipped: ${escapeHtml(t.skipped!)}</p>`),
    entityBars(report),
    latencyChart(report),
    tableHtml(entityTable(report)),
    rt ? `<h2>Round trip</h2><p>${escapeHtml(rt)}</p>` : '',
    report.speed && report.speed.length > 0 ? tableHtml(speedTable(report.speed)) : '',
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
</style></head><body>
${body.filter(Boolean).join('\n')}
</body></html>
`;
}
