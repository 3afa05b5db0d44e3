import { OpenRedaction } from 'openredaction';
import type { EntityType } from '@veil/scanners';
import type { Prediction } from '../metrics.js';
import { UNSCORED_LABEL } from './markers.js';
import type { Detector } from './types.js';

const EXACT: Readonly<Record<string, EntityType>> = {
  EMAIL: 'EMAIL_ADDRESS',
  NAME: 'PERSON',
  CREDIT_CARD: 'CREDIT_CARD',
  IBAN: 'IBAN_CODE',
  UK_BANK_ACCOUNT_IBAN: 'IBAN_CODE',
  SSN: 'US_SSN',
  PASSPORT_US: 'US_PASSPORT',
  DRIVING_LICENSE_US: 'US_DRIVER_LICENSE',
  ADDRESS_STREET: 'LOCATION',
  ADDRESS_PO_BOX: 'LOCATION',
  IPV4: 'IP_ADDRESS',
  IPV6: 'IP_ADDRESS',
  URL_WITH_AUTH: 'URL',
  BITCOIN_ADDRESS: 'CRYPTO',
  ETHEREUM_ADDRESS: 'CRYPTO',
};

/** Maps an openredaction pattern type (570+ of them) to a Veil type; the rest are redacted but not scored. */
export function mapOpenRedactionType(type: string): EntityType {
  if (type in EXACT) return EXACT[type]!;
  if (type.startsWith('PHONE_')) return 'PHONE_NUMBER';
  return UNSCORED_LABEL;
}

/** openredaction 1.x with its defaults; it reports positions, so no alignment is needed. */
export function createOpenRedactionDetector(): Detector {
  const redactor = new OpenRedaction({ redactionMode: 'placeholder' });
  return {
    name: 'openredaction',
    types: [...new Set(Object.values(EXACT)), 'PHONE_NUMBER'],
    async load() {
      await redactor.detect('warm up: Jane Doe, jane@example.com');
    },
    async detect(text: string): Promise<Prediction> {
      const result = await redactor.detect(text);
      const spans = result.detections.map((d) => ({
        start: d.position[0],
        end: d.position[1],
        label: mapOpenRedactionType(d.type),
      }));
      return { spans, sanitized: result.redacted };
    },
  };
}
