/**
 * Text in a prompt that looks like a placeholder but was not issued by the vault ("forged"): Anonymize
 * records it as a value of type PLACEHOLDER, so Deanonymize gives back exactly what the user wrote and
 * never another value. "Looks like" is deliberately wider than what Deanonymize's fuzzy matching accepts:
 *
 * - any bracketed (`[ ]`, `{ }`, `< >`) or bare run of letters, digits and separator runs (`_`, space, `-`)
 *   that starts with the word REDACTED (any case) followed by a letter, and ends in a digit;
 * - a bracketed run without REDACTED whose letters are a known type and whose tail is a number: `[PERSON_1]`,
 *   `<email address 2>`.
 *
 * Each candidate is read at most MAX_READ characters from its start, so the scan is linear.
 */
import { toPlaceholderType } from '@veil/vault';

export const FORGED_PLACEHOLDER_TYPE = 'PLACEHOLDER';

/** Longer than any fuzzy window Deanonymize uses for realistic type names (longest placeholder + 16). */
const MAX_READ = 256;
const REDACTED = 'REDACTED';
const CLOSERS: Readonly<Record<string, string>> = { '[': ']', '{': '}', '<': '>' };

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSeparator = (c: number): boolean => c === 95 || c === 32 || c === 45; // _ space -
const isWord = (ch: string | undefined): boolean => ch !== undefined && ch !== '' && (isAlnum(ch.charCodeAt(0)) || ch === '_');

/** The letters and digits of a type's placeholder form, upper case: `EMAIL_ADDRESS` -> `EMAILADDRESS`. */
export function typeSkeleton(type: string): string {
  return toPlaceholderType(type).replace(/_/g, '');
}

function startsWithRedacted(skeleton: string): boolean {
  return skeleton.length > REDACTED.length && skeleton.startsWith(REDACTED) && isLetter(skeleton.charCodeAt(REDACTED.length));
}

/** Whether `skeleton` (upper case) is a known type's skeleton followed by a number. */
function isTypedNumber(skeleton: string, types: ReadonlySet<string>): boolean {
  let k = skeleton.length;
  while (k > 0 && isDigit(skeleton.charCodeAt(k - 1))) {
    k--;
    if (k > 0 && types.has(skeleton.slice(0, k))) return true;
  }
  return false;
}

/**
 * Reads letters/digits/separators from `from` (at most up to `limit`), calling `onTokenEnd` with the
 * skeleton so far after each alphanumeric token. Returns where reading stopped.
 */
function readTokens(text: string, from: number, limit: number, onTokenEnd: (end: number, skeleton: string) => void): number {
  let skeleton = '';
  let k = from;
  while (k < limit) {
    const c = text.charCodeAt(k);
    if (isAlnum(c)) {
      const start = k;
      while (k < limit && isAlnum(text.charCodeAt(k))) k++;
      skeleton += text.slice(start, k).toUpperCase();
      onTokenEnd(k, skeleton);
    } else if (isSeparator(c)) {
      k++;
    } else {
      break;
    }
  }
  return k;
}

/**
 * Placeholder-like spans in `text[from, to)`, sorted and non-overlapping. `wordBefore(i)` says whether the
 * character before position `i` (in the caller's original text) is a word character; a bare REDACTED glued to
 * a word is not read there, as Deanonymize does not read it either. At `from` the text is taken to start fresh.
 */
export function findForgedPlaceholders(
  text: string,
  from: number,
  to: number,
  types: ReadonlySet<string>,
  wordBefore: (i: number) => boolean,
): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    const closer = CLOSERS[ch];
    let end = -1;
    if (closer !== undefined) {
      const limit = Math.min(to, i + MAX_READ);
      let last = '';
      const stop = readTokens(text, i + 1, limit, (_e, skeleton) => {
        last = skeleton;
      });
      if (stop < to && text[stop] === closer && isDigit(last.charCodeAt(last.length - 1)) &&
        (startsWithRedacted(last) || isTypedNumber(last, types))) {
        end = stop + 1;
      }
    } else if ((ch === 'R' || ch === 'r') && (i === from || !wordBefore(i)) &&
      text.slice(i, i + REDACTED.length).toUpperCase() === REDACTED) {
      const limit = Math.min(to, i + MAX_READ);
      readTokens(text, i, limit, (e, skeleton) => {
        if (isDigit(skeleton.charCodeAt(skeleton.length - 1)) && startsWithRedacted(skeleton)) end = e;
      });
    }
    if (end > i) {
      found.push({ start: i, end });
      i = end;
    } else {
      i++;
    }
  }
  return found;
}

export { isWord as isPlaceholderWordChar };
