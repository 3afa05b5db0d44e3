/** Latency summary in milliseconds. */
export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Nearest-rank percentile (q in 0..100) of unsorted samples; 0 for no samples. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((q / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarizeLatency(samples: readonly number[]): LatencySummary {
  const mean = samples.length === 0 ? 0 : samples.reduce((a, b) => a + b, 0) / samples.length;
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), mean };
}
