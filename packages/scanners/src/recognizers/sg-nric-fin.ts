/**
 * SG_NRIC_FIN: Singapore NRIC and FIN numbers, a series letter (S, T citizens and residents; F, G, M
 * foreigners), seven digits and a check letter (S1234567D). The check letter is a weighted mod-11 over the
 * digits (weights 2, 7, 6, 5, 4, 3, 2; offset 4 for T and G, 3 for M) looked up in the series' table.
 *
 * The check is written here by hand: stdnum covers only Singapore's UEN, and no well-kept package covers
 * NRIC/FIN. The letter-digits-letter shape and a check letter that must match make it specific enough to
 * report without context; "NRIC"/"FIN" beside it raises the score.
 */
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const WEIGHTS = [2, 7, 6, 5, 4, 3, 2];
const OFFSETS: Readonly<Record<string, number>> = { S: 0, T: 4, F: 0, G: 4, M: 3 };
const TABLES: Readonly<Record<string, string>> = { S: 'JZIHGFEDCBA', T: 'JZIHGFEDCBA', F: 'XWUTRQPNMLK', G: 'XWUTRQPNMLK', M: 'XWUTRQPNJLK' };

/** True when the nine characters are a series letter, seven digits and the matching check letter. */
export function isValidNricFin(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^[STFGM]\d{7}[A-Z]$/.test(id)) return false;
  const series = id[0]!;
  let sum = OFFSETS[series]!;
  for (let i = 0; i < 7; i++) sum += Number(id[i + 1]) * WEIGHTS[i]!;
  return TABLES[series]![sum % 11] === id[8];
}

function validateNric(candidate: Candidate): Validation {
  return isValidNricFin(candidate.text) ? { ok: true, explanation: 'nric/fin check letter ok' } : { ok: false, explanation: 'nric/fin check letter wrong' };
}

export function sgNricFinRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'sg_nric_fin',
    type: 'SG_NRIC_FIN',
    patterns: [{ name: 'nric_fin', regex: /(?<![A-Za-z0-9])[STFGM]\d{7}[A-Z](?![A-Za-z0-9])/i, score: 0.6 }],
    validate: validateNric,
    context: { words: ['nric', 'fin', 'ic', 'i/c', 'identity card', 'pink ic', 'blue ic', 'work pass', 'singpass'], boost: 0.35 },
  });
}
