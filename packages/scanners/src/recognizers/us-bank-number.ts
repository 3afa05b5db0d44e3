/**
 * US_BANK_NUMBER: US bank account numbers, 8 to 17 digits. They have no checksum and no fixed layout,
 * so a digit run is only reported next to a context word such as "account" or "checking".
 */
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

function validateAccount(candidate: Candidate): Validation {
  if (/^(\d)\1+$/.test(candidate.text)) return { ok: false, explanation: 'repeated digit' };
  return { ok: true, explanation: 'account digits' };
}

export function usBankNumberRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'us_bank_number',
    type: 'US_BANK_NUMBER',
    patterns: [{ name: 'bank_account_digits', regex: /(?<![\w\-.])\d{8,17}(?![\w\-]|\.\d)/, score: 0.3 }],
    validate: validateAccount,
    requireContext: true,
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      window: 8,
      words: ['account', 'acct', 'bank', 'checking', 'savings', 'deposit', 'routing', 'a/c', 'beneficiary', 'wire'],
      boost: 0.4,
    },
  });
}
