/**
 * UK_POSTCODE: British postcodes (SW1A 1AA, M1 1AE, EH8 9YL), only in an address: a postcode alone is a
 * shared area code, and the short shapes (M1 1AE) collide with model numbers and grid references, so an
 * address word (street, road, postcode, a large town …) must be near. Inside a full address the pipeline
 * prefers the longer LOCATION span.
 *
 * The letter rules of the Royal Mail format (no Q, V, X first; no I, J, Z second; no C, I, K, M, O, V in the
 * inward code) are in the regex, written by hand: validator's isPostalCode('GB') accepts any letters.
 */
import { definePatternRecognizer, type PatternRecognizer } from './pattern-recognizer.js';

const OUTWARD = '(?:[A-PR-UWYZ]\\d[A-HJKPSTUW\\d]?|[A-PR-UWYZ][A-HK-Y]\\d[ABEHMNPRVWXY\\d]?)';
const INWARD = '\\d[ABD-HJLNP-UW-Z]{2}';
const POSTCODE = new RegExp(`(?<![A-Za-z0-9])(?:${OUTWARD} ?${INWARD}|GIR ?0AA)(?![A-Za-z0-9])`);

const ADDRESS_WORDS = [
  'address', 'postcode', 'post code', 'postal code', 'street', 'st', 'road', 'rd', 'lane', 'avenue', 'ave', 'close',
  'drive', 'crescent', 'terrace', 'gardens', 'place', 'square', 'court', 'way', 'hill', 'row', 'mews', 'flat',
  'house', 'cottage', 'uk', 'united kingdom', 'england', 'scotland', 'wales', 'northern ireland', 'london', 'manchester',
  'birmingham', 'leeds', 'glasgow', 'edinburgh', 'bristol', 'liverpool', 'cardiff', 'belfast', 'sheffield',
  'newcastle', 'nottingham', 'leicester', 'oxford', 'cambridge', 'brighton', 'york', 'aberdeen',
];

export function ukPostcodeRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'uk_postcode',
    type: 'UK_POSTCODE',
    patterns: [{ name: 'uk_postcode', regex: POSTCODE, score: 0.4 }],
    requireContext: true,
    context: { words: ADDRESS_WORDS, window: 6, boost: 0.4 },
  });
}
