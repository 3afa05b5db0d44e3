/**
 * ES_NIE: Spanish foreigner identity numbers, X, Y or Z, seven digits and a check letter (X1234567L,
 * X-1234567-L, Y 0123456 Z). The letter is mod 23 over the number with X/Y/Z read as 0/1/2 (stdnum's
 * es/nie); reported without context, raised by "NIE" beside it.
 */
import { validate as validateNieNumber } from 'stdnum/lib/cjs/es/nie.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NIE = /(?<![\w\-.])[XYZ]([ \-]?)\d{7}\1[A-Z](?![\w\-])/;

function validateNie(candidate: Candidate): Validation {
  return validateNieNumber(candidate.text.replace(/[\s\-]/g, '')).isValid
    ? { ok: true, explanation: 'nie mod-23 letter ok (stdnum)' }
    : { ok: false, explanation: 'nie letter wrong' };
}

export function esNieRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'es_nie',
    type: 'ES_NIE',
    patterns: [{ name: 'nie', regex: NIE, score: 0.6 }],
    validate: validateNie,
    context: { words: ['nie', 'extranjero', 'extranjería', 'foreigner', 'residence', 'tie', 'n.i.e'], boost: 0.35 },
  });
}
