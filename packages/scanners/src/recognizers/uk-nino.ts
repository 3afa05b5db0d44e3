/**
 * UK_NINO: National Insurance numbers, two prefix letters, six digits and a suffix A-D (QQ 12 34 56 C,
 * QQ123456C). There is no checksum; stdnum's gb/nino checks the prefix rules (no D, F, I, Q, U or V, no O
 * second, none of BG, GB, KN, NK, NT, TN, ZZ). A look-alike product code is easy to write, so a context word
 * ("National Insurance", "NINO", "NI number") is required.
 */
import { validate as validateNinoNumber } from 'stdnum/lib/cjs/gb/nino.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NINO = /(?<![A-Za-z0-9])[A-Z]{2}([ \-]?)\d{2}\1\d{2}\1\d{2}\1[A-D](?![A-Za-z0-9])/;

function validateNino(candidate: Candidate): Validation {
  return validateNinoNumber(candidate.text.replace(/[\s\-]/g, '')).isValid
    ? { ok: true, explanation: 'nino prefix ok (stdnum)' }
    : { ok: false, explanation: 'nino prefix not issued' };
}

export function ukNinoRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'uk_nino',
    type: 'UK_NINO',
    patterns: [{ name: 'nino', regex: NINO, score: 0.5 }],
    validate: validateNino,
    requireContext: true,
    context: {
      words: ['national insurance', 'nino', 'ni number', 'ni no', 'ni', 'insurance number', 'nat ins'],
      boost: 0.45,
    },
  });
}
