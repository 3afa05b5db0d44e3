/**
 * Context words: a small list of words that, found near a candidate, make it more likely to be the
 * entity (e.g. "card" near a 16-digit number). Matching is whole-word and case-insensitive, and only
 * looks at a bounded window of words on each side, so cost per candidate is constant.
 */

export interface ContextOptions {
  /** Lower-case words or short phrases ("social security"); apostrophes are kept ("driver's"). */
  words: readonly string[];
  /** How many words to look at before and after the candidate. */
  window?: number;
  /** Added to the score when a context word is found (the result is capped at 1). */
  boost: number;
}

export const DEFAULT_CONTEXT_WINDOW = 5;

// Longest word we expect to step over when collecting the window; bounds the slice we tokenize.
const MAX_CHARS_PER_WORD = 24;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function wordsIn(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'"));
}

/** The words around `[start, end)`: up to `window` before and `window` after, lower-cased. */
export function surroundingWords(text: string, start: number, end: number, window: number): { before: string[]; after: string[] } {
  const reach = window * MAX_CHARS_PER_WORD;
  const before = wordsIn(text.slice(Math.max(0, start - reach), start));
  const after = wordsIn(text.slice(end, Math.min(text.length, end + reach)));
  // A slice that cuts into the text may cut a word in half; drop those partial edge words.
  if (start - reach > 0) before.shift();
  if (end + reach < text.length) after.pop();
  return { before: before.slice(Math.max(0, before.length - window)), after: after.slice(0, window) };
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let all = true;
    for (let j = 0; j < phrase.length && all; j++) all = words[i + j] === phrase[j];
    if (all) return true;
  }
  return false;
}

/**
 * Returns the first context word (in list order) found whole-word within the window around the
 * candidate, or undefined. A phrase must lie entirely on one side of the candidate.
 */
export function findContextWord(text: string, start: number, end: number, options: ContextOptions): string | undefined {
  const window = options.window ?? DEFAULT_CONTEXT_WINDOW;
  const { before, after } = surroundingWords(text, start, end, window);
  for (const word of options.words) {
    const phrase = wordsIn(word);
    if (phrase.length === 0) continue;
    if (containsPhrase(before, phrase) || containsPhrase(after, phrase)) return word;
  }
  return undefined;
}
