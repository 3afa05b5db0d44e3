import { describe, expect, it } from 'vitest';
import { Anonymize } from './anonymize.js';

/** Issue 15: shapes a fuzzing run found left verbatim. Each value must be redacted whole, offsets into the original. */
const CASES: Array<[text: string, value: string, type: string]> = [
  ['Phone:415-867-2309', '415-867-2309', 'PHONE_NUMBER'],
  ['Tel:+14158672309', '+14158672309', 'PHONE_NUMBER'],
  ['Phone #4158672309', '4158672309', 'PHONE_NUMBER'],
  ['Call me at 415-867-2309: after 5pm', '415-867-2309', 'PHONE_NUMBER'],
  ['IPv6:2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334', 'IP_ADDRESS'],
  ['Host 2001:db8:85a3::8a2e:370:7334: down', '2001:db8:85a3::8a2e:370:7334', 'IP_ADDRESS'],
  ['Step 3: connect to 192.168.10.25', '192.168.10.25', 'IP_ADDRESS'],
  ['Card 4111111111111111 12/29', '4111111111111111', 'CREDIT_CARD'],
  ['card 4111-1111-1111-1111 123', '4111-1111-1111-1111', 'CREDIT_CARD'],
  ['cards 4111 1111 1111 1111 5500 0000 0000 0004', '4111 1111 1111 1111', 'CREDIT_CARD'],
  ['cards 4111 1111 1111 1111 5500 0000 0000 0004', '5500 0000 0000 0004', 'CREDIT_CARD'],
  ['Order 12345 4111 1111 1111 1111', '4111 1111 1111 1111', 'CREDIT_CARD'],
  [`${'='.repeat(100)}\nSSN: 536221234`, '536221234', 'US_SSN'],
  [`${'-'.repeat(100)}\nSSN: 536221234`, '536221234', 'US_SSN'],
  ['Card 4111\u00A01111\u00A01111\u00A01111 please', '4111\u00A01111\u00A01111\u00A01111', 'CREDIT_CARD'],
  ['SSN 536\u201122\u20111234', '536\u201122\u20111234', 'US_SSN'],
  ['Card \uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11', '\uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11', 'CREDIT_CARD'],
  ['Card\u00A0\uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11.', '\uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11', 'CREDIT_CARD'],
];

describe('glued labels, punctuation, neighbouring numbers and Unicode forms (issue 15)', () => {
  const anonymize = new Anonymize({ ner: false });
  it.each(CASES)('%j: redacts %j', async (text, value, type) => {
    const { sanitized, findings } = await anonymize.scan(text);
    expect(sanitized).not.toContain(value);
    const f = findings.find((x) => x.text === value);
    expect(f).toMatchObject({ type, start: text.indexOf(value), end: text.indexOf(value) + value.length });
  });

  it('still leaves numbering and times alone', async () => {
    for (const text of ['See section 10.2.3.4 for details', 'Meet at 10:30: bring 2 copies', 'Version 1.2.3.4 released']) {
      expect((await anonymize.scan(text)).sanitized).toBe(text);
    }
  });
});
