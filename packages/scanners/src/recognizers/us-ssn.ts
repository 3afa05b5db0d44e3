/**
 * US_SSN: dashed (123-45-6789), spaced and plain 9-digit forms. Numbers the SSA never issues are
 * rejected; the plain form is indistinguishable from any 9-digit number, so it needs a context word.
 */
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

// Numbers printed on sample cards and in advertisements, invalidated by the SSA.
const PUBLICIZED = new Set(['078051120', '219099999', '123456789']);

/** Why a 9-digit SSN can never have been issued, or undefined when it could have. */
export function ssnRejectReason(digits: string): string | undefined {
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return 'impossible area';
  if (digits.slice(3, 5) === '00') return 'group 00';
  if (digits.slice(5) === '0000') return 'serial 0000';
  if (/^(\d)\1{8}$/.test(digits)) return 'repeated digit';
  if (PUBLICIZED.has(digits)) return 'publicized sample number';
  return undefined;
}

function validateSsn(candidate: Candidate): Validation {
  const digits = candidate.text.replace(/\D/g, '');
  const reason = ssnRejectReason(digits);
  return reason === undefined ? { ok: true, explanation: 'ssn ranges ok' } : { ok: false, explanation: reason };
}

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;

export function usSsnRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'us_ssn',
    type: 'US_SSN',
    patterns: [
      { name: 'ssn_dashed', regex: new RegExp(String.raw`${NOT_AFTER}\d{3}-\d{2}-\d{4}${NOT_BEFORE}`), score: 0.75 },
      { name: 'ssn_spaced', regex: new RegExp(String.raw`${NOT_AFTER}\d{3} \d{2} \d{4}${NOT_BEFORE}`), score: 0.6 },
      { name: 'ssn_plain', regex: new RegExp(String.raw`${NOT_AFTER}\d{9}${NOT_BEFORE}`), score: 0.3, requireContext: true },
    ],
    validate: validateSsn,
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      words: ['ssn', 'ssns', 'social security', 'social', 'security number', 'ssa', 'ss#', 'taxpayer', 'tin', 'itin'],
      boost: 0.35,
    },
  });
}
