import type { BenchReport } from './model.js';
import { compareNote, compareTable } from './compare.js';
import { metaRows } from './meta.js';
import { confusionTable, deanonymizeLine, entityTable, roundTripLine, speedTable, summaryTable } from './rows.js';
import type { Table } from './rows.js';

const escapeCell = (c: string) => c.replace(/\|/g, '\\|');

export function renderMarkdownTable(table: Table): string {
  const align = table.numeric.map((n) => (n ? '---:' : '---'));
  return [
    `**${table.title}**`,
    '',
    `| ${table.header.map(escapeCell).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(report: BenchReport): string {
  const parts = [
    `# veil-bench report`,
    '',
    `${report.documents} documents from \`${report.dataset}\`, Veil config \`${report.config}\`, scored types: ${report.entities.join(', ')}.`,
    '',
    ...(report.meta ? [renderMarkdownTable({ title: 'Run', header: ['item', 'value'], rows: metaRows(report.meta), numeric: [false, false] }), ''] : []),
    renderMarkdownTable(summaryTable(report)),
    '',
    renderMarkdownTable(entityTable(report)),
  ];
  const confusion = report.tools[0] && confusionTable(report.tools[0], report.entities);
  if (confusion) parts.push('', renderMarkdownTable(confusion));
  for (const t of report.tools.filter((x) => x.skipped)) parts.push('', `- ${t.name} skipped: ${t.skipped}`);
  const rt = roundTripLine(report);
  if (rt) parts.push('', rt);
  if (report.speed && report.speed.length > 0) parts.push('', renderMarkdownTable(speedTable(report.speed)));
  const dl = deanonymizeLine(report);
  if (dl) parts.push('', dl);
  if (report.comparison) parts.push('', renderMarkdownTable(compareTable(report.comparison)), ...[compareNote(report.comparison)].filter((x) => x !== undefined).map((x) => `\n_${x}_`));

  return parts.join('\n') + '\n';
}
