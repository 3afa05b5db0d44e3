/**
 * IT_FISCAL_CODE: Italian codice fiscale of a person, sixteen characters: three consonant-led letters of the
 * surname and of the name, the birth year, a month letter, the day (plus 40 for women), the birthplace code
 * and a check letter (RSSMRA85T10A562S), including the omocodia forms where digits become letters.
 * stdnum's it/codicefiscale checks the layout, the date and the check letter; the structure is specific
 * enough to report without context. Lower case is accepted, as people type it.
 */
import { validate as validateCodiceFiscale } from 'stdnum/lib/cjs/it/codicefiscale.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const OMO = '[0-9LMNPQRSTUV]';
const CF = new RegExp(`(?<![A-Za-z0-9])[A-Z]{6}${OMO}{2}[ABCDEHLMPRST]${OMO}{2}[A-Z]${OMO}{3}[A-Z](?![A-Za-z0-9])`, 'i');

function validateCf(candidate: Candidate): Validation {
  return validateCodiceFiscale(candidate.text.toUpperCase()).isValid
    ? { ok: true, explanation: 'codice fiscale check letter ok (stdnum)' }
    : { ok: false, explanation: 'codice fiscale check failed' };
}

export function itFiscalCodeRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'it_fiscal_code',
    type: 'IT_FISCAL_CODE',
    patterns: [{ name: 'codice_fiscale', regex: CF, score: 0.8 }],
    validate: validateCf,
    context: { words: ['codice fiscale', 'cod fisc', 'c f', 'cf', 'fiscal code', 'tax code', 'tessera sanitaria'], boost: 0.2 },
  });
}
