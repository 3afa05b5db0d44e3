/**
 * DE_TAX_ID: the German tax identification number (Steuerliche Identifikationsnummer, Steuer-IdNr), eleven
 * digits written 2-3-3-3 (36 574 261 809) or run together. stdnum's de/idnr checks the digit rules (no
 * leading 0; in the first ten digits one digit occurs two or three times) and the ISO 7064 mod 11,10 check
 * digit. Eleven digits are also a German phone number's length, so a context word is required.
 */
import { validate as validateIdnr } from 'stdnum/lib/cjs/de/idnr.js';
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;

function validateTaxId(candidate: Candidate): Validation {
  return validateIdnr(candidate.text.replace(/\D/g, '')).isValid
    ? { ok: true, explanation: 'idnr iso 7064 mod 11,10 ok (stdnum)' }
    : { ok: false, explanation: 'idnr check failed' };
}

export function deTaxIdRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'de_tax_id',
    type: 'DE_TAX_ID',
    patterns: [
      { name: 'idnr_grouped', regex: new RegExp(String.raw`${NOT_AFTER}[1-9]\d([ \-]?)\d{3}\1\d{3}\1\d{3}${NOT_BEFORE}`), score: 0.5 },
    ],
    validate: validateTaxId,
    requireContext: true,
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      window: 8,
      words: [
        'steuer id', 'steuer idnr', 'steueridentifikationsnummer', 'identifikationsnummer', 'steuerliche identifikationsnummer',
        'idnr', 'id nr', 'steuernummer', 'tax id', 'tin', 'tax identification number', 'steuer',
      ],
      boost: 0.45,
    },
  });
}
