/**
 * EMAIL_ADDRESS: plain addresses, and obfuscated ones ("john.doe[at]example[dot]com",
 * "john at example dot com", "john dot doe 88 at example dot com"), reported over the whole obfuscated span. Every candidate is rewritten
 * to its plain form and must pass validator's isEmail.
 */
import validator from 'validator';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

// An apostrophe may join two parts of a name (o'reilly) but never starts a candidate after a word.
const LOCAL = String.raw`(?<![\w.%+\-])(?<!\w')[A-Za-z0-9._%+\-]{1,64}(?:'[A-Za-z0-9._%+\-]{1,63})?`;
const LABEL = String.raw`[A-Za-z0-9\-]{1,63}`;

// Bracketed words may carry a space inside the brackets: "[ at ]", "( dot )".
// In prose, "<word> at <word> dot com" is an address only when the first word could be a mailbox name;
// function words ("is at noon dot com", "meet me at ...") never are.
const SPOKEN_NON_NAMES = new Set([
  'i', 'me', 'you', 'he', 'him', 'she', 'her', 'it', 'we', 'us', 'they', 'them', 'is', 'are', 'was', 'were', 'be',
  'been', 'am', 'look', 'looking', 'arrive', 'arrived', 'meet', 'stay', 'stayed', 'here', 'there', 'who', 'what',
  'which', 'that', 'this', 'and', 'or', 'but', 'not', 'just', 'only', 'all', 'both', 'home', 'work', 'off', 'up',
]);

const AT = String.raw`(?:\s{0,3}(?:[\[({<]\s?at\s?[\])}>]|@)\s{0,3}|\s{1,3}at\s{1,3})`;
const SPOKEN_DOT = String.raw`(?:\s{0,3}[\[({<]\s?dot\s?[\])}>]\s{0,3}|\s{1,3}dot\s{1,3})`;
const DOT = String.raw`(?:\.|${SPOKEN_DOT})`;

// A spoken local part has its dots spoken too ("john dot doe at ..."), and callers read digits apart
// ("jo dot li 88 at ..."). Pieces are delimited by spaces or brackets, which no piece holds, so matching stays linear.
const SPOKEN_LOCAL = String.raw`${LOCAL}(?:(?:${SPOKEN_DOT}[A-Za-z0-9_%+\-]{1,64}){1,4}(?: \d{1,6})?)?`;

const PLAIN_EMAIL = new RegExp(String.raw`${LOCAL}@${LABEL}(?:\.${LABEL}){1,8}(?![\w\-])`);
const OBFUSCATED_EMAIL = new RegExp(String.raw`${SPOKEN_LOCAL}${AT}${LABEL}(?:${DOT}${LABEL}){1,8}(?![\w\-])`, 'i');

// The fully spoken form ("john at example dot com") reads like prose, so its last label must be a
// common top-level domain before it counts.
const SPOKEN_TLDS = new Set([
  'com', 'org', 'net', 'edu', 'gov', 'mil', 'int', 'io', 'co', 'ai', 'app', 'dev', 'info', 'biz', 'me', 'us', 'uk',
  'de', 'fr', 'es', 'it', 'nl', 'be', 'ch', 'at', 'se', 'no', 'dk', 'fi', 'pl', 'pt', 'ie', 'ca', 'au', 'nz', 'jp',
  'cn', 'in', 'br', 'mx', 'ru', 'eu',
]);

/** Rewrites an obfuscated address to its plain form. */
export function deobfuscateEmail(text: string): string {
  return text
    .replace(/\s{0,3}[\[({<]\s?at\s?[\])}>]\s{0,3}|\s{1,3}at\s{1,3}|\s{1,3}@\s{0,3}|\s{0,3}@\s{1,3}/gi, '@')
    .replace(/\s{0,3}[\[({<]\s?dot\s?[\])}>]\s{0,3}|\s{1,3}dot\s{1,3}/gi, '.')
    .replace(/ (?=\d{1,6}@)/, '');
}

function validatePlain(candidate: Candidate): Validation {
  return validator.isEmail(candidate.text)
    ? { ok: true, explanation: 'isEmail ok' }
    : { ok: false, explanation: 'isEmail failed' };
}

function validateObfuscated(candidate: Candidate): Validation {
  const plain = deobfuscateEmail(candidate.text);
  if (plain === candidate.text) return { ok: false, explanation: 'not obfuscated' };
  if (!validator.isEmail(plain)) return { ok: false, explanation: 'isEmail failed' };
  const spoken = !/[\[({<@]/.test(candidate.text);
  const tld = plain.slice(plain.lastIndexOf('.') + 1).toLowerCase();
  if (spoken && !SPOKEN_TLDS.has(tld)) return { ok: false, explanation: 'spoken form without known tld' };
  if (spoken && SPOKEN_NON_NAMES.has(plain.slice(0, plain.indexOf('@')).toLowerCase())) {
    return { ok: false, explanation: 'spoken form after a function word' };
  }
  return { ok: true, explanation: spoken ? 'spoken form, isEmail ok' : 'obfuscated, isEmail ok', score: spoken ? 0.75 : 0.85 };
}

export function emailRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'email',
    type: 'EMAIL_ADDRESS',
    patterns: [
      { name: 'email', regex: PLAIN_EMAIL, score: 1 },
      { name: 'email_obfuscated', regex: OBFUSCATED_EMAIL, score: 0.85 },
    ],
    validate: (candidate) => (candidate.pattern.name === 'email' ? validatePlain(candidate) : validateObfuscated(candidate)),
    context: { words: ['email', 'e-mail', 'mail', 'contact', 'address'], boost: 0.1 },
  });
}
