/**
 * DATE_TIME: dates in the common written forms: ISO (2024-03-15), numeric in either order (15/03/2024,
 * 03-15-85, 15.03.2024), with month names (15 March 2024, 15th of Mar. 2024, March 15, 2024, 15-Mar-2024,
 * March 1985), with or without a weekday (Friday, 15 March 2024). The calendar must hold (no 31 April).
 *
 * What is redacted by default: dates of birth. A date beside a birth cue (born, DOB, date of birth, birthday …)
 * scores 0.85 and is redacted; any other date scores 0.3, under the default threshold, because the model
 * usually needs it (deadlines, appointments, "since 2019") and it rarely identifies anyone alone. A birth date
 * never helps the answer and is one of the three values that identify most people together with a ZIP code
 * and a sex. `dates: 'all'` redacts every date (0.6, birth dates still 0.85+).
 */
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

export interface DateTimeRecognizerOptions {
  /** 'birth' (default): only dates beside a birth cue reach the default threshold. 'all': every date does. */
  dates?: 'birth' | 'all';
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const WEEKDAY = String.raw`(?:(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:r(?:s)?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,? {1,3})`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]|20)\d\d`;
const BEFORE = String.raw`(?<![\p{L}\p{N}_.\-/:])`;
const AFTER = String.raw`(?![\p{L}\p{N}_]|[.\-/:]\d)`;

const ISO = new RegExp(`${BEFORE}${YEAR}([\\-/.])(?:0?[1-9]|1[0-2])\\1(?:0?[1-9]|[12]\\d|3[01])(?:T\\d{2}:\\d{2}(?::\\d{2})?Z?)?${AFTER}`, 'u');
const NUMERIC = new RegExp(`${BEFORE}\\d{1,2}([./\\-])\\d{1,2}\\1(?:\\d{4}|\\d{2})${AFTER}`, 'u');
const DAY_MONTH = new RegExp(
  `${BEFORE}${WEEKDAY}?(?:the )?${DAY}(?: of | {1,2}|[\\-/.])${MONTH}\\.?(?:,? {1,3}|[\\-/.])${YEAR}${AFTER}|` +
    `${BEFORE}${WEEKDAY}?(?:the )?${DAY}(?: of | {1,2})${MONTH}\\.?${AFTER}`,
  'iu',
);
const MONTH_DAY = new RegExp(`${BEFORE}${WEEKDAY}?${MONTH}\\.? {1,3}${DAY}(?:,? {1,3}${YEAR})?${AFTER}`, 'iu');
// Not the tail of a day-month-year whose day did not hold ("29 Feb 2023"): that is no date at all.
const MONTH_YEAR = new RegExp(`${BEFORE}(?<!\\d(?:st|nd|rd|th)?[ \\-/.]|\\bof )${MONTH}\\.?,? {1,3}${YEAR}${AFTER}`, 'iu');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const SCORES = { birthOnly: 0.3, all: 0.6, birthBoost: 0.55 } as const;

const BIRTH_CUES = [
  'born', 'birth', 'birthday', 'birthdate', 'dob', 'd o b', 'date of birth', 'birth date', 'geb', 'geboren', 'geburtsdatum',
  'né', 'née', 'naissance', 'nacimiento', 'nacido', 'nacida', 'nascita', 'nato', 'nata', 'nascimento',
];

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The year, month and day a numeric date can be read as: day-month and month-day orders both count. */
function validateNumeric(text: string): Validation {
  const [a, b, y] = text.split(/[./\-]/).map(Number) as [number, number, number];
  const year = y < 100 ? 1900 + y : y;
  if (y >= 100 && (y < 1800 || y > 2099)) return { ok: false, explanation: 'year out of range' };
  const dayFirst = isCalendarDate(year, b, a);
  const monthFirst = isCalendarDate(year, a, b);
  if (!dayFirst && !monthFirst) return { ok: false, explanation: 'not a calendar date' };
  return { ok: true, explanation: `date ${dayFirst && monthFirst ? 'd/m or m/d' : dayFirst ? 'd/m/y' : 'm/d/y'}` };
}

function validateIso(text: string): Validation {
  const [y, m, d] = text.slice(0, 10).split(/[./\-]/).map(Number) as [number, number, number];
  return isCalendarDate(y, m, d) ? { ok: true, explanation: 'date y-m-d' } : { ok: false, explanation: 'not a calendar date' };
}

const WEEKDAY_AT_START = new RegExp(`^${WEEKDAY}`, 'i');
const MONTH_WORD = new RegExp(`(?<![a-z])${MONTH}(?![a-z])`, 'i');
const FOUR_DIGIT_YEAR = /(?<!\d)(?:1[89]|20)\d\d(?!\d)/;

/** Dates with a month name: the day (when given) must exist in that month (and year, for 29 February). */
function validateNamed(text: string): Validation {
  const rest = text.replace(WEEKDAY_AT_START, '');
  const month = MONTH_WORD.exec(rest);
  if (!month) return { ok: false, explanation: 'no month' };
  const monthIndex = MONTHS.indexOf(month[0].slice(0, 3).toLowerCase());
  // "may" and "march" in lower case are usually the verbs ("we may 12 times").
  if (month[0] === 'may' || (month[0] === 'march' && !FOUR_DIGIT_YEAR.test(text))) return { ok: false, explanation: 'verb, not a month' };
  const others = `${rest.slice(0, month.index)} ${rest.slice(month.index + month[0].length)}`;
  const year = FOUR_DIGIT_YEAR.exec(others)?.[0];
  const day = /(?<!\d)\d{1,2}(?!\d)/.exec(year === undefined ? others : others.replace(year, ' '))?.[0];
  if (day === undefined) return { ok: true, explanation: 'date month-year' };
  // Without a year, 29 February is still a date (of a leap year).
  return isCalendarDate(year ? Number(year) : 2000, monthIndex + 1, Number(day))
    ? { ok: true, explanation: 'date with month name' }
    : { ok: false, explanation: 'not a calendar date' };
}

function validate(candidate: Candidate): Validation {
  switch (candidate.pattern.name) {
    case 'date_iso':
      return validateIso(candidate.text);
    case 'date_numeric':
      return validateNumeric(candidate.text);
    default:
      return validateNamed(candidate.text);
  }
}

export function dateTimeRecognizer(options: DateTimeRecognizerOptions = {}): PatternRecognizer {
  const base = options.dates === 'all' ? SCORES.all : SCORES.birthOnly;
  return definePatternRecognizer({
    name: 'date_time',
    type: 'DATE_TIME',
    patterns: [
      { name: 'date_iso', regex: ISO, score: base },
      { name: 'date_numeric', regex: NUMERIC, score: base },
      { name: 'date_day_month', regex: DAY_MONTH, score: base },
      { name: 'date_month_day', regex: MONTH_DAY, score: base },
      { name: 'date_month_year', regex: MONTH_YEAR, score: base },
    ],
    validate,
    // A birth cue is the context word: it lifts a date from 0.3 to 0.85 (less when farther away).
    context: { words: BIRTH_CUES, window: 5, boost: SCORES.birthBoost },
  });
}
