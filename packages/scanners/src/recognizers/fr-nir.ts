/**
 * FR_NIR: the French social security number (NIR, numéro de sécurité sociale), thirteen characters and a
 * two-digit key: sex, year, month, département (2A/2B for Corsica), commune, order, key
 * (2 95 10 99 126 111 93, 295109912611193). stdnum's fr/nir checks the layout and the mod-97 key. Written
 * in its groups the number is reported without context; fifteen digits run together could be any long
 * number, so that form needs a context word ("sécurité sociale", "NIR", "carte Vitale").
 */
import { validate as validateNirNumber } from 'stdnum/lib/cjs/fr/nir.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-.])`;
const NOT_BEFORE = String.raw`(?![\w\-]|\.\d)`;
const NIR = new RegExp(String.raw`${NOT_AFTER}[1-478] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}${NOT_BEFORE}`, 'i');

function validateNir(candidate: Candidate): Validation {
  if (!validateNirNumber(candidate.text.replace(/\s/g, '').toUpperCase()).isValid) return { ok: false, explanation: 'nir key failed' };
  const grouped = candidate.text.includes(' ');
  return { ok: true, explanation: 'nir mod-97 key ok (stdnum)', requireContext: !grouped, score: grouped ? 0.7 : 0.4 };
}

export function frNirRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'fr_nir',
    type: 'FR_NIR',
    patterns: [{ name: 'nir', regex: NIR, score: 0.7 }],
    validate: validateNir,
    context: {
      words: [
        'nir', 'sécurité sociale', 'securite sociale', 'sécu', 'secu', 'numéro de sécurité sociale', 'insee', 'carte vitale',
        'vitale', 'social security',
      ],
      boost: 0.5,
    },
  });
}
