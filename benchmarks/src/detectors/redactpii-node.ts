import { Redactor } from '@redactpii/node';
import type { EntityType } from '@veil/scanners';
import type { Prediction } from '../metrics.js';
import { spansFromRedaction } from './align.js';
import type { Detector } from './types.js';

/** The fixed replacement strings @redactpii/node writes for each of its default rules. */
const MARKERS = new Map<string, EntityType>([
  ['CREDIT_CARD_NUMBER', 'CREDIT_CARD'],
  ['EMAIL_ADDRESS', 'EMAIL_ADDRESS'],
  ['PERSON_NAME', 'PERSON'],
  ['PHONE_NUMBER', 'PHONE_NUMBER'],
  ['US_SOCIAL_SECURITY_NUMBER', 'US_SSN'],
]);

/** @redactpii/node 1.x with its default rules, called through its public `redact`. */
export function createRedactPiiNodeDetector(): Detector {
  const redactor = new Redactor();
  return {
    name: '@redactpii/node',
    types: [...new Set(MARKERS.values())],
    async load() {},
    async detect(text: string): Promise<Prediction> {
      const sanitized = redactor.redact(text);
      return { spans: spansFromRedaction(text, sanitized, MARKERS), sanitized };
    },
  };
}
