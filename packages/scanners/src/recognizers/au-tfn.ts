/**
 * AU_TFN: Australian Tax File Numbers, nine digits (123 456 782, 123-456-782, 123456782; older eight-digit
 * ones too) with a weighted mod-11 check (stdnum's au/tfn). One number in eleven passes, so a context word
 * ("TFN", "tax file") is required.
 */
import { validate as validateTfnNumber } from 'stdnum/lib/cjs/au/tfn.js';
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;

function validateTfn(candidate: Candidate): Validation {
  return validateTfnNumber(candidate.text.replace(/\D/g, '')).isValid
    ? { ok: true, explanation: 'tfn mod-11 ok (stdnum)' }
    : { ok: false, explanation: 'tfn check failed' };
}

export function auTfnRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'au_tfn',
    type: 'AU_TFN',
    patterns: [
      { name: 'tfn', regex: new RegExp(String.raw`${NOT_AFTER}\d{3}([ \-]?)\d{3}\1\d{3}${NOT_BEFORE}`), score: 0.5 },
      { name: 'tfn_8', regex: new RegExp(String.raw`${NOT_AFTER}\d{3}([ \-]?)\d{3}\1\d{2}${NOT_BEFORE}`), score: 0.5 },
    ],
    validate: validateTfn,
    requireContext: true,
    context: { otherLabels: OTHER_NUMBER_LABELS, window: 8, words: ['tfn', 'tax file', 'tax file number'], boost: 0.45 },
  });
}
