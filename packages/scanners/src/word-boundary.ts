/**
 * Whether two adjacent characters belong to one word. Letters of different scripts do not: Chinese and Japanese
 * are written without spaces, so in "電話Maria Gonzalez様" the name is a whole word on both sides. Digits, marks
 * and underscores join whatever they touch, so "Maria2" and "Mariah" are still one word.
 */
const SCRIPTS = [
  /\p{sc=Latin}/u, /\p{sc=Han}/u, /\p{sc=Hiragana}/u, /\p{sc=Katakana}/u, /\p{sc=Hangul}/u, /\p{sc=Cyrillic}/u,
  /\p{sc=Greek}/u, /\p{sc=Arabic}/u, /\p{sc=Hebrew}/u, /\p{sc=Thai}/u, /\p{sc=Devanagari}/u,
];
const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
const LETTER = /^\p{L}$/u;

function scriptOf(char: string): number {
  return SCRIPTS.findIndex((script) => script.test(char));
}

export function joinsWord(left: string, right: string): boolean {
  if (!WORD_CHAR.test(left) || !WORD_CHAR.test(right)) return false;
  if (!LETTER.test(left) || !LETTER.test(right)) return true;
  return scriptOf(left) === scriptOf(right);
}

/** The whole character (code point) ending at `index`, or '' at the start of the text. */
export function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const pair = index >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(index - 2) >= 0xd800 && text.charCodeAt(index - 2) <= 0xdbff;
  return text.slice(pair ? index - 2 : index - 1, index);
}

/** The whole character (code point) starting at `index`, or '' at the end of the text. */
export function charAt(text: string, index: number): string {
  if (index >= text.length) return '';
  const code = text.codePointAt(index)!;
  return text.slice(index, index + (code > 0xffff ? 2 : 1));
}
