import { ConfigurationError, InvalidInputError } from './errors.js';
import {
  MATCHING_STRATEGIES,
  buildMatcher,
  findPlaceholderLike,
  rewritePlaceholders,
} from './placeholder-match.js';
import type { PlaceholderMatcher } from './placeholder-match.js';
import type { MatchingStrategy, PlaceholderEntry, PlaceholderHit } from './placeholder-match.js';
import type { Finding, OutputScanner, ScanResult } from './types.js';
import { ScanObserver, checkObserveOptions, countByType } from './observe.js';
import type { ObserveOptions, ScanSummary } from './observe.js';

/** What Deanonymize needs from a vault: `Vault` of @veil/vault, or anything listing its entries. */
export interface PlaceholderSource {
  entries(): Promise<readonly PlaceholderEntry[]> | readonly PlaceholderEntry[];
  /**
   * Optional: a token that changes whenever the entries change (`Vault.revision()`); equal tokens mean equal
   * entries. With it Deanonymize reuses its matcher without listing the entries; without it (or when it answers
   * undefined) the entries are listed on every scan and the matcher is reused when they are the same.
   */
  revision?(): Promise<string | undefined> | string | undefined;
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

async function listEntries(vault: PlaceholderSource): Promise<readonly PlaceholderEntry[]> {
  const entries = await vault.entries();
  if (!Array.isArray(entries)) throw new ConfigurationError('vault.entries() must return an array');
  return entries;
}

/** Builds a matcher over the vault's current entries. */
export async function loadMatcher(vault: PlaceholderSource, matching: MatchingStrategy): Promise<PlaceholderMatcher> {
  return buildMatcher(await listEntries(vault), matching);
}

function sameEntries(a: readonly PlaceholderEntry[], b: readonly PlaceholderEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.placeholder !== y.placeholder || x.type !== y.type || x.value !== y.value)) return false;
  }
  return true;
}

/**
 * The last matcher built for one vault and strategy. Compiling one costs about 10 µs per entry (a 10,000-entry
 * vault: ~100 ms), far more than a scan of a typical answer, so it is rebuilt only when the entries change.
 */
class MatcherCache {
  private last: { revision: string | undefined; entries: readonly PlaceholderEntry[] | undefined; matcher: Promise<PlaceholderMatcher> } | undefined;

  constructor(
    private readonly vault: PlaceholderSource,
    private readonly matching: MatchingStrategy,
  ) {}

  async get(): Promise<PlaceholderMatcher> {
    // The revision is read before the entries: a write landing in between makes the cached revision older than
    // the entries, which costs one extra build later, never a stale matcher.
    const revision = typeof this.vault.revision === 'function' ? await this.vault.revision() : undefined;
    if (typeof revision === 'string') {
      if (this.last?.revision === revision) return this.last.matcher;
      return this.remember(revision, undefined, listEntries(this.vault).then((entries) => buildMatcher(entries, this.matching)));
    }
    const entries = await listEntries(this.vault);
    if (this.last?.entries && sameEntries(this.last.entries, entries)) return this.last.matcher;
    // A copy: the source may hand out an array it changes later.
    return this.remember(undefined, [...entries], Promise.resolve().then(() => buildMatcher(entries, this.matching)));
  }

  private remember(revision: string | undefined, entries: readonly PlaceholderEntry[] | undefined, matcher: Promise<PlaceholderMatcher>) {
    const slot = { revision, entries, matcher };
    this.last = slot;
    // A failed read must not be served to the next scan.
    matcher.catch(() => {
      if (this.last === slot) this.last = undefined;
    });
    return matcher;
  }
}

/**
 * Output scanner that puts original values back where the model kept their placeholders.
 * Like LLM Guard's Deanonymize it never flags the output: `isValid` is true and `riskScore` -1.
 * Safe to share between concurrent requests. It checks the vault on every scan and keeps only the matcher
 * built from its entries, rebuilt when they change (see `PlaceholderSource.revision`), so one instance per vault
 * scope, kept across requests, is what makes repeated scans cheap.
 */
export class Deanonymize implements OutputScanner {
  readonly matching: MatchingStrategy;
  readonly vault: PlaceholderSource;
  private readonly maxLength: number;
  private readonly observer: ScanObserver;
  private readonly matchers: MatcherCache;

  constructor(options: DeanonymizeOptions) {
    if (typeof options !== 'object' || options === null) throw new ConfigurationError('Deanonymize needs an options object with a vault');
    this.vault = checkPlaceholderSource(options.vault);
    this.matching = checkMatchingStrategy(options.matching);
    const maxLength = options.maxLength ?? DEFAULT_MAX_OUTPUT_LENGTH;
    if (!Number.isSafeInteger(maxLength) || maxLength < 0) throw new ConfigurationError('maxLength must be a non-negative integer');
    this.maxLength = maxLength;
    this.observer = new ScanObserver(checkObserveOptions(options));
    this.matchers = new MatcherCache(this.vault, this.matching);
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
    return this.matchers.get();
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
