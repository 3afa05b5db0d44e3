/**
 * PHONE_NUMBER: US and international numbers in common printed formats, confirmed by libphonenumber-js
 * (full metadata, default country US). Dates, times, versions, IPs, ZIP+4 codes and long digit runs
 * are rejected; a bare digit run (an order number as often as a phone) needs a context word.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

// Neither side may touch letters, digits or characters that continue a date, time, path or version.
const NOT_AFTER = String.raw`(?<![\w+#/:.\-])`;
const NOT_BEFORE = String.raw`(?![\w/:]|[.\-]\d)`;
// Between digit groups: one or two of space, dot, dash; or a line break, as when a transcript wraps a number.
const GROUP_SEPARATOR = String.raw`(?:[ .\-]{1,2}|[ .\-]?\r?\n {0,2})`;
const SEPARATOR_RUN = new RegExp(`${GROUP_SEPARATOR}(?=\\d)`, 'g');
const PHONE_FORMATTED = new RegExp(
  NOT_AFTER +
    // "+44 ", or a bare North American "1 " before an area code in parentheses: 1 (800) 275-2273.
    String.raw`(?:\+\d{1,3}[ .\-]{0,2}|1[ .\-]?(?=\())?(?:\(\d{1,5}\)[ .\-]{0,2})?\d{1,8}(?:${GROUP_SEPARATOR}\d{1,8}){0,6}` +
    String.raw`(?: {0,2}(?:ext\.?|x) {0,2}\d{1,6})?` +
    NOT_BEFORE,
  'i',
);
const PHONE_DIGITS = new RegExp(`${NOT_AFTER}\\d{10,11}${NOT_BEFORE}`);

const DATE_LIKE = /^(?:\d{4}[ .\-]\d{1,2}[ .\-]\d{1,2}|\d{1,2}[ .\-]\d{1,2}[ .\-]\d{2,4})$/;
const ZIP_PLUS_FOUR = /^\d{5}-\d{4}$/;
const DOTTED_NANP = /^(?:\+?1\.)?\(?\d{3}\)?\.\d{3}\.\d{4}$/;
const NANP_FORMATTED = /^(?:\+?1[ .\-]?)?(?:\(\d{3}\) ?|\d{3}[ .\-])\d{3}[ .\-]\d{4}$/;
const NANP_DIGITS = /^1?[2-9]\d{9}$/;
const EXTENSION = /(?:ext\.?|x) {0,2}\d{1,6}$/i;
// E.164 allows 15 digits; national US numbers have at most 11. Longer runs are cards or account numbers.
const MAX_NATIONAL_DIGITS = 11;
const MAX_E164_DIGITS = 15;

const VALID_SCORE = 0.8;
const POSSIBLE_SCORE = 0.55;

function rejectReason(text: string): string | undefined {
  const body = text.replace(EXTENSION, '').trim();
  const digits = body.replace(/\D/g, '').length;
  if (DATE_LIKE.test(body)) return 'date-like';
  if (ZIP_PLUS_FOUR.test(body)) return 'zip+4';
  if (body.includes('.') && !body.startsWith('+') && !DOTTED_NANP.test(body)) return 'dotted, version or ip-like';
  if (digits > (body.startsWith('+') ? MAX_E164_DIGITS : MAX_NATIONAL_DIGITS)) return 'too many digits';
  const open = body.split('(').length;
  if (open !== body.split(')').length) return 'unbalanced parentheses';
  return undefined;
}

/** Digit counts a number can have: North American numbers 10 or 11, international (with +) 8 to 15. */
function plausibleDigitCount(text: string): boolean {
  const digits = text.replace(EXTENSION, '').replace(/\D/g, '');
  if (text.startsWith('+')) return digits.length >= 8 && digits.length <= MAX_E164_DIGITS;
  // Without a +, the number is read as North American, and no area code starts with 0 or 1.
  return NANP_DIGITS.test(digits);
}

/** A number wrapped over two lines, read as if written on one. */
function joinLines(text: string): string {
  return text.replace(/([ .\-])?\r?\n */g, (_match, separator: string | undefined) => separator ?? ' ');
}

function judge(wrapped: string): Validation | undefined {
  const text = joinLines(wrapped);
  // Cheap checks first: parsing is the expensive step, and adversarial text yields many candidates.
  if (!plausibleDigitCount(text) || rejectReason(text) !== undefined) return undefined;
  const body = text.replace(EXTENSION, '').trim();
  const bare = /^\d+$/.test(body);
  // Without a +, a formatted number must be laid out the North American way (3-3-4).
  const nanpLayout = NANP_FORMATTED.test(body);
  if (!text.startsWith('+') && !bare && !nanpLayout) return undefined;
  const parsed = parsePhoneNumberFromString(text, 'US');
  if (!parsed) return undefined;
  if (parsed.isValid()) return { ok: true, explanation: `libphonenumber valid (${parsed.country ?? 'intl'})`, score: VALID_SCORE };
  // Fictional numbers such as (555) 123-4567 fail validation yet are written as phones; only the
  // North American layout earns a score, and one barely over the default threshold.
  if (nanpLayout && parsed.isPossible()) return { ok: true, explanation: 'nanp layout, possible number', score: POSSIBLE_SCORE };
  return undefined;
}

/** Start and end offsets of the digit groups, so an unrelated leading or trailing group can be dropped. */
function groupBounds(text: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  const separatorRun = new RegExp(SEPARATOR_RUN);
  for (let m = separatorRun.exec(text); m !== null; m = separatorRun.exec(text)) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ends.push(text.length);
  return { starts, ends };
}

function validateFormatted(candidate: Candidate): Validation {
  if (/^\d+$/.test(candidate.text)) return { ok: false, explanation: 'bare digits' };
  const { starts, ends } = groupBounds(candidate.text);
  // Widest spans first; at most 8 groups, so this is a small fixed number of parses.
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < starts.length; i++) for (let j = i; j < ends.length; j++) spans.push([starts[i]!, ends[j]!]);
  spans.sort((a, b) => (b[1] - b[0]) - (a[1] - a[0]) || a[0] - b[0]);
  for (const [start, end] of spans) {
    const text = candidate.text.slice(start, end);
    if (/^\d+$/.test(text) && text !== candidate.text) continue;
    const verdict = judge(text);
    if (verdict) return { ...verdict, skip: start, length: end };
  }
  return { ok: false, explanation: 'not a phone number' };
}

function validateDigits(candidate: Candidate): Validation {
  return judge(candidate.text) ?? { ok: false, explanation: 'not a phone number' };
}

export function phoneRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'phone',
    type: 'PHONE_NUMBER',
    patterns: [
      { name: 'phone_formatted', regex: PHONE_FORMATTED, score: VALID_SCORE },
      { name: 'phone_digits', regex: PHONE_DIGITS, score: 0.4, requireContext: true },
    ],
    validate: (candidate) =>
      candidate.pattern.name === 'phone_digits' ? { ...validateDigits(candidate), score: 0.4 } : validateFormatted(candidate),
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      words: ['phone', 'call', 'tel', 'telephone', 'mobile', 'cell', 'fax', 'contact', 'reach', 'text', 'whatsapp', 'dial'],
      boost: 0.15,
    },
  });
}
