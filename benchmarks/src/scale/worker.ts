/**
 * One scale case in a process of its own, so that its peak RSS is its own: loads the bundled model, warms up,
 * scans the document once and prints one JSON line. Run by scale.ts, not by hand.
 */
import { performance } from 'node:perf_hooks';
import { Anonymize } from '@veil/scanners';
import { PROMPT_317 } from '../speed.js';
import { SCALE_SHAPES, scaleText, type ScaleShape } from './cases.js';

export interface WorkerResult {
  chars: number;
  ms: number;
  /** Resident memory after the model is loaded and warm, before the document is built and scanned. */
  baselineRssMb: number;
  peakRssMb: number;
  findings: number;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  const [shape, charsArg, config] = process.argv.slice(2);
  if (!(SCALE_SHAPES as readonly string[]).includes(shape ?? '') || !Number.isSafeInteger(Number(charsArg))) {
    throw new Error('usage: worker.ts <shape> <chars> [patterns|bundled]');
  }
  const anonymize = new Anonymize(config === 'patterns' ? { ner: false } : {});
  for (let i = 0; i < 3; i++) await anonymize.scan(PROMPT_317);
  const baselineRssMb = mb(process.memoryUsage().rss);
  const text = scaleText(shape as ScaleShape, Number(charsArg));
  const started = performance.now();
  const result = await anonymize.scan(text);
  const ms = performance.now() - started;
  // maxRSS is in kilobytes and covers the whole process life, model load included.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const out: WorkerResult = { chars: text.length, ms, baselineRssMb, peakRssMb, findings: result.findings.length };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`scale worker failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exitCode = 1;
});
