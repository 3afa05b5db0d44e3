import type { BenchReport, SpeedRow, ToolReport } from './model.js';
import { NONE } from '../metrics.js';

/** Tables as rows of cells, shared by the terminal, Markdown and HTML renderers. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  /** Columns to right-align (numbers). */
  numeric: boolean[];
}

const pct = (x: number) => (x * 100).toFixed(1);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const rate = (x: number) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(0));

export function summaryTable(report: BenchReport): Table {
  const header = ['tool', 'P %', 'R %', 'F1 %', 'strict F1 %', 'leak %', 'p50 ms', 'p95 ms', 'chars/s', 'load ms'];
  const rows = report.tools.map((t) => {
    if (!t.quality || !t.latency) return [t.name, ...header.slice(1).map(() => '-'), `skipped: ${t.skipped ?? 'not run'}`].slice(0, header.length);
    return [
      t.name,
      pct(t.quality.micro.precision),
      pct(t.quality.micro.recall),
      pct(t.quality.micro.f1),
      pct(t.quality.strict_micro.f1),
      pct(t.quality.leak_rate),
      ms(t.latency.p50),
      ms(t.latency.p95),
      rate(t.charsPerSecond ?? 0),
      (t.loadMs ?? 0).toFixed(0),
    ];
  });
  return { title: 'Quality and speed (micro over the scored types)', header, rows, numeric: header.map((_, i) => i > 0) };
}

function entityCell(t: ToolReport, type: string): string {
  const e = t.quality?.entities[type];
  if (!e) return '-';
  if (!t.claimedTypes.includes(type)) return 'n/a';
  return `${pct(e.precision)}/${pct(e.recall)}/${pct(e.f1)}`;
}

export function entityTable(report: BenchReport): Table {
  const tools = report.tools.filter((t) => t.quality);
  const header = ['type', 'gold', ...tools.map((t) => `${t.name} P/R/F1`)];
  const rows = report.entities.map((type) => {
    const gold = tools[0]?.quality?.entities[type];
    return [type, String(gold ? gold.tp + gold.fn : 0), ...tools.map((t) => entityCell(t, type))];
  });
  return { title: 'Per type: precision / recall / F1 in % (n/a: the tool has no such type)', header, rows, numeric: header.map((_, i) => i > 0) };
}

export function speedTable(speed: readonly SpeedRow[]): Table {
  const latencyLabels = speed[0]?.latency.map((l) => l.label) ?? [];
  const throughputLabels = speed[0]?.throughput.map((l) => l.label) ?? [];
  const header = [
    'config',
    'load ms',
    ...latencyLabels.map((l) => `${l} p50/p95 ms`),
    ...throughputLabels.map((l) => `chars/s @${l}`),
  ];
  const rows = speed.map((s) => [
    s.config,
    s.loadMs.toFixed(0),
    ...s.latency.map((l) => `${ms(l.summary.p50)}/${ms(l.summary.p95)}`),
    ...s.throughput.map((t) => rate(t.charsPerSecond)),
  ]);
  return { title: 'Speed (after warm-up; load excluded)', header, rows, numeric: header.map((_, i) => i > 0) };
}

export function deanonymizeLine(report: BenchReport): string | undefined {
  const d = report.deanonymize;
  if (!d) return undefined;
  return (
    `Deanonymize with a ${d.entries.toLocaleString('en-US')}-entry vault (median of ${d.runs} calls): ` +
    `${d.cachedMs.toFixed(2)} ms keeping the matcher, ${d.rebuiltMs.toFixed(2)} ms building it per call.`
  );
}

export function roundTripLine(report: BenchReport): string | undefined {
  const r = report.roundTrip;
  if (!r) return undefined;
  return (
    `Round trip through the stand-in model: ${r.restored}/${r.placed} values restored ` +
    `(restore rate ${(r.restoreRate * 100).toFixed(2)}%), ${r.mangled} placeholders mangled on purpose, ` +
    `${r.unresolved} left unresolved, over ${r.documents} documents.`
  );
}

/**
 * What each predicted type landed on, by the scorer's overlap rule: per predicted type, its spans on a gold span of
 * the same type, on a gold span of another type (which, how many) and on no gold span; the last row lists the gold
 * spans no prediction landed on. `--json` carries the full matrix (`confusion`).
 */
export function confusionTable(tool: ToolReport, entities: readonly string[]): Table | undefined {
  const confusion = tool.quality?.confusion;
  if (!confusion) return undefined;
  const others = (row: Record<string, number>, skip: string) =>
    Object.entries(row)
      .filter(([g, n]) => g !== skip && g !== NONE && n > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([g, n]) => `${g} ${n}`)
      .join(', ');
  const sum = (row: Record<string, number>) => Object.values(row).reduce((a, b) => a + b, 0);
  const predicted = [...entities, ...Object.keys(confusion).filter((t) => !entities.includes(t) && t !== NONE).sort()];
  const rows = predicted
    .filter((p) => confusion[p] !== undefined)
    .map((p) => {
      const row = confusion[p]!;
      return [p, String(sum(row)), String(row[p] ?? 0), others(row, p) || '-', String(row[NONE] ?? 0)];
    });
  const missed = confusion[NONE] ?? {};
  rows.push(['none (gold missed)', String(sum(missed)), '', others(missed, NONE) || '-', '']);
  return {
    title: `Confusion of ${tool.name}: the gold span each predicted span landed on (overlap rule of the scorer)`,
    header: ['predicted type', 'spans', 'on its type', 'on another gold type', 'on nothing (spurious)'],
    rows,
    numeric: [false, true, true, false, true],
  };
}
