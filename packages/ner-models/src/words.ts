/**
 * Splits text into the words a BERT pre-tokenizer sees: runs of non-space, non-punctuation characters, each
 * punctuation character alone and each CJK ideograph alone, with UTF-16 offsets into the original text.
 * Tokenizing word by word is how every token learns its exact character span (transformers.js 2.x returns no
 * offsets). One pass, no regex over the whole text, so cost is linear in length.
 */
export interface Word {
  /** UTF-16 offset of the first code unit. */
  start: number;
  /** UTF-16 offset after the last code unit. */
  end: number;
}

const enum CharClass { Space, Punct, Ideograph, Letter }

const SINGLE_SPACE = /^\s$/u;
const SINGLE_PUNCT = /^\p{P}$/u;

function classify(cp: number, char: string): CharClass {
  if (cp < 0x80) {
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return CharClass.Space;
    // ASCII symbols count as punctuation for BERT: !"#$%&'()*+,-./ :;<=>?@ [\]^_` {|}~
    if ((cp >= 0x21 && cp <= 0x2f) || (cp >= 0x3a && cp <= 0x40) || (cp >= 0x5b && cp <= 0x60) || (cp >= 0x7b && cp <= 0x7e)) {
      return CharClass.Punct;
    }
    return CharClass.Letter;
  }
  if (isIdeograph(cp)) return CharClass.Ideograph;
  if (SINGLE_SPACE.test(char)) return CharClass.Space;
  if (SINGLE_PUNCT.test(char)) return CharClass.Punct;
  // Letters, digits, symbols, and also zero-width/format characters: those stay inside the word so that a value
  // with a zero-width space in it is still one word (the tokenizer's normalizer drops them).
  return CharClass.Letter;
}

/** The CJK blocks BERT's normalizer puts spaces around. */
function isIdeograph(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2a6df)
    || (cp >= 0x2a700 && cp <= 0x2b73f) || (cp >= 0x2b740 && cp <= 0x2b81f) || (cp >= 0x2b820 && cp <= 0x2ceaf)
    || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f);
}

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let wordStart = -1;
  let i = 0;
  while (i < text.length) {
    // codePointAt returns the lone surrogate itself for broken pairs, so they are handled as one unit.
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const cls = classify(cp, width === 1 ? text[i]! : text.slice(i, i + 2));
    if (cls === CharClass.Letter) {
      if (wordStart < 0) wordStart = i;
    } else {
      if (wordStart >= 0) {
        words.push({ start: wordStart, end: i });
        wordStart = -1;
      }
      if (cls !== CharClass.Space) words.push({ start: i, end: i + width });
    }
    i += width;
  }
  if (wordStart >= 0) words.push({ start: wordStart, end: text.length });
  return words;
}
