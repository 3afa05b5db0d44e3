/**
 * US_ITIN: Individual Taxpayer Identification Numbers, nine digits that start with 9 and whose fourth and
 * fifth digits are 50-65, 70-88, 90-92 or 94-99 (912-78-1234). They have no check digit: the IRS ranges are
 * checked here by hand (no library covers them; validator's isTaxID('en-US') checks EIN prefixes). As with
 * US_SSN, the dashed and spaced SSN layout is reported on its own and the plain nine digits need a context word.
 */
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;

/** True when the nine digits are in the ITIN ranges the IRS issues. */
export function isItin(digits: string): boolean {
  if (!/^9\d{8}$/.test(digits)) return false;
  const group = Number(digits.slice(3, 5));
  const inRange = (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
  return inRange && digits.slice(5) !== '0000';
}

function validateItin(candidate: Candidate): Validation {
  return isItin(candidate.text.replace(/\D/g, '')) ? { ok: true, explanation: 'itin ranges ok' } : { ok: false, explanation: 'not an itin range' };
}

export function usItinRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'us_itin',
    type: 'US_ITIN',
    patterns: [
      { name: 'itin_dashed', regex: new RegExp(String.raw`${NOT_AFTER}9\d{2}-\d{2}-\d{4}${NOT_BEFORE}`), score: 0.75 },
      { name: 'itin_spaced', regex: new RegExp(String.raw`${NOT_AFTER}9\d{2} \d{2} \d{4}${NOT_BEFORE}`), score: 0.6 },
      { name: 'itin_plain', regex: new RegExp(String.raw`${NOT_AFTER}9\d{8}${NOT_BEFORE}`), score: 0.3, requireContext: true },
    ],
    validate: validateItin,
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      words: ['itin', 'taxpayer', 'tin', 'taxpayer identification', 'tax id', 'irs', 'w-7', 'w7'],
      boost: 0.35,
    },
  });
}
