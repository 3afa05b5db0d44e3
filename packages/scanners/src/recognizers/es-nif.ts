/**
 * ES_NIF: Spanish personal tax numbers (NIF, the DNI number with its letter): eight digits and a check
 * letter (12345678Z, 12345678-Z, 12.345.678-Z), and the K/L/M forms (K1234567L). The letter is the number
 * mod 23 (stdnum's es/nif). With one letter in 23 matching and a letter suffix no other common number has,
 * a valid NIF is reported without context; "DNI"/"NIF" beside it raises the score.
 */
import { validate as validateNifNumber } from 'stdnum/lib/cjs/es/nif.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NIF = /(?<![\w\-.])(?:\d{8}|\d{2}\.\d{3}\.\d{3})[ \-]?[A-Z](?![\w\-])|(?<![\w\-.])[KLM]\d{7}[A-Z](?![\w\-])/;

function validateNif(candidate: Candidate): Validation {
  const compact = candidate.text.replace(/[\s.\-]/g, '');
  return validateNifNumber(compact).isValid ? { ok: true, explanation: 'nif mod-23 letter ok (stdnum)' } : { ok: false, explanation: 'nif letter wrong' };
}

export function esNifRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'es_nif',
    type: 'ES_NIF',
    patterns: [{ name: 'nif', regex: NIF, score: 0.6 }],
    validate: validateNif,
    context: { words: ['dni', 'nif', 'documento nacional', 'identidad', 'd.n.i', 'n.i.f', 'id card'], boost: 0.35 },
  });
}
