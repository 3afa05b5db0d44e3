/** UUID: the canonical 8-4-4-4-12 hex form, confirmed by validator's isUUID; the nil UUID is not an identifier of anyone. */
import validator from 'validator';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

const HEX = '[0-9A-Fa-f]';
const UUID = new RegExp(`(?<![0-9A-Za-z\\-])${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}(?![0-9A-Za-z\\-])`);

function validateUuid(candidate: Candidate): Validation {
  if (/^[0-]+$/.test(candidate.text) || /^[fF-]+$/.test(candidate.text)) return { ok: false, explanation: 'nil or max uuid' };
  return validator.isUUID(candidate.text) ? { ok: true, explanation: 'isUUID ok' } : { ok: false, explanation: 'isUUID failed' };
}

export function uuidRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'uuid',
    type: 'UUID',
    patterns: [{ name: 'uuid', regex: UUID, score: 0.9 }],
    validate: validateUuid,
    context: { words: ['uuid', 'guid', 'id', 'identifier'], boost: 0.1 },
  });
}
