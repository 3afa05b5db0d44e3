/** CREDIT_CARD: 12-19 digit card numbers, compact or grouped with spaces or dashes; brand prefix and Luhn required. */
import validator from 'validator';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

interface Brand {
  name: string;
  /** Inclusive prefix ranges, compared on the first `String(from).length` digits. */
  prefixes: ReadonlyArray<readonly [from: number, to: number]>;
  lengths: readonly number[];
}

const LONG = [16, 17, 18, 19];

// Issuer identification ranges of the major networks (ISO/IEC 7812 IIN tables as published by the networks).
const BRANDS: readonly Brand[] = [
  { name: 'amex', prefixes: [[34, 34], [37, 37]], lengths: [15] },
  { name: 'diners', prefixes: [[300, 305], [3095, 3095], [36, 36], [38, 39]], lengths: [14, ...LONG] },
  { name: 'jcb', prefixes: [[3528, 3589]], lengths: LONG },
  { name: 'visa', prefixes: [[4, 4]], lengths: [13, 16, 19] },
  { name: 'mir', prefixes: [[2200, 2204]], lengths: LONG },
  { name: 'mastercard', prefixes: [[51, 55], [2221, 2720]], lengths: [16] },
  { name: 'discover', prefixes: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: LONG },
  { name: 'unionpay', prefixes: [[62, 62], [81, 81]], lengths: LONG },
  {
    name: 'maestro',
    prefixes: [[5018, 5018], [5020, 5020], [5038, 5038], [5893, 5893], [6304, 6304], [6759, 6759], [6761, 6763]],
    lengths: [12, 13, 14, 15, ...LONG],
  },
];

export function cardBrand(digits: string): string | undefined {
  for (const brand of BRANDS) {
    if (!brand.lengths.includes(digits.length)) continue;
    for (const [from, to] of brand.prefixes) {
      const prefix = Number(digits.slice(0, String(from).length));
      if (prefix >= from && prefix <= to) return brand.name;
    }
  }
  return undefined;
}

// Printed groupings use groups of 3 to 6 digits (4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3).
const MIN_GROUP = 3;
const MAX_GROUP = 6;

function checkDigits(digits: string): Validation | undefined {
  if (digits.length < 12 || digits.length > 19) return undefined;
  const brand = cardBrand(digits);
  if (brand === undefined) return undefined;
  if (!validator.isLuhnNumber(digits)) return undefined;
  return { ok: true, explanation: `${brand}, luhn ok` };
}

/** Length of the text covering the first `count` digit groups. */
function groupsLength(text: string, count: number): number {
  const group = /\d+/g;
  let end = 0;
  for (let i = 0; i < count; i++) {
    const match = group.exec(text);
    if (!match) break;
    end = match.index + match[0].length;
  }
  return end;
}

/**
 * Accepts the longest run of groups that forms a valid card: a number followed by an unrelated
 * digit group ("4111 1111 1111 1111 5 times") keeps only the card.
 */
function validateCard(candidate: Candidate): Validation {
  // A line break where the text wrapped stands for whichever separator the rest of the number uses.
  const separators = new Set(candidate.text.replace(/\d|\r?\n/g, ''));
  if (separators.size > 1) return { ok: false, explanation: 'mixed separators' };
  if (!/\D/.test(candidate.text)) return checkDigits(candidate.text) ?? { ok: false, explanation: 'not a card number' };

  const groups = candidate.text.split(/[ -]|\r?\n/);
  if (groups.some((g) => g.length > MAX_GROUP)) return { ok: false, explanation: 'irregular grouping' };
  for (let count = groups.length; count >= 2; count--) {
    const kept = groups.slice(0, count);
    if (kept.some((g) => g.length < MIN_GROUP)) continue;
    const verdict = checkDigits(kept.join(''));
    if (verdict) return { ...verdict, length: groupsLength(candidate.text, count) };
  }
  return { ok: false, explanation: 'not a card number' };
}

export function creditCardRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'credit_card',
    type: 'CREDIT_CARD',
    patterns: [
      { name: 'card_digits', regex: /(?<![\w-])\d{12,19}(?!\w|[ -]\d)/, score: 0.9 },
      { name: 'card_grouped', regex: /(?<![\w-])\d{3,6}(?:(?:[ -]|\r?\n)\d{1,6}){1,5}(?!\w|[ -]\d)/, score: 0.95 },
    ],
    validate: validateCard,
    context: { words: ['card', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'cc', 'payment', 'pan'], boost: 0.05 },
  });
}
