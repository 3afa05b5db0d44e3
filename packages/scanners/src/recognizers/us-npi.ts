/**
 * US_NPI: National Provider Identifiers of US health-care providers, ten digits starting with 1 or 2
 * (1234567893). The last digit is a Luhn check over the number prefixed with 80840 (the ISO card-issuer
 * prefix CMS uses); the Luhn itself is validator's isLuhnNumber. One number in ten passes, so a context word
 * ("NPI", "provider") is required.
 */
import validator from 'validator';
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;

export function isValidNpi(digits: string): boolean {
  return /^[12]\d{9}$/.test(digits) && validator.isLuhnNumber(`80840${digits}`);
}

function validateNpi(candidate: Candidate): Validation {
  return isValidNpi(candidate.text.replace(/\D/g, '')) ? { ok: true, explanation: 'npi luhn (80840) ok' } : { ok: false, explanation: 'npi check failed' };
}

export function usNpiRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'us_npi',
    type: 'US_NPI',
    patterns: [{ name: 'npi', regex: new RegExp(String.raw`${NOT_AFTER}[12]\d{3}([ \-]?)\d{3}\1\d{3}${NOT_BEFORE}`), score: 0.5 }],
    validate: validateNpi,
    requireContext: true,
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      window: 8,
      words: ['npi', 'national provider', 'national provider identifier', 'provider id', 'provider number', 'prescriber', 'npi number'],
      boost: 0.45,
    },
  });
}
