/**
 * AU_MEDICARE: Australian Medicare card numbers, ten digits written 4-5-1 (2123 45670 1) or run together,
 * optionally followed by the individual reference number (/1). The first digit is 2-6 and the ninth is a
 * check over the first eight with weights 1, 3, 7, 9, 1, 3, 7, 9 (mod 10).
 *
 * The check is written here by hand: stdnum covers no Medicare numbers, and no well-kept package does.
 * One number in ten passes, so a context word ("Medicare") is required.
 */
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9];

/** True when the ten digits (card number and issue number) pass the Medicare check. */
export function isValidMedicareNumber(digits: string): boolean {
  if (!/^[2-6]\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * WEIGHTS[i]!;
  return sum % 10 === Number(digits[8]);
}

function validateMedicare(candidate: Candidate): Validation {
  const digits = candidate.text.replace(/\/\d$/, '').replace(/\D/g, '');
  return isValidMedicareNumber(digits) ? { ok: true, explanation: 'medicare check ok' } : { ok: false, explanation: 'medicare check failed' };
}

export function auMedicareRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'au_medicare',
    type: 'AU_MEDICARE',
    patterns: [
      {
        name: 'medicare',
        regex: new RegExp(String.raw`${NOT_AFTER}[2-6]\d{3}([ \-]?)\d{5}\1\d(?:\/\d)?${NOT_BEFORE}`),
        score: 0.5,
      },
    ],
    validate: validateMedicare,
    requireContext: true,
    context: { otherLabels: OTHER_NUMBER_LABELS, window: 8, words: ['medicare', 'medicare card', 'medicare number', 'medicare no'], boost: 0.45 },
  });
}
