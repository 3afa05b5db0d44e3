/**
 * Finds placeholders in model output and decides which vault entry each one stands for.
 *
 * One decision function, `decideAt`, is shared by the batch Deanonymize scanner and the streaming
 * deanonymizer. It looks only at a bounded window of text around a position and answers
 * `incomplete` whenever the text ends before the answer is certain. The stream holds back text
 * exactly when the answer is `incomplete`, so streamed and batch results are equal by construction
 * and the holdback never exceeds `holdbackLimit`.
 */

import { parsePlaceholder } from '@veil/vault';
import { ConfigurationError } from './errors.js';

/** The vault's view of one placeholder (structurally the `VaultEntry` of @veil/vault). */
export interface PlaceholderEntry {
  placeholder: string;
  type: string;
  value: string;
}

export type MatchingStrategy = 'exact' | 'case_insensitive' | 'fuzzy' | 'combined';

export const MATCHING_STRATEGIES: readonly MatchingStrategy[] = ['exact', 'case_insensitive', 'fuzzy', 'combined'];

/** How a single hit was recognised; `fuzzy` covers dropped brackets, spaces for underscores and the like. */
export type MatchKind = 'exact' | 'case_insensitive' | 'fuzzy';

/**
 * Extra characters a fuzzy placeholder may have over the longest vault placeholder: up to three
 * separator characters per underscore, a different bracket, zero-width characters a model let slip.
 * The streaming holdback is bounded by longest placeholder + this slack.
 */
export const FUZZY_SLACK = 16;

/** Separator runs longer than this are not read as one underscore (`REDACTED - PERSON 1` is fine). */
const MAX_SEPARATOR_RUN = 3;

const SEPARATORS = new Set(['_', ' ', '-']);
/**
 * Brackets a model may put around a placeholder. Parentheses are left out on purpose: in
 * `(REDACTED_PERSON_1)` they are far more often prose than a mangled bracket, and must survive.
 */
const OPENERS: ReadonlyMap<string, string> = new Map([['[', ']'], ['{', '}'], ['<', '>']]);
const REDACTED = 'REDACTED';
/** Characters a fuzzy placeholder can start with; a plain character class, so linear to search. */
const FUZZY_ANCHORS = /[[{<Rr]/g;

/** Zero-width characters models and copy-paste leave inside words; they are skipped inside fuzzy hits. */
function isZeroWidth(ch: string): boolean {
  return ch === '\u200b' || ch === '\u200c' || ch === '\u200d' || ch === '\u2060' || ch === '\ufeff';
}

function isAsciiAlnum(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function isAsciiLower(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 97 && c <= 122;
}

const ASCII_LOWER_RUN = /[a-z]+/g;

/** ASCII-only upper-casing: `ß` or a Turkish `ı` must never turn into letters of a placeholder. */
export function asciiUpper(text: string): string {
  return text.replace(ASCII_LOWER_RUN, (run) => run.toUpperCase());
}

/** Characters that glue a bare `REDACTED...` to the word before it, so it is not a placeholder there. */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && (isAsciiAlnum(ch) || ch === '_');
}

/** A vault entry prepared for fuzzy comparison: its letters and digits, and where its underscores were. */
interface FuzzyKey {
  entry: PlaceholderEntry;
  /** Upper-case letters and digits of the placeholder between its brackets, e.g. `REDACTEDPERSON1`. */
  skeleton: string;
  /** Positions in `skeleton` where the placeholder has an underscore. */
  slots: ReadonlySet<number>;
}

function fuzzyKeyOf(entry: PlaceholderEntry): FuzzyKey | undefined {
  const p = entry.placeholder;
  if (!p.startsWith('[') || !p.endsWith(']')) return undefined;
  const inner = p.slice(1, -1);
  let skeleton = '';
  const slots = new Set<number>();
  for (const ch of inner) {
    if (ch === '_') slots.add(skeleton.length);
    else if (isAsciiAlnum(ch)) skeleton += asciiUpper(ch);
    else return undefined;
  }
  if (skeleton === '' || !isAsciiDigit(skeleton[skeleton.length - 1]!)) return undefined;
  return { entry, skeleton, slots };
}

/** One placeholder found at `[start, end)` and the entry it restores to. */
export interface PlaceholderHit {
  start: number;
  end: number;
  entry: PlaceholderEntry;
  kind: MatchKind;
  /** Number of deviations from the exact placeholder (0 for an exact hit). */
  cost: number;
}

export type Decision =
  | { kind: 'hit'; hit: PlaceholderHit }
  /** Looks like a placeholder but two or more entries are equally close: left as it is. */
  | { kind: 'ambiguous'; start: number; end: number }
  /** The text ends before the decision at this position is certain. */
  | { kind: 'incomplete' }
  | { kind: 'none' };

const NONE: Decision = { kind: 'none' };
const INCOMPLETE: Decision = { kind: 'incomplete' };

interface FuzzyCandidate {
  end: number;
  entry: PlaceholderEntry;
  cost: number;
}

/**
 * Matches placeholders of one vault snapshot with one strategy. Immutable and cheap to share;
 * build a new one when the vault changes.
 */
export class PlaceholderMatcher {
  readonly strategy: MatchingStrategy;
  /** Longest placeholder in the vault, in UTF-16 units (0 for an empty vault). */
  readonly longestPlaceholder: number;
  /** Most characters a stream ever holds back: longest placeholder, plus FUZZY_SLACK for fuzzy strategies. */
  readonly holdbackLimit: number;

  private readonly byPlaceholder = new Map<string, PlaceholderEntry>();
  private readonly byFoldedPlaceholder = new Map<string, PlaceholderEntry>();
  private readonly literalPrefixes = new Set<string>();
  private readonly foldedPrefixes = new Set<string>();
  private readonly lengths: number[];
  private readonly bySkeleton = new Map<string, FuzzyKey[]>();
  private readonly skeletonPrefixes = new Set<string>();
  private readonly properSkeletonPrefixes = new Set<string>();
  private readonly fuzzyWindow: number;

  constructor(entries: readonly PlaceholderEntry[], strategy: MatchingStrategy = 'exact') {
    if (!MATCHING_STRATEGIES.includes(strategy)) throw new ConfigurationError(`matching must be one of ${MATCHING_STRATEGIES.join(', ')}`);
    if (!Array.isArray(entries)) throw new ConfigurationError('placeholder entries must be an array');
    this.strategy = strategy;
    const lengths = new Set<number>();
    let longest = 0;
    for (const entry of entries) {
      const p = entry.placeholder;
      if (typeof p !== 'string' || p === '' || typeof entry.value !== 'string') continue;
      this.byPlaceholder.set(p, entry);
      // Two placeholders that differ only in case cannot be told apart case-insensitively: keep neither.
      const folded = asciiUpper(p);
      const seen = this.byFoldedPlaceholder.get(folded);
      this.byFoldedPlaceholder.set(folded, seen && seen !== entry ? AMBIGUOUS_ENTRY : entry);
      lengths.add(p.length);
      longest = Math.max(longest, p.length);
      for (let n = 1; n < p.length; n++) {
        this.literalPrefixes.add(p.slice(0, n));
        this.foldedPrefixes.add(folded.slice(0, n));
      }
      const key = fuzzyKeyOf(entry);
      if (key) {
        const list = this.bySkeleton.get(key.skeleton) ?? [];
        list.push(key);
        this.bySkeleton.set(key.skeleton, list);
        for (let n = 1; n <= key.skeleton.length; n++) this.skeletonPrefixes.add(key.skeleton.slice(0, n));
        for (let n = 0; n < key.skeleton.length; n++) this.properSkeletonPrefixes.add(key.skeleton.slice(0, n));
      }
    }
    this.lengths = [...lengths].sort((a, b) => b - a);
    this.longestPlaceholder = longest;
    this.fuzzyWindow = longest + FUZZY_SLACK;
    const fuzzy = strategy === 'fuzzy' || strategy === 'combined';
    this.holdbackLimit = longest === 0 ? 0 : fuzzy ? this.fuzzyWindow : longest;
  }

  get size(): number {
    return this.byPlaceholder.size;
  }

  /**
   * What starts at `i`? `before` is the character preceding `text` (for streams, the last one
   * already emitted). With `atEnd` false, `incomplete` means: give me more text before I decide.
   */
  decideAt(text: string, i: number, atEnd: boolean, before = ''): Decision {
    switch (this.strategy) {
      case 'exact':
        return this.literalAt(text, i, atEnd, false);
      case 'case_insensitive':
        return this.literalAt(text, i, atEnd, true);
      case 'fuzzy':
        return this.fuzzyAt(text, i, atEnd, before);
      case 'combined': {
        for (const folded of [false, true]) {
          const d = this.literalAt(text, i, atEnd, folded);
          if (d.kind !== 'none') return d;
        }
        return this.fuzzyAt(text, i, atEnd, before);
      }
    }
  }

  /**
   * First position at or after `from` where a placeholder may start (a bracket, or an `R` that
   * begins a word), or -1. Everything before it can be released without a decision.
   */
  nextAnchor(text: string, from: number, before = ''): number {
    if (this.byPlaceholder.size === 0) return -1;
    if (this.strategy === 'exact' || this.strategy === 'case_insensitive') return text.indexOf('[', from);
    const anchors = FUZZY_ANCHORS;
    anchors.lastIndex = from;
    for (let m = anchors.exec(text); m !== null; m = anchors.exec(text)) {
      const i = m.index;
      if (OPENERS.has(text[i]!) || !isWordChar(i > 0 ? text[i - 1] : before)) return i;
    }
    return -1;
  }

  private literalAt(text: string, i: number, atEnd: boolean, folded: boolean): Decision {
    if (text[i] !== '[') return NONE;
    const table = folded ? this.byFoldedPlaceholder : this.byPlaceholder;
    // Checked first: a longer placeholder may still complete what looks like a shorter one.
    if (!atEnd && text.length - i < this.longestPlaceholder) {
      const tail = text.slice(i);
      if ((folded ? this.foldedPrefixes : this.literalPrefixes).has(folded ? asciiUpper(tail) : tail)) return INCOMPLETE;
    }
    for (const length of this.lengths) {
      if (i + length > text.length) continue;
      const span = text.slice(i, i + length);
      const entry = table.get(folded ? asciiUpper(span) : span);
      if (entry === AMBIGUOUS_ENTRY) return { kind: 'ambiguous', start: i, end: i + length };
      if (entry) {
        const kind: MatchKind = folded && span !== entry.placeholder ? 'case_insensitive' : 'exact';
        return { kind: 'hit', hit: { start: i, end: i + length, entry, kind, cost: kind === 'exact' ? 0 : 1 } };
      }
    }
    return NONE;
  }

  /**
   * Reads a mangled placeholder at `i`: `[REDACTED_PERSON_1]`, `redacted person 1`, `REDACTEDPERSON1`,
   * `<REDACTED-PERSON-1>`, `[PERSON_1]`. Every entry whose letters and digits match is scored by its
   * number of deviations; the hit must be strictly closer to one entry than to every other.
   */
  private fuzzyAt(text: string, i: number, atEnd: boolean, before: string): Decision {
    if (this.bySkeleton.size === 0) return NONE;
    const first = text[i]!;
    const closer = OPENERS.get(first);
    const candidates: FuzzyCandidate[] = [];
    let incomplete = false;
    if (closer !== undefined) {
      const openerCost = first === '[' ? 0 : 1;
      // With brackets the model may also have dropped the word REDACTED: `[PERSON_1]`.
      for (const assumeRedacted of [false, true]) {
        const r = this.readFuzzy(text, i, i + 1, atEnd, closer, assumeRedacted, openerCost + (assumeRedacted ? 1 : 0), candidates);
        incomplete ||= r;
      }
    } else {
      if ((first !== 'R' && first !== 'r') || isWordChar(i > 0 ? text[i - 1] : before)) return NONE;
      incomplete = this.readFuzzy(text, i, i, atEnd, undefined, false, 1, candidates);
    }
    if (incomplete && !atEnd) return INCOMPLETE;
    if (candidates.length === 0) return NONE;
    let best = candidates[0]!;
    let tie = false;
    let end = best.end;
    for (const c of candidates.slice(1)) {
      end = Math.max(end, c.end);
      if (c.cost < best.cost) {
        best = c;
        tie = false;
      } else if (c.cost === best.cost && c.entry !== best.entry) {
        tie = true;
      }
    }
    if (tie) return { kind: 'ambiguous', start: i, end };
    const kind: MatchKind = best.cost === 0 ? 'exact' : 'fuzzy';
    return { kind: 'hit', hit: { start: i, end: best.end, entry: best.entry, kind, cost: best.cost } };
  }

  /**
   * Scans letters, digits and separator runs from `from`, following only skeletons some entry has,
   * and records every entry whose whole skeleton was read with a valid ending. Returns whether the
   * text ended while the reading could still go on (the caller then needs more text).
   */
  private readFuzzy(
    text: string,
    start: number,
    from: number,
    atEnd: boolean,
    closer: string | undefined,
    assumeRedacted: boolean,
    baseCost: number,
    out: FuzzyCandidate[],
  ): boolean {
    const limit = start + this.fuzzyWindow;
    let skeleton = assumeRedacted ? REDACTED : '';
    // Separator runs by skeleton position; a dropped REDACTED counts its underscore as present.
    const separators: Array<[number, string]> = assumeRedacted ? [[REDACTED.length, '_']] : [];
    let zeroWidth = 0;
    let lowered = false;
    let lastWasAlnum = false;
    let k = from;
    for (;;) {
      if (k >= limit) return false;
      const ch = k < text.length ? text[k]! : undefined;
      if (ch === undefined && !atEnd) {
        // More letters could extend the skeleton, or the next character decides how a whole one ends.
        return this.properSkeletonPrefixes.has(skeleton) || (lastWasAlnum && this.bySkeleton.has(skeleton));
      }
      if (ch !== undefined && isZeroWidth(ch)) {
        zeroWidth++;
        k++;
        continue;
      }
      if (ch !== undefined && isAsciiAlnum(ch)) {
        const next = skeleton + asciiUpper(ch);
        if (!this.skeletonPrefixes.has(next)) return false;
        skeleton = next;
        lowered ||= isAsciiLower(ch);
        lastWasAlnum = true;
        k++;
        continue;
      }
      // Anything else ends the current token: the skeleton so far may be a whole placeholder.
      if (lastWasAlnum && isAsciiDigit(skeleton[skeleton.length - 1] ?? '')) {
        const keys = this.bySkeleton.get(skeleton);
        if (keys) {
          const ending = this.endAfter(text, k, limit, atEnd, closer);
          if (ending === 'incomplete') return true;
          if (ending !== 'none') {
            for (const key of keys) {
              const cost = scoreSeparators(key, separators);
              if (cost === undefined) continue;
              out.push({ end: ending, entry: key.entry, cost: baseCost + cost + zeroWidth + (lowered ? 1 : 0) });
            }
          }
        }
      }
      if (ch === undefined || !SEPARATORS.has(ch) || !lastWasAlnum) return false;
      lastWasAlnum = false;
      let run = '';
      while (k < text.length && k < limit && SEPARATORS.has(text[k]!) && run.length <= MAX_SEPARATOR_RUN) {
        run += text[k];
        k++;
      }
      if (run.length > MAX_SEPARATOR_RUN) return false;
      separators.push([skeleton.length, run]);
    }
  }

  /** Where a fuzzy placeholder whose last digit ends before `k` ends, if it may end there. */
  private endAfter(text: string, k: number, limit: number, atEnd: boolean, closer: string | undefined): number | 'none' | 'incomplete' {
    if (closer === undefined) {
      // A bare placeholder must not run into a following word; `_` would continue it.
      return text[k] === '_' ? 'none' : k;
    }
    let j = k;
    while (j < text.length && j < limit && isZeroWidth(text[j]!)) j++;
    if (j >= limit) return 'none';
    if (j >= text.length) return atEnd ? 'none' : 'incomplete';
    return text[j] === closer ? j + 1 : 'none';
  }
}

/**
 * Compiles a matcher. The one place Deanonymize builds one, so a test can count builds (vi.spyOn on this module)
 * without a counter in production code.
 */
export function buildMatcher(entries: readonly PlaceholderEntry[], strategy: MatchingStrategy): PlaceholderMatcher {
  return new PlaceholderMatcher(entries, strategy);
}

/** Marks a folded placeholder that two entries share, so case-insensitive matching refuses to pick one. */
const AMBIGUOUS_ENTRY: PlaceholderEntry = Object.freeze({ placeholder: '', type: '', value: '' });

/**
 * Deviations in separators: every underscore of the entry that the text wrote differently or left out
 * costs one. Separators where the entry has none rule the entry out (`PER SON` is not `PERSON`).
 */
function scoreSeparators(key: FuzzyKey, separators: ReadonlyArray<[number, string]>): number | undefined {
  let cost = 0;
  const seen = new Set<number>();
  for (const [position, run] of separators) {
    if (!key.slots.has(position)) return undefined;
    seen.add(position);
    if (run !== '_') cost++;
  }
  for (const slot of key.slots) if (!seen.has(slot)) cost++;
  return cost;
}

/** Result of rewriting a piece of text: what to emit and how much of the input that covers. */
export interface Rewrite {
  output: string;
  /** Characters of the input consumed; the rest must be held back until more text arrives. */
  consumed: number;
  hits: PlaceholderHit[];
  /** Spans that looked like placeholders but matched several entries equally well. */
  ambiguous: Array<{ start: number; end: number }>;
}

/**
 * Replaces every placeholder in `text` that the matcher recognises. With `atEnd` false it stops at
 * the first position whose decision needs more text. Offsets in the result are relative to `text`.
 */
export function rewritePlaceholders(matcher: PlaceholderMatcher, text: string, atEnd: boolean, before = ''): Rewrite {
  const hits: PlaceholderHit[] = [];
  const ambiguous: Array<{ start: number; end: number }> = [];
  const parts: string[] = [];
  let emitted = 0;
  let i = 0;
  while (i < text.length) {
    const anchor = matcher.nextAnchor(text, i, before);
    if (anchor === -1) {
      i = text.length;
      break;
    }
    i = anchor;
    const d = matcher.decideAt(text, i, atEnd, before);
    if (d.kind === 'none') {
      i++;
    } else if (d.kind === 'incomplete') {
      break;
    } else if (d.kind === 'ambiguous') {
      ambiguous.push({ start: d.start, end: d.end });
      i = d.end;
    } else {
      parts.push(text.slice(emitted, d.hit.start), d.hit.entry.value);
      hits.push(d.hit);
      emitted = i = d.hit.end;
    }
  }
  parts.push(text.slice(emitted, i));
  return { output: parts.join(''), consumed: i, hits, ambiguous };
}

/**
 * Well-formed placeholders (`[REDACTED_<TYPE>_<n>]`) in `text` outside the given spans: what a model
 * invented or what belongs to another scope. Each piece is read once, so this is linear.
 */
export function findPlaceholderLike(text: string, skip: ReadonlyArray<{ start: number; end: number }> = []): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  const prefix = '[REDACTED_';
  let s = 0;
  let from = text.indexOf(prefix);
  while (from !== -1) {
    while (s < skip.length && skip[s]!.end <= from) s++;
    let j = from + prefix.length;
    while (j < text.length && j - from < 256 && /[A-Z0-9_]/.test(text[j]!)) j++;
    const inside = s < skip.length && skip[s]!.start <= from;
    if (!inside && text[j] === ']' && parsePlaceholder(text.slice(from, j + 1))) {
      found.push({ start: from, end: j + 1 });
    }
    from = text.indexOf(prefix, Math.max(j, from + 1));
  }
  return found;
}
