/**
 * Context words: a small list of words that, found near a candidate, make it more likely to be the
 * entity (e.g. "card" near a 16-digit number). Matching is whole-word and case-insensitive and looks
 * at a bounded window of words on each side; the nearer the word, the larger the boost. Labels that
 * the layout puts farther away (table column headers, list headings) come from LayoutContext.
 */
import type { LayoutContext } from './layout-context.js';

export interface ContextOptions {
  /** Lower-case words or short phrases ("social security"); apostrophes are kept ("driver's"). */
  words: readonly string[];
  /** How many words to look at before and after the candidate. */
  window?: number;
  /** Added to the score when a context word is found (the result is capped at 1). */
  boost: number;
  /**
   * Words that label a value as something else ("order", "invoice"). One within two words of the
   * candidate, and nearer than any context word, rejects a candidate that needs context.
   */
  otherLabels?: readonly string[];
}

const OTHER_LABEL_WINDOW = 2;

/** True when a word labelling the value as something else sits closer than any context word. */
export function labelledAsOther(text: string, start: number, end: number, options: ContextOptions, match: ContextMatch | undefined): boolean {
  if (!options.otherLabels || options.otherLabels.length === 0) return false;
  const other = findContextWord(text, start, end, { words: options.otherLabels, window: OTHER_LABEL_WINDOW, boost: 0 });
  return other !== undefined && (match === undefined || other.distance < match.distance);
}

export const DEFAULT_CONTEXT_WINDOW = 5;

// Longest word we expect to step over when collecting the window; bounds the slice we tokenize.
const MAX_CHARS_PER_WORD = 24;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

const WORD_CHAR = /[\p{L}\p{N}'’]/u;
const isWordCharAt = (text: string, i: number): boolean => WORD_CHAR.test(text[i] ?? '');

function wordsIn(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'"));
}

/** The words around `[start, end)`: up to `window` before and `window` after, lower-cased. */
export function surroundingWords(
  text: string,
  start: number,
  end: number,
  window: number,
  bounds: { from: number; to: number } = { from: 0, to: text.length },
): { before: string[]; after: string[] } {
  const reach = window * MAX_CHARS_PER_WORD;
  const before = wordsIn(text.slice(Math.max(bounds.from, start - reach), start));
  // Labels precede values or follow them on the same line ("987654321 (passport)"); a word on the next
  // line is the label of the next field in a form, so the window after stops at a line break.
  const afterSlice = text.slice(end, Math.min(bounds.to, end + reach));
  const lineBreak = afterSlice.search(/[\r\n]/);
  const after = wordsIn(lineBreak === -1 ? afterSlice : afterSlice.slice(0, lineBreak));
  // A slice that cuts into the text may cut a word in half; drop those partial edge words. A slice that
  // starts or ends between words (after a long ruler line of "=" or "-") keeps its edge words.
  const from = start - reach;
  if (from > bounds.from && isWordCharAt(text, from - 1) && isWordCharAt(text, from)) before.shift();
  const to = end + reach;
  if (lineBreak === -1 && to < bounds.to && isWordCharAt(text, to - 1) && isWordCharAt(text, to)) after.pop();
  return { before: before.slice(Math.max(0, before.length - window)), after: after.slice(0, window) };
}

// Context lists are fixed per recognizer; tokenising them once keeps each candidate's check cheap.
const phraseCache = new WeakMap<readonly string[], ReadonlyArray<readonly [string, string[]]>>();

function phrasesOf(words: readonly string[]): ReadonlyArray<readonly [string, string[]]> {
  let phrases = phraseCache.get(words);
  if (phrases === undefined) {
    phrases = words.map((word) => [word, wordsIn(word)] as const).filter(([, phrase]) => phrase.length > 0);
    phraseCache.set(words, phrases);
  }
  return phrases;
}

/** Index of the first word of the last (fromEnd) or first occurrence of `phrase` in `words`, or -1. */
function indexOfPhrase(words: readonly string[], phrase: readonly string[], fromEnd: boolean): number {
  const last = words.length - phrase.length;
  for (let n = 0; n <= last; n++) {
    const i = fromEnd ? last - n : n;
    let all = true;
    for (let j = 0; j < phrase.length && all; j++) all = words[i + j] === phrase[j];
    if (all) return i;
  }
  return -1;
}

export interface ContextMatch {
  /** The context word or phrase as listed. */
  word: string;
  /** Words between the phrase and the candidate; 0 when adjacent. */
  distance: number;
  /** Set when the word was found in the column header above the candidate rather than beside it. */
  inColumnHeader?: boolean;
  /** Set when the word was found in the heading of the indented list holding the candidate. */
  inListHeading?: boolean;
}

// A header cell labels its column as plainly as a word two places before the value would; a list
// heading ("Passport details:") labels its items a little less directly.
const COLUMN_HEADER_DISTANCE = 2;
const LIST_HEADING_DISTANCE = 4;

/** The first listed word or phrase that occurs in `text`, whole-word. */
function findIn(text: string, phrases: ReadonlyArray<readonly [string, string[]]>): string | undefined {
  const words = wordsIn(text);
  return phrases.find(([, phrase]) => indexOfPhrase(words, phrase, false) !== -1)?.[0];
}

/**
 * The context word nearest to the candidate within the window on either side (whole-word,
 * case-insensitive), or undefined. A phrase must lie entirely on one side of the candidate.
 */
export function findContextWord(
  text: string,
  start: number,
  end: number,
  options: ContextOptions,
  table?: LayoutContext,
): ContextMatch | undefined {
  const window = options.window ?? DEFAULT_CONTEXT_WINDOW;
  // In a table, the words of earlier rows label other values; only the own row and the header count.
  const cell = table?.cellAt(start);
  const bounds = cell ? { from: cell.rowStart, to: cell.rowEnd } : undefined;
  const { before, after } = surroundingWords(text, start, end, window, bounds);
  let best: ContextMatch | undefined;
  const phrases = phrasesOf(options.words);
  for (const [word, phrase] of phrases) {
    const beforeAt = indexOfPhrase(before, phrase, true);
    const afterAt = indexOfPhrase(after, phrase, false);
    const distances = [beforeAt === -1 ? Infinity : before.length - beforeAt - phrase.length, afterAt === -1 ? Infinity : afterAt];
    const distance = Math.min(...distances);
    if (distance !== Infinity && (best === undefined || distance < best.distance)) best = { word, distance };
  }
  if (best === undefined && cell !== undefined) {
    const found = findIn(cell.header.replace(/_/g, ' '), phrases);
    if (found !== undefined) best = { word: found, distance: COLUMN_HEADER_DISTANCE, inColumnHeader: true };
  }
  if (best === undefined && cell === undefined && table !== undefined) {
    const heading = table.listHeadingAt(start);
    const found = heading === undefined ? undefined : findIn(heading, phrases);
    if (found !== undefined) best = { word: found, distance: LIST_HEADING_DISTANCE, inListHeading: true };
  }
  return best;
}

// Each word between a context word and the candidate weakens the boost by this share, down to the floor.
const DECAY_PER_WORD = 0.05;
const DECAY_FLOOR = 0.6;

/** The boost a context match earns: full when adjacent, less the farther away it is. */
export function contextBoost(match: ContextMatch, boost: number): number {
  const factor = Math.max(DECAY_FLOOR, 1 - DECAY_PER_WORD * match.distance);
  return Math.round(boost * factor * 100) / 100;
}
