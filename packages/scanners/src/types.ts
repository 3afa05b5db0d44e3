/** Entity types Veil knows; any other string is allowed for custom recognizers. */
export type EntityType =
  | 'PERSON' | 'EMAIL_ADDRESS' | 'PHONE_NUMBER' | 'CREDIT_CARD' | 'US_SSN' | 'IP_ADDRESS'
  | 'IBAN_CODE' | 'URL' | 'UUID' | 'CRYPTO' | 'US_BANK_NUMBER' | 'US_DRIVER_LICENSE' | 'US_PASSPORT'
  | 'LOCATION' | 'ORGANIZATION' | 'DATE_TIME' | 'SECRET'
  | 'UK_NHS' | 'UK_NINO' | 'UK_POSTCODE' | 'CA_SIN' | 'AU_TFN' | 'AU_MEDICARE' | 'IN_AADHAAR' | 'IN_PAN' | 'DE_TAX_ID'
  | 'ES_NIF' | 'ES_NIE' | 'IT_FISCAL_CODE' | 'FR_NIR' | 'SG_NRIC_FIN' | 'US_ITIN' | 'ABA_ROUTING_NUMBER' | 'MAC_ADDRESS'
  | 'US_NPI' | 'MEDICAL_RECORD_NUMBER' | 'CUSTOM' | (string & {});

/** One detected value. Offsets are UTF-16 code units into the scanned text, end exclusive. */
export interface Finding {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  /** Confidence in 0..1. */
  score: number;
  /** Name of the recognizer that produced it. */
  recognizer: string;
  /** Why it was found, e.g. `pattern visa_16`, `luhn ok`, `context word "card" +0.35`. */
  explanation?: string[];
}

export interface Recognizer {
  name: string;
  types: EntityType[];
  analyze(text: string): Finding[] | Promise<Finding[]>;
  /** Optional eager initialisation (model loading). */
  ready?(): Promise<void>;
}

export interface ScanResult {
  sanitized: string;
  isValid: boolean;
  riskScore: number;
  findings: Finding[];
}

export interface InputScanner {
  scan(prompt: string): Promise<ScanResult>;
}

export interface OutputScanner {
  scan(prompt: string, output: string): Promise<ScanResult>;
}
