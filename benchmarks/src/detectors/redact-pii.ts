import { createRequire } from 'node:module';
import { SyncRedactor } from 'redact-pii';
import { NameRedactor } from 'redact-pii/lib/built-ins/NameRedactor.js';
import type { EntityType } from '@veil/scanners';
import type { Prediction } from '../metrics.js';
import { spansFromRedaction } from './align.js';
import { UNSCORED_LABEL, privateUseMarkers } from './markers.js';
import type { Detector } from './types.js';

type PatternName =
  | 'creditCardNumber' | 'streetAddress' | 'zipcode' | 'phoneNumber' | 'ipAddress' | 'usSocialSecurityNumber'
  | 'emailAddress' | 'username' | 'password' | 'credentials' | 'digits' | 'url';

// Loaded through require so that key order is redact-pii's own declaration order (an ESM namespace sorts keys),
// which is the order its default composition applies them in.
const builtInPatterns = createRequire(import.meta.url)('redact-pii/lib/built-ins/simple-regexp-patterns.js') as Record<
  PatternName,
  RegExp
>;

const LABELS: Record<PatternName | 'names', EntityType> = {
  creditCardNumber: 'CREDIT_CARD',
  streetAddress: 'LOCATION',
  zipcode: UNSCORED_LABEL,
  phoneNumber: 'PHONE_NUMBER',
  ipAddress: 'IP_ADDRESS',
  usSocialSecurityNumber: 'US_SSN',
  emailAddress: 'EMAIL_ADDRESS',
  username: UNSCORED_LABEL,
  password: UNSCORED_LABEL,
  credentials: UNSCORED_LABEL,
  digits: UNSCORED_LABEL,
  url: 'URL',
  names: 'PERSON',
};

/**
 * redact-pii 3.x with its default redactors. It only returns text and ignores per-redactor replacement strings,
 * so the same built-in patterns are registered in the same order as its default composition (regex redactors
 * in declaration order, then names), each replacing with its own marker; spans are recovered from the markers.
 */
export function createRedactPiiDetector(): Detector {
  const { tokenOf, markers } = privateUseMarkers(LABELS);
  const patternNames = Object.keys(builtInPatterns).filter((k) => k in LABELS && k !== 'names') as PatternName[];
  const disabled = Object.fromEntries([...patternNames, 'names'].map((k) => [k, { enabled: false }]));
  const redactor = new SyncRedactor({
    builtInRedactors: disabled,
    customRedactors: {
      before: patternNames.map((k) => ({ regexpPattern: builtInPatterns[k], replaceWith: tokenOf[k] })),
      after: [new NameRedactor(tokenOf.names)],
    },
  });
  const visible = new Map([...markers].map(([token, label]) => [token, `[${label}]`]));
  return {
    name: 'redact-pii',
    types: [...new Set(Object.values(LABELS))].filter((t) => t !== UNSCORED_LABEL),
    async load() {},
    async detect(text: string): Promise<Prediction> {
      const redacted = redactor.redact(text);
      const spans = spansFromRedaction(text, redacted, markers);
      let sanitized = redacted;
      for (const [token, label] of visible) sanitized = sanitized.replaceAll(token, label);
      return { spans, sanitized };
    },
  };
}
