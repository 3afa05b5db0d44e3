/**
 * Span edges: word-piece models often take the comma, bracket or full stop next to a name into the span
 * ("Seattle,", "308 Rue Bourbon,") and sometimes run a span across a sentence end ("Spokane. His"). Neither can
 * belong to a name, so edges are trimmed and a span is split where a sentence ends inside it.
 */
import type { Finding } from '../../types.js';
import { respan } from './spans.js';

/** Punctuation that never starts a name. Opening brackets and quotes are handled by `unbalanced`. */
const LEADING = /[\s,;:.!?)\]}>|/\\*•·–—-]/u;
/** Punctuation that never ends a name; a full stop is handled by `endsWithAbbreviation`. */
const TRAILING = /[\s,;:!?([{<|/\\*•·–—-]/u;
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '"': '"', '“': '”', '«': '»' };
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '"': '"', '”': '“', '»': '«' };

/** Titles, company forms and street abbreviations whose full stop belongs to the word. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'ft', 'jr', 'sr', 'inc', 'corp', 'co', 'ltd', 'llc', 'bros', 'plc',
  'ave', 'blvd', 'rd', 'ln', 'ct', 'pl', 'hwy', 'pkwy', 'apt', 'ste', 'no', 'gen', 'col', 'lt', 'sgt', 'capt',
  'gov', 'sen', 'rep', 'rev', 'hon', 'esq', 'dept', 'univ', 'assn', 'intl', 'mfg',
]);

/** Whether the full stop at `dot` ends an abbreviation: an initial, a dotted form (U.S.) or a listed word. */
export function endsWithAbbreviation(source: string, start: number, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > start && /[\p{L}.]/u.test(source[wordStart - 1]!)) wordStart--;
  const word = source.slice(wordStart, dot);
  if (word.length === 0) return false;
  if (word.includes('.')) return true;
  if (word.length === 1) return /\p{Lu}/u.test(word);
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Whether the span [start, end) holds the partner of the bracket or quote `ch` at its edge. */
function unbalanced(source: string, start: number, end: number, ch: string, partner: string): boolean {
  const inner = source.slice(start, end);
  // A straight quote pairs with one of its own kind: unbalanced when the rest holds an even number of them.
  if (ch === partner) return inner.split(ch).length % 2 === 1;
  return !inner.includes(partner);
}

/**
 * A bracket opened inside a span and not closed there ("Doral, FL 33172 (freight") starts a remark, not a part
 * of the name: the span ends before it. A bracket closed without being opened ends a remark: the span starts
 * after it.
 */
function withoutUnbalancedBrackets(source: string, start: number, end: number): { start: number; end: number } {
  const open: number[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const ch = source[i];
    if (ch === '(' || ch === '[') open.push(i);
    else if ((ch === ')' || ch === ']') && open.pop() === undefined && i > s && i + 1 < end) s = i + 1;
  }
  const firstOpen = open.find((i) => i >= s);
  return { start: s, end: firstOpen !== undefined && firstOpen > s ? firstOpen : end };
}

const MAX_TRIM_STEPS = 32;

export function trimEdges(source: string, finding: Finding): Finding | undefined {
  let { start, end } = withoutUnbalancedBrackets(source, finding.start, finding.end);
  // Each step checks brackets over the span; a name has few punctuation marks at its edges, so the steps are
  // capped and refinement stays linear on a megabyte-long span of punctuation.
  for (let changed = true, steps = 0; changed && start < end && steps < MAX_TRIM_STEPS; steps++) {
    changed = false;
    const first = source[start]!;
    const last = source[end - 1]!;
    if (end - start >= 2 && first in OPENERS && last === OPENERS[first]) {
      // Wrapped whole: "(Metro Atlantic)", "\"Acme\"".
      start++;
      end--;
      changed = true;
    } else if (LEADING.test(first) || (first in OPENERS && unbalanced(source, start + 1, end, first, OPENERS[first]!))) {
      start++;
      changed = true;
    } else if (TRAILING.test(last) || (last in CLOSERS && unbalanced(source, start, end - 1, last, CLOSERS[last]!))) {
      end--;
      changed = true;
    } else if (last === '.' && !endsWithAbbreviation(source, start, end - 1)) {
      end--;
      changed = true;
    }
  }
  if (start >= end) return undefined;
  return respan(source, finding, start, end, 'refine: edge punctuation trimmed');
}

/** A sentence end: `.`, `!` or `?`, then space, then an upper-case letter. */
const SENTENCE_END = /[.!?][ \t]+(?=\p{Lu})|[.!?]?[ \t]*\r?\n[ \t]*\r?\n/gu;

/** Splits a span at every sentence end inside it (not after an abbreviation); the pieces keep the score. */
export function splitAtSentenceEnds(source: string, finding: Finding): Finding[] {
  const inner = finding.text;
  if (!/[.!?\n]/u.test(inner)) return [finding];
  const pieces: Finding[] = [];
  let pieceStart = finding.start;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(inner); m; m = SENTENCE_END.exec(inner)) {
    const at = finding.start + m.index;
    if (source[at] === '.' && endsWithAbbreviation(source, pieceStart, at)) continue;
    if (at > pieceStart) pieces.push(respan(source, finding, pieceStart, at, 'refine: split at sentence end'));
    pieceStart = at + m[0].length;
  }
  if (pieces.length === 0) return [finding];
  if (pieceStart < finding.end) pieces.push(respan(source, finding, pieceStart, finding.end, 'refine: split at sentence end'));
  return pieces;
}
