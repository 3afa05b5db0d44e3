import { performance } from 'node:perf_hooks';
import type { BenchDocument } from './dataset.js';
import type { Detector } from './detectors/types.js';
import type { Prediction } from './metrics.js';
import { createProgress } from './progress.js';

export interface RunResult {
  detector: string;
  predictions: Prediction[];
  /** Per-document latency after warm-up, model load excluded. */
  latenciesMs: number[];
  loadMs: number;
  /** Characters per second over the timed documents. */
  charsPerSecond: number;
  /** Peak resident set size of this process at the end of the run, in MB. */
  peakRssMb: number;
}

export interface RunOptions {
  /** Documents run untimed first so that JIT and caches are warm. */
  warmup?: number;
  progress?: boolean;
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes
  return process.resourceUsage().maxRSS / 1024;
}

/** Runs one detector over all documents: load (timed apart), warm-up, then one timed call per document. */
export async function runDetector(detector: Detector, docs: readonly BenchDocument[], options: RunOptions = {}): Promise<RunResult> {
  const loadStart = performance.now();
  await detector.load();
  const texts = docs.map((d) => d.text);
  const totalChars = texts.reduce((n, t) => n + t.length, 0);

  let predictions: Prediction[];
  let latenciesMs: number[];
  let loadMs = performance.now() - loadStart;
  if (detector.detectBatch) {
    const batch = await detector.detectBatch(texts);
    ({ predictions, latenciesMs } = batch);
    loadMs += batch.loadMs ?? 0;
  } else {
    for (const text of texts.slice(0, options.warmup ?? 3)) await detector.detect(text);
    predictions = [];
    latenciesMs = [];
    const progress = createProgress(detector.name, texts.length, options.progress ?? false);
    for (const [i, text] of texts.entries()) {
      const start = performance.now();
      predictions.push(await detector.detect(text));
      latenciesMs.push(performance.now() - start);
      progress.tick(i + 1);
    }
    progress.finish();
  }
  const seconds = latenciesMs.reduce((a, b) => a + b, 0) / 1000;
  return {
    detector: detector.name,
    predictions,
    latenciesMs,
    loadMs,
    charsPerSecond: seconds === 0 ? 0 : totalChars / seconds,
    peakRssMb: peakRssMb(),
  };
}
