import type { EntityType } from '@veil/scanners';
import type { QualityReport } from '../metrics.js';
import type { LatencySummary } from '../stats.js';
import type { Comparison } from './compare.js';
import type { RunMeta } from './meta.js';

/** One tool's results on the dataset, or why it did not run. */
export interface ToolReport {
  name: string;
  /** Entity types the tool claims; others show as "n/a" in the per-type table. */
  claimedTypes: readonly EntityType[];
  skipped?: string;
  quality?: QualityReport;
  latency?: LatencySummary;
  loadMs?: number;
  charsPerSecond?: number;
  peakRssMb?: number;
}

export interface RoundTripReport {
  documents: number;
  /** Values placed in the vault across all documents. */
  placed: number;
  /** Values found verbatim in the restored answers. */
  restored: number;
  restoreRate: number;
  /** Placeholders the stand-in model mangled on purpose. */
  mangled: number;
  /** Placeholders left in the restored text. */
  unresolved: number;
}

export interface SpeedRow {
  config: string;
  loadMs: number;
  /** Label such as "50 chars" -> latency summary. */
  latency: Array<{ label: string; chars: number; summary: LatencySummary }>;
  throughput: Array<{ label: string; chars: number; charsPerSecond: number }>;
}

/** Deanonymize.scan median latency with a large vault: keeping the matcher versus building it per call. */
export interface DeanonymizeSpeed {
  entries: number;
  runs: number;
  cachedMs: number;
  rebuiltMs: number;
}

export interface BenchReport {
  dataset: string;
  config: string;
  documents: number;
  entities: EntityType[];
  /** The Veil configuration first, then peers. */
  tools: ToolReport[];
  roundTrip?: RoundTripReport;
  speed?: SpeedRow[];
  deanonymize?: DeanonymizeSpeed;
  /** Date, commit, versions, model hash, machine. */
  meta?: RunMeta;
  /** `--compare`: this run's Veil metrics against a previous `--json`. */
  comparison?: Comparison;
}

/**
 * The `--json` document for the Veil configuration (docs/benchmark-json.md). Outside checks rely on these keys:
 * add fields, never rename or remove one. `meta` and `confusion` were added after the first contract.
 */
export function designJson(report: BenchReport): Record<string, unknown> {
  const veil = report.tools[0];
  const q = veil?.quality;
  const three = (s: { precision: number; recall: number; f1: number } | undefined) => ({
    precision: s?.precision ?? 0,
    recall: s?.recall ?? 0,
    f1: s?.f1 ?? 0,
  });
  const entities: Record<string, unknown> = {};
  for (const [type, e] of Object.entries(q?.entities ?? {})) {
    entities[type] = { tp: e.tp, fp: e.fp, fn: e.fn, precision: e.precision, recall: e.recall, f1: e.f1 };
  }
  return {
    dataset: report.dataset,
    config: report.config,
    documents: report.documents,
    entities,
    micro: three(q?.micro),
    strict_micro: three(q?.strict_micro),
    leak_rate: q?.leak_rate ?? 0,
    latency_ms: {
      p50: veil?.latency?.p50 ?? 0,
      p95: veil?.latency?.p95 ?? 0,
      p99: veil?.latency?.p99 ?? 0,
      mean: veil?.latency?.mean ?? 0,
    },
    chars_per_s: veil?.charsPerSecond ?? 0,
    peak_rss_mb: veil?.peakRssMb ?? 0,
    ...(report.meta ? { meta: report.meta } : {}),
    confusion: q?.confusion ?? {},
  };
}
