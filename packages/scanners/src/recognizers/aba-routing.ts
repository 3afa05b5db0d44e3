/**
 * ABA_ROUTING_NUMBER: US bank routing (ABA / routing transit) numbers, nine digits (021000021, also printed
 * 0210-0002-1). The first two digits are a Federal Reserve district range (00-12, 21-32, 61-72, 80) and the
 * digits pass the 3-7-1 weighted checksum mod 10.
 *
 * The checksum is written here by hand: it is one line, and the packages that offer it are small
 * single-purpose ones we would rather not depend on. One nine-digit number in ten passes it, so a context
 * word ("routing", "ABA", "RTN") is required; "account" nearer to the number than the context word means
 * it is the account number beside it.
 */
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;
const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1];

/** True when the nine digits are in a Federal Reserve prefix range and pass the 3-7-1 checksum. */
export function isValidRoutingNumber(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^(\d)\1{8}$/.test(digits)) return false;
  const prefix = Number(digits.slice(0, 2));
  if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * WEIGHTS[i]!;
  return sum % 10 === 0;
}

function validateRouting(candidate: Candidate): Validation {
  return isValidRoutingNumber(candidate.text.replace(/\D/g, ''))
    ? { ok: true, explanation: 'aba 3-7-1 checksum ok' }
    : { ok: false, explanation: 'aba checksum failed' };
}

export function abaRoutingRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'aba_routing',
    type: 'ABA_ROUTING_NUMBER',
    patterns: [
      { name: 'aba_plain', regex: new RegExp(String.raw`${NOT_AFTER}\d{9}${NOT_BEFORE}`), score: 0.4 },
      { name: 'aba_printed', regex: new RegExp(String.raw`${NOT_AFTER}\d{4}-\d{4}-\d${NOT_BEFORE}`), score: 0.4 },
    ],
    validate: validateRouting,
    requireContext: true,
    context: {
      otherLabels: [...OTHER_NUMBER_LABELS, 'account', 'acct', 'a/c', 'checking', 'savings'],
      words: ['routing', 'aba', 'rtn', 'routing number', 'routing transit', 'transit number', 'ach routing', 'abartn'],
      boost: 0.5,
    },
  });
}
