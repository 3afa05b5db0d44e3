import { PLACEHOLDER_PATTERN, Vault } from '@veil/vault';
import { ConfigurationError, RecognizerError, VeilError } from './errors.js';
import { DEFAULT_MAX_LENGTH, assertText } from './input.js';
import { createNerRecognizer } from './ner/index.js';
import type { NerOption } from './ner/index.js';
import { ScanObserver, checkObserveOptions, countByType } from './observe.js';
import type { ObserveOptions } from './observe.js';
import { resolveOverlaps, withoutOverlapsWith } from './overlaps.js';
import { EntityTypes } from './entity-types.js';
import { PATTERN_ENTITY_TYPES, defaultRecognizers } from './recognizers/index.js';
import { highestScore, riskScore } from './risk.js';
import { FORGED_PLACEHOLDER_TYPE, findForgedPlaceholders, isPlaceholderWordChar, typeSkeleton } from './forged-placeholders.js';
import { createTextView } from './text-view.js';
import { charAt, charBefore, joinsWord } from './word-boundary.js';
import type { TextView } from './text-view.js';
import type { EntityType, Finding, InputScanner, Recognizer, ScanResult } from './types.js';

export interface AnonymizeOptions extends ObserveOptions {
  /** Where placeholders are recorded; share it with Deanonymize. Default: a new in-memory Vault. */
  vault?: Vault;
  /** Only these types are redacted (hiddenNames always are). Default: every type the recognizers find. */
  entityTypes?: EntityType[];
  /** Never redacted: compared case-insensitively with the whole (trimmed) value. */
  allowedNames?: string[];
  /** Always redacted as CUSTOM wherever they occur as whole words, case-insensitively. */
  hiddenNames?: string[];
  /** Prepended to the sanitized prompt when something was redacted. */
  preamble?: string;
  /** Findings scoring below this are ignored. Default 0.5. */
  threshold?: number;
  /** Extra recognizers, run alongside the default pattern recognizers. */
  recognizers?: Recognizer[];
  /** Regions national phone numbers (no + or 00) are validated against. Default: DEFAULT_PHONE_REGIONS, a broad set. */
  phoneRegions?: string[];
  /** Dates redacted by default: 'birth' (default: dates beside a birth cue such as "DOB") or 'all'. */
  dates?: 'birth' | 'all';
  /** Set false to run only `recognizers` (no default pattern recognizers). Default true. */
  defaultRecognizers?: boolean;
  /** NER for PERSON / ORGANIZATION / LOCATION: false or 'patterns' for none. Default 'bundled'. Loaded lazily. */
  ner?: NerOption | false;
  /** Longest prompt accepted, in UTF-16 units. Default 10,000,000. */
  maxLength?: number;
}

/** A redacted finding: offsets into the original prompt and the placeholder that replaced it. */
export interface AnonymizeFinding extends Finding {
  placeholder: string;
}

export interface AnonymizeResult extends ScanResult {
  findings: AnonymizeFinding[];
}

export const DEFAULT_THRESHOLD = 0.5;
const NER_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION'];
const HIDDEN_NAMES_RECOGNIZER = 'hidden_names';
/** Types known without any custom recognizer: the pattern registry's, the NER model's and CUSTOM (hiddenNames). */
const BUILT_IN_TYPES: readonly EntityType[] = [...new Set([...PATTERN_ENTITY_TYPES, ...NER_TYPES, 'CUSTOM'])];

const fold = (name: string): string => name.trim().toLowerCase();
interface NameMatcher {
  pattern: RegExp;
}

interface Occurrence { start: number; end: number; text: string }

/** A literal, case-insensitive pattern; any run of whitespace in the name matches any run in the text. */
function compileName(name: string): NameMatcher {
  const trimmed = name.trim();
  const escaped = trimmed.split(/\s+/).map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return { pattern: new RegExp(escaped.join('\\s+'), 'giu') };
}

function findNames(matchers: NameMatcher[], text: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const { pattern } of matchers) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      // Whole words only: "Acme" must not match part of "Acmeville" (but may be glued to a word of another script).
      if (joinsWord(charBefore(text, start), charAt(text, start))) continue;
      if (joinsWord(charBefore(text, end), charAt(text, end))) continue;
      found.push({ start, end, text: m[0] });
    }
  }
  return found;
}

const hiddenNameFinding = ({ start, end, text }: Occurrence): Finding =>
  ({ type: 'CUSTOM', start, end, text, score: 1, recognizer: HIDDEN_NAMES_RECOGNIZER, explanation: ['hidden name'] });

/**
 * An allowed name is never redacted, not even in part: a model that tags only "Acme" inside the allowed
 * "Acme Support" must not redact it. A longer value that merely contains an allowed name is still redacted.
 */
function isAllowed(f: Finding, allowed: ReadonlySet<string>, occurrences: readonly Occurrence[]): boolean {
  return allowed.has(fold(f.text)) || occurrences.some((o) => o.start <= f.start && f.end <= o.end);
}

function checkStringList(value: unknown, option: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ConfigurationError(`${option} must be an array of strings`);
  }
  return value.filter((v: string) => v.trim() !== '');
}

function checkRecognizer(r: unknown, i: number): Recognizer {
  const ok = typeof r === 'object' && r !== null && typeof (r as Recognizer).name === 'string' && typeof (r as Recognizer).analyze === 'function' && Array.isArray((r as Recognizer).types);
  if (!ok) throw new ConfigurationError(`recognizers[${i}] must have a name, types and an analyze function`);
  return r as Recognizer;
}

const isSpaceAt = (text: string, i: number): boolean => /\s/.test(text[i] ?? '');
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * Checks a recognizer's finding against the view it analysed and tightens it: no surrounding
 * whitespace, no half surrogate pair at either edge. Returns undefined if nothing is left.
 */
function normalizeFinding(f: unknown, view: TextView, recognizer: string, index: number): Finding | undefined {
  const text = view.text;
  const candidate = f as Finding;
  const valid =
    typeof f === 'object' && f !== null &&
    Number.isInteger(candidate.start) && Number.isInteger(candidate.end) &&
    candidate.start >= 0 && candidate.end <= text.length && candidate.start < candidate.end &&
    typeof candidate.type === 'string' && candidate.type.trim() !== '' &&
    typeof candidate.score === 'number' && candidate.score >= 0 && candidate.score <= 1;
  if (!valid) throw new RecognizerError(recognizer, `returned an invalid finding (index ${index})`);
  let { start, end } = candidate;
  while (start < end && isSpaceAt(text, start)) start++;
  while (end > start && isSpaceAt(text, end - 1)) end--;
  if (start === end) return undefined;
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end++;
  return { ...candidate, start, end, text: text.slice(start, end), recognizer: candidate.recognizer || recognizer };
}

async function runRecognizer(recognizer: Recognizer, view: TextView, known: EntityTypes): Promise<Finding[]> {
  let raw: unknown;
  try {
    raw = await recognizer.analyze(view.text);
  } catch (error) {
    if (error instanceof RecognizerError) throw error;
    // Only our own errors are known to be free of PII; anything else is named, not chained.
    const detail = error instanceof Error ? error.name : typeof error;
    throw new RecognizerError(recognizer.name, `analysis threw ${detail}`, error instanceof VeilError ? { cause: error } : undefined);
  }
  if (!Array.isArray(raw)) throw new RecognizerError(recognizer.name, 'did not return an array of findings');
  const findings: Finding[] = [];
  const declared = new Set(known.canonicalList(recognizer.types ?? []));
  raw.forEach((f, i) => {
    const normalized = normalizeFinding(f, view, recognizer.name, i);
    if (!normalized) return;
    const type = known.canonical(normalized.type);
    // A type the recognizer never declared would slip past the entityTypes selection made from its types.
    if (declared.size > 0 && !declared.has(type)) {
      throw new RecognizerError(recognizer.name, `returned a finding of a type it does not declare (index ${i})`);
    }
    findings.push(type === normalized.type ? normalized : { ...normalized, type });
  });
  return findings;
}

/**
 * Replaces personal data in a prompt with placeholders recorded in a Vault.
 * Holds configuration only (plus the lazily created NER recognizer), so one instance can serve
 * any number of concurrent scans; per-conversation state lives in the Vault scope.
 */
export class Anonymize implements InputScanner {
  readonly vault: Vault;
  readonly threshold: number;
  readonly preamble: string;
  private readonly entityTypes: ReadonlySet<string> | undefined;
  private readonly knownTypes: EntityTypes;
  private readonly allowedNames: ReadonlySet<string>;
  private readonly allowedNameMatchers: NameMatcher[];
  private readonly hiddenNames: NameMatcher[];
  private readonly patternRecognizers: Recognizer[];
  private readonly nerOption: NerOption | undefined;
  private readonly maxLength: number;
  /** Shared by copies made with withVault, so a model is loaded once per configuration. */
  private readonly nerCache: { recognizer?: Promise<Recognizer>; loading?: Promise<void>; loaded?: boolean } = {};
  private readonly observer: ScanObserver;
  /** Skeletons of the types this scanner knows, for spotting forged placeholders such as `[PERSON_1]`. */
  private readonly typeSkeletons: ReadonlySet<string>;

  constructor(options: AnonymizeOptions = {}) {
    if (typeof options !== 'object' || options === null) throw new ConfigurationError('options must be an object');
    // Checked by shape, not instanceof: a second copy of @veil/vault (dist next to src) is still a Vault.
    if (options.vault !== undefined && typeof (options.vault as Partial<Vault> | null)?.placeholderFor !== 'function') {
      throw new ConfigurationError('vault must be a Vault');
    }
    this.vault = options.vault ?? new Vault();
    this.observer = new ScanObserver(checkObserveOptions(options));

    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) throw new ConfigurationError('threshold must be a number in [0, 1]');
    this.threshold = threshold;

    if (options.preamble !== undefined && typeof options.preamble !== 'string') throw new ConfigurationError('preamble must be a string');
    this.preamble = options.preamble ?? '';

    const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
    if (!Number.isSafeInteger(maxLength) || maxLength < 1) throw new ConfigurationError('maxLength must be a positive integer');
    this.maxLength = maxLength;

    const allowed = checkStringList(options.allowedNames, 'allowedNames');
    const hidden = checkStringList(options.hiddenNames, 'hiddenNames');
    this.allowedNames = new Set(allowed.map(fold));
    if (hidden.some((name) => this.allowedNames.has(fold(name)))) {
      throw new ConfigurationError('a name cannot be in both allowedNames and hiddenNames');
    }
    this.allowedNameMatchers = allowed.map(compileName);
    this.hiddenNames = hidden.map(compileName);

    if (options.recognizers !== undefined && !Array.isArray(options.recognizers)) throw new ConfigurationError('recognizers must be an array');
    if (options.dates !== undefined && options.dates !== 'birth' && options.dates !== 'all') throw new ConfigurationError("dates must be 'birth' or 'all'");
    const ner = options.ner === undefined ? 'bundled' : options.ner;
    const customNer = typeof ner === 'object' && ner !== null && Array.isArray((ner as Recognizer).types) ? (ner as Recognizer) : undefined;
    // Types are matched case-insensitively; every spelling is resolved to one canonical name here.
    const known = new EntityTypes(BUILT_IN_TYPES);
    const extra = (options.recognizers ?? []).map((r, i) => known.declare(checkRecognizer(r, i), `recognizers[${i}]`));
    if (customNer) known.declare(customNer, 'ner');
    const nerTypes = customNer ? known.canonicalList(customNer.types) : NER_TYPES;

    if (options.entityTypes !== undefined) {
      const types = checkStringList(options.entityTypes, 'entityTypes');
      if (types.length === 0) throw new ConfigurationError('entityTypes must name at least one type');
      this.entityTypes = new Set(types.map((t) => known.resolve(t, 'entityTypes')));
    }
    this.knownTypes = known;
    this.typeSkeletons = new Set([...known.list(), FORGED_PLACEHOLDER_TYPE].map(typeSkeleton));

    const defaults = options.defaultRecognizers === false ? [] : defaultRecognizers({ phoneRegions: options.phoneRegions, dates: options.dates });
    this.patternRecognizers = [...defaults, ...extra].filter((r) => this.wantsAnyOf(known.canonicalList(r.types)));

    this.nerOption = ner === false || ner === 'patterns' || !this.wantsAnyOf(nerTypes) ? undefined : ner;
  }

  /** Whether a recognizer declaring `types` can produce anything this scanner keeps. */
  private wantsAnyOf(types: readonly EntityType[]): boolean {
    if (!this.entityTypes || types.length === 0) return true;
    return types.some((t) => this.entityTypes!.has(t));
  }

  /** Creates the NER recognizer once; a failed creation is retried on the next call. */
  private ner(): Promise<Recognizer> | undefined {
    if (this.nerOption === undefined) return undefined;
    const cache = this.nerCache;
    if (!cache.recognizer) {
      const option = this.nerOption;
      cache.recognizer = (async () => {
        try {
          return createNerRecognizer(option);
        } catch (error) {
          if (error instanceof VeilError) throw error;
          // Unknown errors may quote paths or input: name them, do not chain them.
          throw new RecognizerError('ner', `could not be created (${error instanceof Error ? error.name : typeof error})`);
        }
      })();
      cache.recognizer.catch(() => {
        cache.recognizer = undefined;
      });
    }
    return cache.recognizer;
  }

  private async recognizers(): Promise<Recognizer[]> {
    const ner = this.ner();
    return ner ? [...this.patternRecognizers, await ner] : this.patternRecognizers;
  }

  /**
   * The same scanner (configuration and loaded model) recording into another vault, e.g. one scope
   * per conversation: `anonymize.withVault(vault.scope(chatId)).scan(prompt)`.
   */
  withVault(vault: Vault): Anonymize {
    if (typeof (vault as Partial<Vault> | null)?.placeholderFor !== 'function') throw new ConfigurationError('vault must be a Vault');
    return Object.assign(Object.create(Anonymize.prototype) as Anonymize, this, { vault });
  }

  /** The same scanner reporting its scans to another `onScan` hook / `source` (adapters use this). */
  observed(options: ObserveOptions): Anonymize {
    const merged = { ...this.observer.options, ...checkObserveOptions(options) };
    return Object.assign(Object.create(Anonymize.prototype) as Anonymize, this, { observer: new ScanObserver(merged) });
  }

  /**
   * Loads the NER model before the first analysis so its load time can be reported apart from the scan;
   * returns the milliseconds this call waited for it, or undefined when it was loaded already.
   */
  private async loadModel(): Promise<number | undefined> {
    if (this.nerOption === undefined || this.nerCache.loaded) return undefined;
    const started = performance.now();
    const cache = this.nerCache;
    if (!cache.loading) {
      const loading = (async () => {
        const recognizer = await this.ner()!;
        try {
          await recognizer.ready?.();
        } catch (error) {
          if (error instanceof VeilError) throw error;
          throw new RecognizerError(recognizer.name, `could not get ready (${error instanceof Error ? error.name : typeof error})`);
        }
      })();
      cache.loading = loading;
      loading.then(
        () => {
          cache.loaded = true;
        },
        () => {
          cache.loading = undefined;
        },
      );
    }
    await cache.loading;
    return performance.now() - started;
  }

  /** Loads models now instead of on the first scan. */
  async ready(): Promise<void> {
    const recognizers = await this.recognizers();
    await Promise.all(
      recognizers.map(async (r) => {
        try {
          await r.ready?.();
        } catch (error) {
          if (error instanceof VeilError) throw error;
          throw new RecognizerError(r.name, `could not get ready (${error instanceof Error ? error.name : typeof error})`);
        }
      }),
    );
  }

  /** Reported to `onScan` and as a `veil.anonymize` span (counts only, never a value). */
  scan(prompt: string): Promise<AnonymizeResult> {
    return this.observer.run(
      'anonymize',
      typeof prompt === 'string' ? prompt.length : 0,
      (setModelLoad) => this.scanText(prompt, setModelLoad),
      (result) => ({ isValid: result.isValid, riskScore: result.riskScore, counts: countByType(result.findings) }),
    );
  }

  /** Placeholder-like text in the gaps between `spans` (view offsets), as findings. */
  private forgedPlaceholders(text: string, prompt: string, view: TextView, spans: ReadonlyArray<{ start: number; end: number }>): Finding[] {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    const wordBefore = (i: number): boolean => isPlaceholderWordChar(prompt[view.toOriginalStart(i) - 1]);
    const found: Finding[] = [];
    let cursor = 0;
    for (const gap of [...sorted, { start: text.length, end: text.length }]) {
      if (gap.start > cursor) {
        for (const { start, end } of findForgedPlaceholders(text, cursor, gap.start, this.typeSkeletons, wordBefore)) {
          found.push({
            type: FORGED_PLACEHOLDER_TYPE, start, end, text: text.slice(start, end), score: 1,
            recognizer: 'forged_placeholder', explanation: ['placeholder-like text written in the prompt'],
          });
        }
      }
      cursor = Math.max(cursor, gap.end);
    }
    return found;
  }

  /**
   * What will be replaced, in view offsets, sorted and without overlaps. A method of its own so that the
   * recognizers' intermediate arrays are garbage before placeholders are issued (on a long document they hold
   * a hundred thousand findings).
   */
  private async spansToReplace(prompt: string, view: TextView): Promise<Finding[]> {
    const recognizers = await this.recognizers();
    const perRecognizer = await Promise.all(recognizers.map((r) => runRecognizer(r, view, this.knownTypes)));

    const candidates = perRecognizer
      .flat()
      .filter((f) => f.score >= this.threshold)
      .filter((f) => !this.entityTypes || this.entityTypes.has(f.type));
    const allowedOccurrences = findNames(this.allowedNameMatchers, view.text);
    const kept = candidates.filter((f) => !isAllowed(f, this.allowedNames, allowedOccurrences));
    kept.push(...findNames(this.hiddenNames, view.text).map(hiddenNameFinding));

    // Placeholders this vault issued before (a sanitized history sent again) stay as they are, so
    // anonymizing twice changes nothing and Deanonymize can still restore them.
    const issued: Array<{ start: number; end: number }> = [];
    for (const m of view.text.matchAll(PLACEHOLDER_PATTERN)) {
      const start = m.index;
      const end = start + m[0].length;
      const exact = prompt.slice(view.toOriginalStart(start), view.toOriginalEnd(end)) === m[0];
      if (exact && (await this.vault.valueOf(m[0])) !== undefined) issued.push({ start, end });
    }
    const resolved = resolveOverlaps(withoutOverlapsWith(kept, issued), view.text);
    // Any other placeholder-like text is data: recorded like a value, so Deanonymize gives back exactly
    // what was written. It is looked for between the spans that will be replaced, because a replacement
    // ends a word: `redacted person 1` + a redacted value reads as a placeholder in the sanitized text.
    const forged = this.forgedPlaceholders(view.text, prompt, view, [...issued, ...resolved]);
    return forged.length === 0 ? resolved : [...resolved, ...forged].sort((a, b) => a.start - b.start);
  }

  private async scanText(prompt: string, setModelLoad: (ms: number) => void): Promise<AnonymizeResult> {
    assertText(prompt, 'prompt', this.maxLength);
    if (prompt === '') return { sanitized: '', isValid: true, riskScore: -1, findings: [] };

    const modelLoadMs = await this.loadModel();
    if (modelLoadMs !== undefined) setModelLoad(modelLoadMs);
    const view = createTextView(prompt);
    const all = await this.spansToReplace(prompt, view);
    const findings: AnonymizeFinding[] = [];
    // In order of first appearance, one at a time, so numbering follows the text.
    for (const f of all) {
      const start = view.toOriginalStart(f.start);
      const end = view.toOriginalEnd(f.end);
      const text = prompt.slice(start, end);
      const placeholder = await this.vault.placeholderFor(f.type, text);
      findings.push({ ...f, start, end, text, placeholder });
    }

    if (findings.length === 0) return { sanitized: prompt, isValid: true, riskScore: -1, findings };
    return {
      sanitized: this.preamble + replaceSpans(prompt, findings),
      ...risk(findings.filter((f) => f.type !== FORGED_PLACEHOLDER_TYPE), this.threshold),
      findings,
    };
  }
}

/** Forged placeholders alone are not personal data: the prompt stays valid. */
function risk(pii: readonly Finding[], threshold: number): { isValid: boolean; riskScore: number } {
  return pii.length === 0 ? { isValid: true, riskScore: -1 } : { isValid: false, riskScore: riskScore(highestScore(pii), threshold) };
}

/** Replaces sorted, non-overlapping spans in one pass (linear in the text length). */
function replaceSpans(text: string, spans: ReadonlyArray<{ start: number; end: number; placeholder: string }>): string {
  const pieces: string[] = [];
  let cursor = 0;
  for (const { start, end, placeholder } of spans) {
    pieces.push(text.slice(cursor, start), placeholder);
    cursor = end;
  }
  pieces.push(text.slice(cursor));
  return pieces.join('');
}
