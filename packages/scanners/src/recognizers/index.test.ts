import { describe, expect, it } from 'vitest';
import { PATTERN_ENTITY_TYPES, defaultRecognizers } from './index.js';

describe('pattern recognizer registry', () => {
  it('lists every pattern entity type once, with unique recognizer names', () => {
    const recognizers = defaultRecognizers();
    expect(new Set(recognizers.map((r) => r.name)).size).toBe(recognizers.length);
    expect([...PATTERN_ENTITY_TYPES].sort()).toEqual([
      'ABA_ROUTING_NUMBER', 'AU_MEDICARE', 'AU_TFN', 'CA_SIN', 'CREDIT_CARD', 'CRYPTO', 'DATE_TIME', 'DE_TAX_ID', 'EMAIL_ADDRESS',
      'ES_NIE', 'ES_NIF', 'FR_NIR', 'IBAN_CODE', 'IN_AADHAAR', 'IN_PAN', 'IP_ADDRESS', 'IT_FISCAL_CODE', 'MAC_ADDRESS',
      'MEDICAL_RECORD_NUMBER', 'PHONE_NUMBER', 'SECRET', 'SG_NRIC_FIN', 'UK_NHS', 'UK_NINO', 'UK_POSTCODE', 'URL', 'US_BANK_NUMBER',
      'US_DRIVER_LICENSE', 'US_ITIN', 'US_NPI', 'US_PASSPORT', 'US_SSN', 'UUID',
    ]);
  });

  it('returns fresh instances each call', () => {
    expect(defaultRecognizers()[0]).not.toBe(defaultRecognizers()[0]);
  });

  it('finds each entity type in one mixed prompt with correct offsets', async () => {
    const prompt = [
      'Card 4111 1111 1111 1111, mail john.doe@example.com, call (415) 555-2671,',
      'SSN 536-22-1234, IBAN DE89 3704 0044 0532 0130 00, from 192.168.1.1,',
      'see https://example.com/a, request 123e4567-e89b-12d3-a456-426614174000,',
      'wallet 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, account number 12345678,',
      "driver's license D1234567, passport A12345678.",
    ].join('\n');
    const found = new Map<string, string[]>();
    for (const recognizer of defaultRecognizers()) {
      for (const f of await recognizer.analyze(prompt)) {
        expect(prompt.slice(f.start, f.end)).toBe(f.text);
        if (f.score >= 0.5) found.set(f.type, [...(found.get(f.type) ?? []), f.text]);
      }
    }
    const expected: Record<string, string> = {
      CREDIT_CARD: '4111 1111 1111 1111',
      EMAIL_ADDRESS: 'john.doe@example.com',
      PHONE_NUMBER: '(415) 555-2671',
      US_SSN: '536-22-1234',
      IBAN_CODE: 'DE89 3704 0044 0532 0130 00',
      IP_ADDRESS: '192.168.1.1',
      URL: 'https://example.com/a',
      UUID: '123e4567-e89b-12d3-a456-426614174000',
      CRYPTO: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
      US_BANK_NUMBER: '12345678',
      US_DRIVER_LICENSE: 'D1234567',
      US_PASSPORT: 'A12345678',
    };
    for (const [type, value] of Object.entries(expected)) expect(found.get(type), type).toContain(value);
  });

  it('finds nothing in ordinary prose with dates, times and versions', async () => {
    const prose = 'On 2024-01-15 at 10:30 we shipped v1.2.3 (build 1.2.3.4.5) to 3 customers; ZIP 94105-1234, order #4155552671.';
    for (const recognizer of defaultRecognizers()) {
      // DATE_TIME reports the date, but under the threshold: only birth dates are redacted by default.
      expect((await recognizer.analyze(prose)).filter((f) => f.score >= 0.5), recognizer.name).toEqual([]);
    }
  });
});
