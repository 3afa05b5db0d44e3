import type { EntityType, Recognizer } from '../types.js';
import { abaRoutingRecognizer } from './aba-routing.js';
import { auMedicareRecognizer } from './au-medicare.js';
import { auTfnRecognizer } from './au-tfn.js';
import { caSinRecognizer } from './ca-sin.js';
import { deTaxIdRecognizer } from './de-tax-id.js';
import { esNieRecognizer } from './es-nie.js';
import { esNifRecognizer } from './es-nif.js';
import { frNirRecognizer } from './fr-nir.js';
import { inAadhaarRecognizer } from './in-aadhaar.js';
import { inPanRecognizer } from './in-pan.js';
import { itFiscalCodeRecognizer } from './it-fiscal-code.js';
import { macAddressRecognizer } from './mac-address.js';
import { medicalRecordNumberRecognizer } from './medical-record-number.js';
import { sgNricFinRecognizer } from './sg-nric-fin.js';
import { ukNhsRecognizer } from './uk-nhs.js';
import { ukNinoRecognizer } from './uk-nino.js';
import { ukPostcodeRecognizer } from './uk-postcode.js';
import { usItinRecognizer } from './us-itin.js';
import { usNpiRecognizer } from './us-npi.js';
import { creditCardRecognizer } from './credit-card.js';
import { cryptoRecognizer } from './crypto.js';
import { dateTimeRecognizer } from './date-time.js';
import { emailRecognizer } from './email.js';
import { ibanRecognizer } from './iban.js';
import { ipAddressRecognizer } from './ip-address.js';
import { phoneRecognizer } from './phone.js';
import { secretRecognizer } from './secret.js';
import { urlRecognizer } from './url.js';
import { usBankNumberRecognizer } from './us-bank-number.js';
import { usDriverLicenseRecognizer } from './us-driver-license.js';
import { usPassportRecognizer } from './us-passport.js';
import { usSsnRecognizer } from './us-ssn.js';
import { uuidRecognizer } from './uuid.js';

/** Options the default recognizers take (each factory reads the ones it knows). */
export interface DefaultRecognizerOptions {
  /** Regions national phone numbers are validated against (see DEFAULT_PHONE_REGIONS). */
  phoneRegions?: readonly string[];
  /** Which dates reach the default threshold: 'birth' (default, dates beside a birth cue) or 'all'. */
  dates?: 'birth' | 'all';
}

/** Registry of the pattern recognizers: one line per recognizer. */
const FACTORIES: ReadonlyArray<(options: DefaultRecognizerOptions) => Recognizer> = [
  creditCardRecognizer,
  emailRecognizer,
  (options) => phoneRecognizer({ phoneRegions: options.phoneRegions }),
  usSsnRecognizer,
  ibanRecognizer,
  ipAddressRecognizer,
  urlRecognizer,
  uuidRecognizer,
  cryptoRecognizer,
  usBankNumberRecognizer,
  usDriverLicenseRecognizer,
  usPassportRecognizer,
  (options) => dateTimeRecognizer({ dates: options.dates }),
  secretRecognizer,
  ukNhsRecognizer,
  ukNinoRecognizer,
  ukPostcodeRecognizer,
  caSinRecognizer,
  auTfnRecognizer,
  auMedicareRecognizer,
  inAadhaarRecognizer,
  inPanRecognizer,
  deTaxIdRecognizer,
  esNifRecognizer,
  esNieRecognizer,
  itFiscalCodeRecognizer,
  frNirRecognizer,
  sgNricFinRecognizer,
  usItinRecognizer,
  abaRoutingRecognizer,
  macAddressRecognizer,
  usNpiRecognizer,
  medicalRecordNumberRecognizer,
];

/** A fresh instance of every pattern recognizer. */
export function defaultRecognizers(options: DefaultRecognizerOptions = {}): Recognizer[] {
  return FACTORIES.map((create) => create(options));
}

/** The entity types the pattern recognizers can report. */
export const PATTERN_ENTITY_TYPES: EntityType[] = [...new Set(defaultRecognizers().flatMap((r) => r.types))];

export { definePatternRecognizer } from './pattern-recognizer.js';
export type { Candidate, PatternRecognizer, PatternRecognizerOptions, PatternSpec, Validation } from './pattern-recognizer.js';
export type { ContextOptions } from './context.js';
export { DEFAULT_PHONE_REGIONS } from './phone.js';
export type { DateTimeRecognizerOptions } from './date-time.js';
export type { PhoneRecognizerOptions } from './phone.js';
export {
  ukNhsRecognizer,
  ukNinoRecognizer,
  ukPostcodeRecognizer,
  caSinRecognizer,
  auTfnRecognizer,
  auMedicareRecognizer,
  inAadhaarRecognizer,
  inPanRecognizer,
  deTaxIdRecognizer,
  esNifRecognizer,
  esNieRecognizer,
  itFiscalCodeRecognizer,
  frNirRecognizer,
  sgNricFinRecognizer,
  usItinRecognizer,
  abaRoutingRecognizer,
  macAddressRecognizer,
  usNpiRecognizer,
  medicalRecordNumberRecognizer,
  creditCardRecognizer,
  cryptoRecognizer,
  dateTimeRecognizer,
  emailRecognizer,
  ibanRecognizer,
  ipAddressRecognizer,
  phoneRecognizer,
  secretRecognizer,
  urlRecognizer,
  usBankNumberRecognizer,
  usDriverLicenseRecognizer,
  usPassportRecognizer,
  usSsnRecognizer,
  uuidRecognizer,
};
