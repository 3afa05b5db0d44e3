import { describe, expect, it } from 'vitest';
import { ukPostcodeRecognizer } from './uk-postcode.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding, expectNoFinding } from './__fixtures__/support.js';

const recognizer = ukPostcodeRecognizer();

describeIdRecognizer('UK postcode recognizer', {
  recognizer,
  type: 'UK_POSTCODE',
  context: 'Postcode:',
  valid: ['SW1A 2AA', 'M1 1AE', 'EH8 9YL', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'LS62QT'],
  invalid: ['QV1 1AA', 'SW1A 2CI', 'VA1 1AA', 'XZ9 9ZZ', 'M1 1AK'],
  withoutContext: 'ignored',
  lookAlikes: ['XSW1A 2AA', 'SW1A 2AAB', 'sw1a 2aa', 'SW1A-2AA'],
});

describe('UK postcode in an address', () => {
  it('finds the postcode at the end of a street address', async () => {
    const finding = await expectFinding(recognizer, 'Flat 3, 14 Marchmont Crescent, Edinburgh EH9 1HN, UK', 'EH9 1HN', 0.7);
    expect(finding.explanation?.join(' ')).toMatch(/context word/);
    await expectFinding(recognizer, 'Ship to: 27 Princelet Street, London E1 6QH', 'E1 6QH');
  });

  it('ignores postcode shapes outside an address (models, grid squares, codes)', async () => {
    await expectNoFinding(recognizer, 'The M1 1AE model replaced the M2 2BE.');
    await expectNoFinding(recognizer, 'Ref AB1 2CD in the ledger.');
  });
});
