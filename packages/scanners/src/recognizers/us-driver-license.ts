/**
 * US_DRIVER_LICENSE: the layouts states print (letter + digits, digits + letters, Florida and
 * Wisconsin dashed forms, plain digits). None has a checksum and all look like other identifiers, so
 * every form needs a context word such as "driver's license" or "DL".
 */
import { OTHER_NUMBER_LABELS } from './other-labels.js';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = String.raw`(?<![\w\-])`;
const NOT_BEFORE = String.raw`(?![\w\-])`;
const alone = (body: string) => new RegExp(`${NOT_AFTER}(?:${body})${NOT_BEFORE}`);

function validateLicense(candidate: Candidate): Validation {
  const separators = new Set(candidate.text.replace(/[A-Z0-9]/g, ''));
  if (separators.size > 1) return { ok: false, explanation: 'mixed separators' };
  if (!/\d/.test(candidate.text)) return { ok: false, explanation: 'no digits' };
  return { ok: true, explanation: 'licence layout' };
}

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
      // Washington's pre-2018 licences start with WDL; the prefix alone is telling.
      { name: 'dl_washington', regex: alone(String.raw`WDL[A-Z0-9]{9}`), score: 0.55 },
      // Letter and digit groups as printed in FL, MN, WI, IL and others: W512-443-187-902, R5214 30917 08655.
      { name: 'dl_grouped', regex: alone(String.raw`[A-Z]\d{3,4}(?:[ \-]\d{1,5}){2,4}`), score: 0.4, requireContext: true },
      // Plain runs, New York's 3-3-3 and Colorado's 2-3-4 groupings.
      { name: 'dl_digits', regex: alone(String.raw`\d{7,12}|\d{3} \d{3} \d{3}|\d{2}-\d{3}-\d{4}`), score: 0.25, requireContext: true },
    ],
    validate: validateLicense,
    context: {
      otherLabels: OTHER_NUMBER_LABELS,
      window: 8,
      words: ["driver's license", "driver's licence", 'drivers license', 'driver license', 'driving licence', 'license', 'licence', 'dl', 'dln', 'lic'],
      boost: 0.4,
    },
  });
}
