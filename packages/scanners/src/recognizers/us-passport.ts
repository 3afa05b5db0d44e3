/**
 * US_PASSPORT: 9 digits (books issued before 2021) or a letter and 8 digits (Next Generation
 * Passport). Any 9-digit number fits, so the word "passport" (or a close variant) must be near.
 */
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type PatternRecognizer } from './pattern-recognizer.js';

export function usPassportRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'us_passport',
    type: 'US_PASSPORT',
    patterns: [
      { name: 'passport_next_generation', regex: /(?<![\w\-])[A-Z]\d{8}(?![\w\-])/, score: 0.4 },
      { name: 'passport_digits', regex: /(?<![\w\-])\d{9}(?![\w\-])/, score: 0.3 },
    ],
    requireContext: true,
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      window: 8,
      words: ['passport', 'passports', 'travel document', 'passport no', 'passport number'],
      boost: 0.4,
    },
  });
}
