/**
 * IN_PAN: Indian Permanent Account Numbers, five letters, four digits and a letter (ABCPE1234F); the fourth
 * letter is the holder type (P person, C company, H, F, A, T, B, L, J, G). There is no check digit in use;
 * stdnum's in/pan checks the layout and holder type. A context word ("PAN", "income tax") is required.
 */
import { validate as validatePanNumber } from 'stdnum/lib/cjs/in/pan.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const PAN = /(?<![A-Za-z0-9])[A-Z]{3}[ABCFGHJLPT][A-Z]\d{4}[A-Z](?![A-Za-z0-9])/;

function validatePan(candidate: Candidate): Validation {
  return validatePanNumber(candidate.text).isValid
    ? { ok: true, explanation: 'pan layout ok (stdnum)' }
    : { ok: false, explanation: 'not a pan' };
}

export function inPanRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'in_pan',
    type: 'IN_PAN',
    patterns: [{ name: 'pan', regex: PAN, score: 0.5 }],
    validate: validatePan,
    requireContext: true,
    context: { words: ['pan', 'pan card', 'pan no', 'permanent account number', 'income tax', 'income-tax'], boost: 0.45 },
  });
}
