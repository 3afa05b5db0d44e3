import { ConfigurationError, InvalidInputError } from './errors.js';
import {
  MATCHING_STRATEGIES,
  PlaceholderMatcher,
  findPlaceholderLike,
  rewritePlaceholders,
} from './placeholder-match.js';
import type { MatchingStrategy, PlaceholderEntry, PlaceholderHit } from './placeholder-match.js';
import type { Finding, OutputScanner, ScanResult } from './types.js';
import { ScanObserver, checkObserveOptions, countByType } from './observe.js';
import type { ObserveOptions, ScanSummary } from './observe.js';

/** What Deanonymize needs from a vault: `Vault` of @veil/vault, or anything listing its entries. */
export interface PlaceholderSource {
  entries(): Promise<readonly PlaceholderEntry[]> | readonly PlaceholderEntry[];
}

export interface DeanonymizeOptions extends ObserveOptions {
  vault: PlaceholderSource;
  /** `exact` (default), `case_insensitive`, `fuzzy`, or `combined` (exact, then case-insensitive, then fuzzy). */
  matching?: MatchingStrategy;
  /** Longest output accepted, in UTF-16 units. Default 10,000,000. */
  maxLength?: number;
}

export interface DeanonymizeResult extends ScanResult {
  /** Number of placeholders put back. */
  restored: number;
  /** Placeholder-looking spans left as they are: unknown to the vault, or equally close to several entries. */
  unknownPlaceholders: string[];
}

export const DEFAULT_MAX_OUTPUT_LENGTH = 10_000_000;

const SCORE_BY_KIND = { exact: 1, case_insensitive: 0.9, fuzzy: 0.8 } as const;

export function checkMatchingStrategy(matching: unknown): MatchingStrategy {
  if (matching === undefined) return 'exact';
  if (typeof matching === 'string' && (MATCHING_STRATEGIES as readonly string[]).includes(matching)) {
    return matching as MatchingStrategy;
  }
  throw new ConfigurationError(`matching must be one of ${MATCHING_STRATEGIES.join(', ')}`);
}

export function checkPlaceholderSource(vault: unknown): PlaceholderSource {
  if (typeof vault !== 'object' || vault === null || typeof (vault as PlaceholderSource).entries !== 'function') {
    throw new ConfigurationError('vault must be a Vault (an object with an entries() method)');
  }
  return vault as PlaceholderSource;
}

/** Builds a matcher over the vault's current entries. */
export async function loadMatcher(vault: PlaceholderSource, matching: MatchingStrategy): Promise<PlaceholderMatcher> {
  const entries = await vault.entries();
  if (!Array.isArray(entries)) throw new ConfigurationError('vault.entries() must return an array');
  return new PlaceholderMatcher(entries, matching);
}

/**
 * Output scanner that puts original values back where the model kept their placeholders.
 * Like LLM Guard's Deanonymize it never flags the output: `isValid` is true and `riskScore` -1.
 * Safe to share between concurrent requests: it reads the vault on every scan and keeps no state.
 */
export class Deanonymize implements OutputScanner {
  readonly matching: MatchingStrategy;
  readonly vault: PlaceholderSource;
  private readonly maxLength: number;
  private readonly observer: ScanObserver;

  constructor(options: DeanonymizeOptions) {
    if (typeof options !== 'object' || options === null) throw new ConfigurationError('Deanonymize needs an options object with a vault');
    this.vault = checkPlaceholderSource(options.vault);
    this.matching = checkMatchingStrategy(options.matching);
    const maxLength = options.maxLength ?? DEFAULT_MAX_OUTPUT_LENGTH;
    if (!Number.isSafeInteger(maxLength) || maxLength < 0) throw new ConfigurationError('maxLength must be a non-negative integer');
    this.maxLength = maxLength;
    this.observer = new ScanObserver(checkObserveOptions(options));
  }

  /** The `onScan` hook and `source` this scanner reports to. */
  get observe(): ObserveOptions {
    return this.observer.options;
  }

  /** The same scanner reporting its scans to another `onScan` hook / `source` (adapters use this). */
  observed(options: ObserveOptions): Deanonymize {
    const merged = { ...this.observer.options, ...checkObserveOptions(options) };
    return Object.assign(Object.create(Deanonymize.prototype) as Deanonymize, this, { observer: new ScanObserver(merged) });
  }

  /** A matcher for the vault as it is now; the streaming deanonymizer uses the same one. */
  matcher(): Promise<PlaceholderMatcher> {
    return loadMatcher(this.vault, this.matching);
  }

  /**
   * Restores placeholders in `output`. `prompt` is accepted for the OutputScanner shape and not used.
   * An empty output is a valid answer (a model may reply with tool calls only) and comes back empty.
   */
  scan(prompt: string, output: string): Promise<DeanonymizeResult> {
    return this.observer.run('deanonymize', typeof output === 'string' ? output.length : 0, () => this.restore(prompt, output), deanonymizeSummary);
  }

  private async restore(prompt: string, output: string): Promise<DeanonymizeResult> {
    if (typeof prompt !== 'string') throw new InvalidInputError(`prompt must be a string, got ${kindOf(prompt)}`);
    if (typeof output !== 'string') throw new InvalidInputError(`output must be a string, got ${kindOf(output)}`);
    if (output.length > this.maxLength) {
      throw new InvalidInputError(`output is ${output.length} UTF-16 units long; the limit is ${this.maxLength}`);
    }
    const matcher = await this.matcher();
    return deanonymizeText(matcher, output);
  }
}

export function deanonymizeSummary(result: DeanonymizeResult): ScanSummary {
  return {
    isValid: result.isValid,
    riskScore: result.riskScore,
    counts: countByType(result.findings),
    restored: result.restored,
    unknownPlaceholders: result.unknownPlaceholders.length,
  };
}

/** The batch rewrite both Deanonymize and tests use: one pass, all text known. */
export function deanonymizeText(matcher: PlaceholderMatcher, output: string): DeanonymizeResult {
  const rewrite = rewritePlaceholders(matcher, output, true);
  const skipped = [...rewrite.hits, ...rewrite.ambiguous].sort((a, b) => a.start - b.start);
  const unknown = new Set<string>();
  for (const span of [...rewrite.ambiguous, ...findPlaceholderLike(output, skipped)].sort((a, b) => a.start - b.start)) {
    unknown.add(output.slice(span.start, span.end));
  }
  return {
    sanitized: rewrite.output,
    isValid: true,
    riskScore: -1,
    findings: rewrite.hits.map(toFinding(output)),
    restored: rewrite.hits.length,
    unknownPlaceholders: [...unknown],
  };
}

function toFinding(output: string): (hit: PlaceholderHit) => Finding {
  return (hit) => ({
    type: hit.entry.type,
    start: hit.start,
    end: hit.end,
    text: output.slice(hit.start, hit.end),
    score: SCORE_BY_KIND[hit.kind],
    recognizer: 'deanonymize',
    explanation: [`${hit.kind} match of ${hit.entry.placeholder}`, ...(hit.cost > 0 ? [`${hit.cost} deviation(s)`] : [])],
  });
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}
