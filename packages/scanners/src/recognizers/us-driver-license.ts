/**
 * US_DRIVER_LICENSE: the layouts states print (letter + digits, digits + letters, Florida and
 * Wisconsin dashed forms, plain digits). None has a checksum and all look like other identifiers, so
 * every form needs a context word such as "driver's license" or "DL".
 */
import { definePatternRecognizer, type PatternRecognizer } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-])`;
const NOT_BEFORE = String.raw`(?![\w\-])`;
const alone = (body: string) => new RegExp(`${NOT_AFTER}(?:${body})${NOT_BEFORE}`);

export function usDriverLicenseRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'us_driver_license',
    type: 'US_DRIVER_LICENSE',
    patterns: [
      {
        name: 'dl_alphanumeric',
        regex: alone(String.raw`[A-Z]{1,2}\d{4,14}|\d{2}[A-Z]{3}\d{5,6}|\d{7,9}[A-Z]{1,2}|[A-Z]\d{6}R|[A-Z]{2}\d{6}[A-Z]|\d{3}[A-Z]{2}\d{4}`),
        score: 0.35,
        requireContext: true,
      },
      { name: 'dl_dashed', regex: alone(String.raw`[A-Z]\d{3}-\d{3}-\d{2}-\d{3}-\d|[A-Z]\d{3}-\d{4}-\d{4}-\d{2}`), score: 0.4, requireContext: true },
      { name: 'dl_digits', regex: alone(String.raw`\d{7,12}`), score: 0.25, requireContext: true },
    ],
    context: {
      words: ["driver's license", "driver's licence", 'drivers license', 'driver license', 'driving licence', 'license', 'licence', 'dl', 'dln', 'lic'],
      boost: 0.4,
    },
  });
}
