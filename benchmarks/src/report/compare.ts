import type { Table } from './rows.js';

/** One metric of `--compare`: the baseline's value, this run's, and the change. */
export interface CompareRow {
  metric: string;
  baseline: number | null;
  current: number | null;
  /** current - baseline; null when either side lacks the metric. */
  delta: number | null;
  unit: 'fraction' | 'ms' | 'chars/s';
  /** Whether a rise is an improvement (false for leak and latency). */
  higherIsBetter: boolean;
}

export interface Comparison {
  baseline: string;
  /** The baseline's `meta`, when it has one (older JSON does not). */
  baselineDate: string | null;
  baselineCommit: string | null;
  rows: CompareRow[];
  /** Ways the two runs are not like for like (dataset, config, documents): the deltas mix those in. */
  differences: string[];
}

const METRICS: Array<{ metric: string; path: string[]; unit: CompareRow['unit']; higherIsBetter: boolean }> = [
  { metric: 'precision', path: ['micro', 'precision'], unit: 'fraction', higherIsBetter: true },
  { metric: 'recall', path: ['micro', 'recall'], unit: 'fraction', higherIsBetter: true },
  { metric: 'F1', path: ['micro', 'f1'], unit: 'fraction', higherIsBetter: true },
  { metric: 'strict F1', path: ['strict_micro', 'f1'], unit: 'fraction', higherIsBetter: true },
  { metric: 'leak rate', path: ['leak_rate'], unit: 'fraction', higherIsBetter: false },
  { metric: 'p50 latency', path: ['latency_ms', 'p50'], unit: 'ms', higherIsBetter: false },
  { metric: 'p95 latency', path: ['latency_ms', 'p95'], unit: 'ms', higherIsBetter: false },
  { metric: 'throughput', path: ['chars_per_s'], unit: 'chars/s', higherIsBetter: true },
];

export class CompareError extends Error {
  override name = 'CompareError';
}

function at(json: unknown, path: readonly string[]): number | null {
  let v: unknown = json;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return null;
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

const str = (json: unknown, path: readonly string[]): string | null => {
  let v: unknown = json;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return null;
    v = (v as Record<string, unknown>)[key];
  }
  return typeof v === 'string' ? v : null;
};

/** Compares two `--json` documents (the contract in docs/benchmark-json.md) metric by metric. */
export function compareJson(baseline: unknown, current: unknown, baselineName: string): Comparison {
  if (typeof baseline !== 'object' || baseline === null || at(baseline, ['micro', 'f1']) === null) {
    throw new CompareError(`${baselineName} is not a veil-bench --json document (no micro.f1)`);
  }
  const rows = METRICS.map(({ metric, path, unit, higherIsBetter }) => {
    const b = at(baseline, path);
    const c = at(current, path);
    return { metric, baseline: b, current: c, delta: b === null || c === null ? null : c - b, unit, higherIsBetter };
  });
  const differences: string[] = [];
  for (const key of ['dataset', 'config', 'documents']) {
    const b = (baseline as Record<string, unknown>)[key];
    const c = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined;
    if (b !== undefined && c !== undefined && b !== c) differences.push(`${key} ${String(b)} → ${String(c)}`);
  }
  return {
    baseline: baselineName,
    baselineDate: str(baseline, ['meta', 'date']),
    baselineCommit: str(baseline, ['meta', 'commit']),
    rows,
    differences,
  };
}

function value(v: number | null, unit: CompareRow['unit']): string {
  if (v === null) return '-';
  if (unit === 'fraction') return `${(v * 100).toFixed(2)}%`;
  if (unit === 'ms') return `${v.toFixed(3)} ms`;
  return v >= 1e6 ? `${(v / 1e6).toFixed(2)}M` : v >= 1e3 ? `${(v / 1e3).toFixed(1)}k` : v.toFixed(0);
}

function change(r: CompareRow): string {
  if (r.delta === null || r.baseline === null) return '-';
  const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
  const d = r.delta;
  let text: string;
  if (r.unit === 'fraction') text = `${sign(d)}${Math.abs(d * 100).toFixed(2)} pt`;
  else {
    const abs = r.unit === 'ms' ? `${Math.abs(d).toFixed(3)} ms` : value(Math.abs(d), r.unit);
    const rel = r.baseline === 0 ? '' : ` (${sign(d)}${Math.abs((d / r.baseline) * 100).toFixed(1)}%)`;
    text = `${sign(d)}${abs}${rel}`;
  }
  if (d === 0) return text;
  return `${text} ${(d > 0) === r.higherIsBetter ? 'better' : 'worse'}`;
}

/** A warning line when the runs differ in dataset, config or document count; undefined when like for like. */
export function compareNote(c: Comparison): string | undefined {
  return c.differences.length === 0 ? undefined : `note: not like for like: ${c.differences.join('; ')}`;
}

export function compareTable(c: Comparison): Table {
  const from = [c.baselineDate, c.baselineCommit?.slice(0, 12)].filter(Boolean).join(', ');
  const header = ['metric', 'baseline', 'this run', 'change'];
  return {
    title: `Change against ${c.baseline}${from ? ` (${from})` : ''}`,
    header,
    rows: c.rows.map((r) => [r.metric, value(r.baseline, r.unit), value(r.current, r.unit), change(r)]),
    numeric: [false, true, true, true],
  };
}
