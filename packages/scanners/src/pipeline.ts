import { ConfigurationError } from './errors.js';
import { assertText } from './input.js';
import type { Finding, InputScanner, OutputScanner, ScanResult } from './types.js';

export interface PipelineOptions {
  /** Stop at the first scanner that reports the text invalid. Default false. */
  failFast?: boolean;
}

/** What one scanner of a pipeline reported; findings refer to the text that scanner received. */
export interface ScannerReport {
  isValid: boolean;
  riskScore: number;
  findings: Finding[];
}

export interface PipelineResult {
  /** Text after the last scanner that ran. */
  sanitized: string;
  /** True when every scanner that ran reported the text valid. */
  isValid: boolean;
  /** Highest risk score of the scanners that ran; -1 when none ran. */
  riskScore: number;
  /** Per scanner, keyed by record key, or for arrays by scanner name (`Name`, `Name#2`, ...), in run order. */
  results: Record<string, ScannerReport>;
}

export type ScannerList<S> = S[] | Record<string, S>;

function scannerName(scanner: object): string {
  const own = (scanner as { name?: unknown }).name;
  if (typeof own === 'string' && own !== '') return own;
  const ctor = (scanner as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof ctor === 'string' && ctor !== '' && ctor !== 'Object' ? ctor : 'scanner';
}

/** Pairs each scanner with a unique report key, checking every scanner before any runs. */
function namedScanners<S extends object>(scanners: ScannerList<S>, method: 'scan'): Array<[string, S]> {
  if (typeof scanners !== 'object' || scanners === null) throw new ConfigurationError('scanners must be an array or a record');
  const pairs: Array<[string, S]> = [];
  if (Array.isArray(scanners)) {
    const seen = new Map<string, number>();
    for (const scanner of scanners) {
      const name = typeof scanner === 'object' && scanner !== null ? scannerName(scanner) : 'scanner';
      const count = (seen.get(name) ?? 0) + 1;
      seen.set(name, count);
      pairs.push([count === 1 ? name : `${name}#${count}`, scanner]);
    }
  } else {
    pairs.push(...Object.entries(scanners));
  }
  pairs.forEach(([key, scanner]) => {
    if (typeof scanner !== 'object' || scanner === null || typeof (scanner as Record<string, unknown>)[method] !== 'function') {
      throw new ConfigurationError(`scanner "${key}" has no ${method} method`);
    }
  });
  return pairs;
}

async function runChain<S extends object>(
  scanners: ScannerList<S>,
  text: string,
  options: PipelineOptions,
  run: (scanner: S, text: string) => Promise<ScanResult>,
): Promise<PipelineResult> {
  const pairs = namedScanners(scanners, 'scan');
  const results: Record<string, ScannerReport> = {};
  let sanitized = text;
  let isValid = true;
  let riskScore = -1;
  for (const [key, scanner] of pairs) {
    // A scanner that throws stops the chain: failing closed beats passing on half-sanitized text.
    const result = await run(scanner, sanitized);
    if (typeof result?.sanitized !== 'string') throw new ConfigurationError(`scanner "${key}" returned no sanitized text`);
    sanitized = result.sanitized;
    results[key] = { isValid: result.isValid, riskScore: result.riskScore, findings: result.findings ?? [] };
    riskScore = Math.max(riskScore, result.riskScore);
    if (!result.isValid) {
      isValid = false;
      if (options.failFast) break;
    }
  }
  return { sanitized, isValid, riskScore, results };
}

/** Runs input scanners in order, each on the previous one's sanitized prompt. */
export async function scanPrompt(
  scanners: ScannerList<InputScanner>,
  prompt: string,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  // Length limits belong to each scanner (they differ); the pipeline only insists on text.
  assertText(prompt, 'prompt', Number.POSITIVE_INFINITY);
  return runChain(scanners, prompt, options, (scanner, text) => scanner.scan(text));
}

/** Runs output scanners in order on the model output; each sees the prompt and the previous one's output. */
export async function scanOutput(
  scanners: ScannerList<OutputScanner>,
  prompt: string,
  output: string,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  assertText(prompt, 'prompt', Number.POSITIVE_INFINITY);
  assertText(output, 'output', Number.POSITIVE_INFINITY);
  return runChain(scanners, output, options, (scanner, text) => scanner.scan(prompt, text));
}
