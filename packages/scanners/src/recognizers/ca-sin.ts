/**
 * CA_SIN: Canadian Social Insurance Numbers, nine digits written 3-3-3 (046 454 286, 046-454-286) or run
 * together, with a Luhn check digit (stdnum's ca/sin, which also rejects the never-issued leading 0 and 8).
 * One nine-digit number in ten passes Luhn, so a context word ("SIN", "social insurance") is required.
 */
import { validate as validateSinNumber } from 'stdnum/lib/cjs/ca/sin.js';
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;

function validateSin(candidate: Candidate): Validation {
  const digits = candidate.text.replace(/\D/g, '');
  if (/^(\d)\1{8}$/.test(digits)) return { ok: false, explanation: 'repeated digit' };
  return validateSinNumber(digits).isValid
    ? { ok: true, explanation: 'sin luhn ok (stdnum)' }
    : { ok: false, explanation: 'sin check failed' };
}

export function caSinRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'ca_sin',
    type: 'CA_SIN',
    patterns: [{ name: 'sin', regex: new RegExp(String.raw`${NOT_AFTER}\d{3}([ \-]?)\d{3}\1\d{3}${NOT_BEFORE}`), score: 0.5 }],
    validate: validateSin,
    requireContext: true,
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      window: 8,
      words: ['sin', 'social insurance', 'insurance number', 'nas', "numéro d'assurance sociale", 'assurance sociale'],
      boost: 0.45,
    },
  });
}
