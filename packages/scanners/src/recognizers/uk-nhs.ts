/**
 * UK_NHS: NHS numbers (England, Wales, Isle of Man), ten digits written 3-3-4 (943 476 5919, 943-476-5919)
 * or run together. The tenth digit is a mod-11 check over the first nine with weights 10..2; a remainder
 * that gives 10 is never issued.
 *
 * The check is written here by hand: it is a few lines, and stdnum (the ID library the other national
 * recognizers use) does not cover NHS numbers. One ten-digit number in eleven passes it and the 3-3-4
 * layout is also a North American phone's, so a context word ("NHS") is required.
 */
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;

/** True when the ten digits pass the NHS mod-11 check. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

function validateNhs(candidate: Candidate): Validation {
  return isValidNhsNumber(candidate.text.replace(/\D/g, ''))
    ? { ok: true, explanation: 'nhs mod-11 ok' }
    : { ok: false, explanation: 'nhs mod-11 failed' };
}

export function ukNhsRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'uk_nhs',
    type: 'UK_NHS',
    patterns: [{ name: 'nhs_number', regex: new RegExp(String.raw`${NOT_AFTER}\d{3}([ \-]?)\d{3}\1\d{4}${NOT_BEFORE}`), score: 0.5 }],
    validate: validateNhs,
    requireContext: true,
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      window: 8,
      words: ['nhs', 'nhs no', 'nhs number', 'national health service', 'health service number'],
      boost: 0.45,
    },
  });
}
