/**
 * IN_AADHAAR: Indian Aadhaar numbers, twelve digits written 4-4-4 (2345 6789 0124, 2345-6789-0124) or run
 * together, first digit 2-9, with a Verhoeff check digit (stdnum's in/aadhaar). One number in ten passes
 * Verhoeff, so a context word ("Aadhaar", "UID") is required.
 */
import { validate as validateAadhaarNumber } from 'stdnum/lib/cjs/in/aadhaar.js';
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;

function validateAadhaar(candidate: Candidate): Validation {
  return validateAadhaarNumber(candidate.text.replace(/\D/g, '')).isValid
    ? { ok: true, explanation: 'aadhaar verhoeff ok (stdnum)' }
    : { ok: false, explanation: 'aadhaar check failed' };
}

export function inAadhaarRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'in_aadhaar',
    type: 'IN_AADHAAR',
    patterns: [{ name: 'aadhaar', regex: new RegExp(String.raw`${NOT_AFTER}[2-9]\d{3}([ \-]?)\d{4}\1\d{4}${NOT_BEFORE}`), score: 0.5 }],
    validate: validateAadhaar,
    requireContext: true,
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      window: 8,
      words: ['aadhaar', 'aadhar', 'adhaar', 'uidai', 'uid', 'aadhaar number', 'aadhaar no'],
      boost: 0.5,
    },
  });
}
