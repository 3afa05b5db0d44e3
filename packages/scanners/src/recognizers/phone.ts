/**
 * PHONE_NUMBER: numbers of 7 to 15 digits in the layouts people write (groups, parentheses, dots, dashes,
 * a trunk 0, `(0)`, `+` or `00`, extensions). A number is reported on its own when libphonenumber-js (full
 * metadata) finds it valid: international numbers for their calling code, national ones for one of the
 * `phoneRegions` when the layout says "phone" (a trunk 0, an area code in parentheses, the North American
 * 3-3-4). Any other phone-shaped number needs a phone context word or label beside it ("call", "mobile",
 * "M:"), and scores lower when no region validates it. Dates, times, versions, IPs, ZIP+4 codes, decimals
 * and numbers labelled as something else ("order", "ticket") are rejected.
 */
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { ConfigurationError } from '../errors.js';
import { findContextWord, labelledAsOther, type ContextOptions } from './context.js';
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

/**
 * Regions a national number (no + or 00) is validated against, in this order; the first that accepts it is
 * named in the explanation. Broad on purpose: North America, Europe, Latin America, Asia-Pacific, Africa.
 */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = [
  'US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'IN', 'SG', 'HK', 'ZA', 'NG', 'KE', 'FR', 'BE', 'NL', 'ES', 'PT', 'IT', 'CH',
  'SE', 'NO', 'DK', 'FI', 'PL', 'CZ', 'GR', 'TR', 'IL', 'AE', 'BR', 'MX', 'AR', 'CO', 'CL', 'JP', 'KR', 'CN', 'PH',
  'MY', 'DE',
  // Last: their plans accept so many lengths that they would be named for numbers that fit elsewhere too.
  'AT', 'LU',
];

export interface PhoneRecognizerOptions {
  /** ISO 3166 alpha-2 codes national numbers are validated against. Default: DEFAULT_PHONE_REGIONS. */
  phoneRegions?: readonly string[];
}

// Neither side may touch letters, digits or characters that continue a date, time, path, version or amount.
// A label may be glued to the number ("Phone:415-867-2309", "Tel:+1...", "Phone #415..."), and a colon may
// follow it ("call 415-867-2309: after 5pm"); a colon between digits (a time) or a "#" inside a word may not.
const NOT_AFTER = String.raw`(?<![\w+/.\-$€£¥₹,])(?<![\d:]:)(?<![\w#]#)`;
const NOT_BEFORE = String.raw`(?![\w/%]|[:.,\-]\d)`;
// Between digit groups: one or two of space, dot, dash; or a line break, as when a transcript wraps a number.
const GROUP_SEPARATOR = String.raw`(?:[ .\-]{1,2}|[ .\-]?\r?\n {0,2})`;
const SEPARATOR_RUN = new RegExp(`${GROUP_SEPARATOR}(?=\\d)`, 'g');
const PHONE_FORMATTED = new RegExp(
  NOT_AFTER +
    // "+44 ", or a bare North American "1 " before an area code in parentheses: 1 (800) 275-2273.
    String.raw`(?:\+\d{1,3}[ .\-]{0,2}|1[ .\-]?(?=\())?(?:\(\d{1,5}\)[ .\-]{0,2})?\d{1,12}(?:${GROUP_SEPARATOR}\d{1,8}){0,6}` +
    String.raw`(?: {0,2}(?:ext\.?|x) {0,2}\d{1,6})?` +
    NOT_BEFORE,
  'i',
);
const PHONE_DIGITS = new RegExp(`${NOT_AFTER}\\d{7,15}${NOT_BEFORE}`);

const DATE_LIKE = /^(?:\d{4}[ .\-/]\d{1,2}[ .\-/]\d{1,2}|\d{1,2}[ .\-/]\d{1,2}[ .\-/]\d{2,4}|(?:19|20)\d\d ?[-–] ?(?:19|20)?\d\d|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[T ]?\d{4,6})?)$/;
const ZIP_PLUS_FOUR = /^\d{5}-\d{4}$/;
const IP_LIKE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const NANP_FORMATTED = /^(?:\+?1[ .\-]?)?(?:\(\d{3}\) ?|\d{3}[ .\-])\d{3}[ .\-]\d{4}$/;
const EXTENSION = /(?:ext\.?|x) {0,2}\d{1,6}$/i;
// A single-digit group may open a number ("+7 912", "1 (800)") but not sit inside one ("0.12 0.34").
const INNER_SINGLE_DIGIT = /[ .\-)]\d(?=[ .\-(]|$)/;
// A label of one letter and a colon before the number, as on business cards: "T: ", "M: ", "F: ".
const LETTER_LABEL = /(?:^|[^\p{L}\p{N}])([TMPFCHWOD])\s{0,2}[:：]\s{0,3}$/u;
// Thousands grouping with a short lead group ("1 299 000", "15.000.000") is a quantity, not a phone.
const THOUSANDS = /^\d{1,2}([ .])\d{3}(?:\1\d{3})+$/;
// A currency or unit right after the number makes it an amount or a measurement.
const UNIT_AFTER = /^ ?(?:[€$£¥₹%]|(?:eur|usd|gbp|jpy|inr|vnd|chf|sek|nok|dkk|pln|czk|brl|mxn|aud|cad|euros?|dollars?|pounds?|yen|rupees?|bytes?|[kmgt]i?b|km|kg|mg|ml|units?|items?|rows?|people|users?|calls|texts|messages|times)\b)/i;
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

/** Scores by what vouches for the number; a context word adds its boost on top. */
const SCORES = {
  validInternational: 0.8,
  validNational: 0.75,
  possibleNanp: 0.55,
  validWeakLayout: 0.5,
  shapeOnly: 0.4,
  labelBoost: 0.15,
} as const;

// Codes that are written like national numbers ("ISSN 0317-8471").
const OTHER_CODE_LABELS = ['isbn', 'issn', 'ean', 'upc', 'gtin', 'doi', 'patent', 'lot', 'batch', 'version', 'build', 'cve'];

const CONTEXT: ContextOptions = {
  otherLabels: [...OTHER_NUMBER_LABELS, ...OTHER_CODE_LABELS],
  words: [
    'phone', 'phones', 'telephone', 'tel', 'ph', 'mobile', 'mob', 'cell', 'cellphone', 'fax', 'call', 'calls', 'called',
    'calling', 'ring', 'text', 'sms', 'whatsapp', 'viber', 'dial', 'contact', 'reach', 'hotline', 'helpline', 'toll free',
    'freephone', 'landline', 'telefon', 'teléfono', 'téléphone', 'telefone', 'telefono', 'handy', 'portable', 'móvil',
    // Chinese, Japanese and Korean, often written glued to the number.
    '電話', '电话', '手機', '手机', '携帯', '電話番号', '전화', '휴대폰',
  ],
  boost: 0.15,
};

interface Reading {
  /** The number as libphonenumber should read it: one line, extension kept, `00` turned into `+`. */
  text: string;
  digits: number;
  /** The digits as written, without the extension. */
  nationalDigits: string;
  international: boolean;
  /** A trunk 0, an area code in parentheses or the North American layout: written as a phone. */
  phoneLayout: boolean;
}

/** A number wrapped over two lines, read as if written on one. */
function joinLines(text: string): string {
  return text.replace(/([ .\-])?\r?\n */g, (_match, separator: string | undefined) => separator ?? ' ');
}

/** The number's reading, or undefined when its shape already rules it out. */
function read(wrapped: string): Reading | undefined {
  let text = joinLines(wrapped);
  let body = text.replace(EXTENSION, '').trim();
  if (/^00[1-9]/.test(body)) {
    text = `+${text.slice(2)}`;
    body = `+${body.slice(2)}`;
  }
  const international = body.startsWith('+');
  const digits = body.replace(/\D/g, '').length;
  if (digits < MIN_DIGITS || digits > MAX_DIGITS) return undefined;
  if (DATE_LIKE.test(body) || ZIP_PLUS_FOUR.test(body) || IP_LIKE.test(body)) return undefined;
  if (body.split('(').length !== body.split(')').length) return undefined;
  if (!international && INNER_SINGLE_DIGIT.test(body)) return undefined;
  // A decimal ("0.000123456", "12345.678") is one dot and nothing else; dotted phones have more groups.
  if (!international && /^\d+\.\d+$/.test(body)) return undefined;
  const phoneLayout = international || /^\(?0[1-9]/.test(body) || /^(?:1[ .\-]?)?\(\d/.test(body) || NANP_FORMATTED.test(body);
  return { text, digits, nationalDigits: body.replace(/\D/g, ''), international, phoneLayout };
}

interface Check {
  valid: boolean;
  possible: boolean;
  region?: string;
}

/** Whether the digits written are the digits of the region's national format (trunk prefix included). */
function writtenAsNational(parsed: PhoneNumber, reading: Reading): boolean {
  const national = parsed.format('NATIONAL').replace(/\D/g, '');
  const ext = parsed.ext ?? '';
  const nationalDigits = ext !== '' && national.endsWith(ext) ? national.slice(0, -ext.length) : national;
  // North American numbers are often written with their trunk 1 (1-800-555-0199), which the national format drops.
  return nationalDigits === reading.nationalDigits || `${parsed.countryCallingCode}${nationalDigits}` === reading.nationalDigits;
}

function checkNumber(reading: Reading, regions: readonly CountryCode[]): Check {
  if (reading.international) {
    const parsed = parsePhoneNumberFromString(reading.text);
    if (!parsed) return { valid: false, possible: false };
    return { valid: parsed.isValid(), possible: parsed.isPossible(), region: parsed.country ?? 'intl' };
  }
  let possible = false;
  // The North American 3-3-4 layout is read in the North American regions only.
  const nanp = NANP_FORMATTED.test(reading.text.replace(EXTENSION, '').trim());
  for (const region of nanp ? regions.filter((r) => getCountryCallingCode(r) === '1') : regions) {
    const parsed = parsePhoneNumberFromString(reading.text, region);
    if (!parsed) continue;
    // Valid only as written there: "34 56 78 90 12" parses in GB, but a British number starts with its trunk 0.
    if (parsed.isValid() && writtenAsNational(parsed, reading)) return { valid: true, possible: true, region: parsed.country ?? region };
    possible ||= region === 'US' && parsed.isPossible();
  }
  return { valid: false, possible };
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

/** Every run of whole groups, widest first; at most 8 groups, so a small fixed number. */
function spansOf(text: string): Array<[number, number]> {
  const { starts, ends } = groupBounds(text);
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < starts.length; i++) for (let j = i; j < ends.length; j++) spans.push([starts[i]!, ends[j]!]);
  return spans.sort((a, b) => (b[1] - b[0]) - (a[1] - a[0]) || a[0] - b[0]);
}

const LABEL_REACH = 8;
const CODE_CHUNK_REACH = 16;
const CODE_CHUNK_BEFORE = /(?:^|[\s(])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,12}[ \-]$/;

function letterLabelBefore(source: string, start: number): string | undefined {
  return LETTER_LABEL.exec(source.slice(Math.max(0, start - LABEL_REACH), start))?.[1];
}

const UNIT_REACH = 12;

function followedByUnit(candidate: Candidate, to: number): boolean {
  const at = candidate.start + to;
  return UNIT_AFTER.test(candidate.source.slice(at, at + UNIT_REACH));
}

function createValidator(regions: readonly CountryCode[]) {
  /** What the number is on its own: valid (for which region), possible, or only phone-shaped. */
  function strongVerdict(reading: Reading): Validation | undefined {
    if (!reading.phoneLayout) return undefined;
    const check = checkNumber(reading, regions);
    if (check.valid) {
      const score = reading.international ? SCORES.validInternational : SCORES.validNational;
      return { ok: true, explanation: `libphonenumber valid (${check.region})`, score };
    }
    // Fictional numbers such as (555) 123-4567 fail validation yet are written as phones; only the
    // North American layout earns a score, and one barely over the default threshold.
    if (!reading.international && check.possible && NANP_FORMATTED.test(reading.text.replace(EXTENSION, '').trim())) {
      return { ok: true, explanation: 'nanp layout, possible number', score: SCORES.possibleNanp };
    }
    return undefined;
  }

  /** A phone-shaped number that only a context word or label can vouch for. */
  function contextVerdict(reading: Reading): Validation | undefined {
    if (!reading.international && THOUSANDS.test(reading.text)) return undefined;
    const check = checkNumber(reading, regions);
    if (check.valid) return { ok: true, explanation: `libphonenumber valid (${check.region}), needs context`, score: SCORES.validWeakLayout, requireContext: true };
    return { ok: true, explanation: 'phone-shaped, not valid for the regions, needs context', score: SCORES.shapeOnly, requireContext: true };
  }

  function withLabel(verdict: Validation, label: string | undefined): Validation {
    if (label === undefined) return verdict;
    return {
      ...verdict,
      score: (verdict.score ?? 0) + SCORES.labelBoost,
      explanation: `${verdict.explanation}; phone label "${label}:" +${SCORES.labelBoost}`,
      requireContext: false,
    };
  }

  /**
   * A national number labelled as something else ("Part no. 0800 555 12"), or the tail of a longer code
   * whose previous chunk mixes letters and digits ("1Z 999 AA1 01 2345 6784"), is not a phone.
   */
  function labelledOther(candidate: Candidate, from: number, to: number): boolean {
    const start = candidate.start + from;
    const end = candidate.start + to;
    // A North American number in its printed form ("415-867-2309 tb") is no amount, whatever follows it.
    if (followedByUnit(candidate, to) && !NANP_FORMATTED.test(candidate.source.slice(start, end))) return true;
    if (CODE_CHUNK_BEFORE.test(candidate.source.slice(Math.max(0, start - CODE_CHUNK_REACH), start))) return true;
    return labelledAsOther(candidate.source, start, end, CONTEXT, findContextWord(candidate.source, start, end, CONTEXT));
  }

  function validateFormatted(candidate: Candidate): Validation {
    if (/^\d+$/.test(candidate.text)) return { ok: false, explanation: 'bare digits' };
    const spans = spansOf(candidate.text);
    const readings = spans.map(([start, end]) => {
      const text = candidate.text.slice(start, end);
      // A lone digit run cut from a grouped number is not a phone number on its own.
      return /^\d+$/.test(text) && text !== candidate.text ? undefined : read(text);
    });
    // First pass: the widest run of groups that is a phone on its own, the earliest such run first: a wider
    // run that starts inside a number ("+1 212-555-0142. 2024 2024" read from "0142") must not leave its head.
    let chosen: { i: number; verdict: Validation } | undefined;
    for (let i = 0; i < spans.length; i++) {
      const reading = readings[i];
      if (!reading || (chosen && spans[i]![0] >= spans[chosen.i]![0])) continue;
      const verdict = strongVerdict(reading);
      if (verdict) chosen = { i, verdict };
    }
    if (chosen) {
      const reading = readings[chosen.i]!;
      const [start, end] = spans[chosen.i]!;
      if (!reading.international && labelledOther(candidate, start, end)) return { ok: false, explanation: 'labelled as another number' };
      return { ...withLabel(chosen.verdict, letterLabelBefore(candidate.source, candidate.start + start)), skip: start, length: end };
    }
    // Second pass: the widest phone-shaped run, if a context word or label is beside the candidate.
    const label = letterLabelBefore(candidate.source, candidate.start);
    if (label === undefined && findContextWord(candidate.source, candidate.start, candidate.end, CONTEXT) === undefined) {
      return { ok: false, explanation: 'not a phone number' };
    }
    const first = readings.findIndex((reading) => reading !== undefined);
    if (first === -1) return { ok: false, explanation: 'not a phone number' };
    const [start, end] = spans[first]!;
    const weak = contextVerdict(readings[first]!);
    const unit = !readings[first]!.international && followedByUnit(candidate, end) && !NANP_FORMATTED.test(candidate.text.slice(start, end));
    if (!weak || unit) return { ok: false, explanation: 'not a phone number' };
    const verdict = withLabel(weak, start === 0 ? label : letterLabelBefore(candidate.source, candidate.start + start));
    return { ...verdict, skip: start, length: end };
  }

  function validateDigits(candidate: Candidate): Validation {
    const reading = read(candidate.text);
    if (!reading) return { ok: false, explanation: 'not a phone number' };
    const label = letterLabelBefore(candidate.source, candidate.start);
    if (label === undefined && findContextWord(candidate.source, candidate.start, candidate.end, CONTEXT) === undefined) {
      return { ok: false, explanation: 'bare digits need context' };
    }
    const verdict = contextVerdict(reading);
    if (!verdict || followedByUnit(candidate, candidate.text.length)) return { ok: false, explanation: 'not a phone number' };
    return withLabel(verdict, label);
  }

  return (candidate: Candidate): Validation =>
    candidate.pattern.name === 'phone_digits' ? validateDigits(candidate) : validateFormatted(candidate);
}

function checkRegions(regions: readonly string[] | undefined): CountryCode[] {
  if (regions === undefined) return [...DEFAULT_PHONE_REGIONS];
  if (!Array.isArray(regions) || regions.length === 0) throw new ConfigurationError('phoneRegions must be a non-empty array of region codes');
  return regions.map((region) => {
    const code = typeof region === 'string' ? region.trim().toUpperCase() : '';
    if (!isSupportedCountry(code)) throw new ConfigurationError('phoneRegions holds an unknown region code; expected ISO 3166 alpha-2 codes such as GB');
    return code;
  });
}

export function phoneRecognizer(options: PhoneRecognizerOptions = {}): PatternRecognizer {
  const regions = checkRegions(options.phoneRegions);
  return definePatternRecognizer({
    name: 'phone',
    type: 'PHONE_NUMBER',
    patterns: [
      { name: 'phone_formatted', regex: PHONE_FORMATTED, score: SCORES.validInternational },
      { name: 'phone_digits', regex: PHONE_DIGITS, score: SCORES.shapeOnly, requireContext: true },
    ],
    validate: createValidator(regions),
    context: CONTEXT,
  });
}
