/**
 * IBAN_CODE: compact (DE89370400440532013000) and spaced (DE89 3704 0044 0532 0130 00) forms.
 * validator's isIBAN checks the country-specific length and layout and the mod-97 check digits.
 */
import validator from 'validator';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = '(?<![A-Za-z0-9])';
const NOT_BEFORE = '(?![A-Za-z0-9])';
const IBAN_COMPACT = new RegExp(`${NOT_AFTER}[A-Z]{2}\\d{2}[A-Z0-9]{11,30}${NOT_BEFORE}`, 'i');
const IBAN_SPACED = new RegExp(`${NOT_AFTER}[A-Z]{2}\\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?${NOT_BEFORE}`, 'i');

function isValidIban(text: string): boolean {
  return validator.isIBAN(text.replace(/ /g, '').toUpperCase());
}

/** A spaced IBAN followed by a capitalised word ("... 7034 THEN") keeps only the groups that validate. */
function validateIban(candidate: Candidate): Validation {
  const groups = candidate.text.split(' ');
  for (let count = groups.length; count >= 1; count--) {
    const text = groups.slice(0, count).join(' ');
    if (isValidIban(text)) return { ok: true, explanation: 'iban length and mod-97 ok', length: text.length };
  }
  return { ok: false, explanation: 'iban check failed' };
}

export function ibanRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'iban',
    type: 'IBAN_CODE',
    patterns: [
      { name: 'iban_compact', regex: IBAN_COMPACT, score: 1 },
      { name: 'iban_spaced', regex: IBAN_SPACED, score: 1 },
    ],
    validate: validateIban,
    context: { words: ['iban', 'bank', 'account', 'transfer', 'sepa', 'wire'], boost: 0 },
  });
}
