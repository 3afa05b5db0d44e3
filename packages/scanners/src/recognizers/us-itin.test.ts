import { describe, expect, it } from 'vitest';
import { isItin, usItinRecognizer } from './us-itin.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding, expectNoFinding } from './__fixtures__/support.js';

const recognizer = usItinRecognizer();

describeIdRecognizer('US ITIN recognizer', {
  recognizer,
  type: 'US_ITIN',
  context: 'ITIN',
  valid: ['912-78-1234', '900-50-0001', '999 94 4321', '945-65-1200', '970-88-3141'],
  // Group 93, 89, 66-69 and 00-49 are not ITIN ranges; the first digit must be 9; serial 0000.
  invalid: ['912-93-1234', '912-89-1234', '912-66-1234', '912-49-1234', '812-78-1234', '912-78-0000'],
  withoutContext: 'found',
  lookAlikes: ['912-78-12345', '1912-78-1234', '912-781-234'],
});

describe('US ITIN forms', () => {
  it('needs a context word for the plain nine digits', async () => {
    await expectNoFinding(recognizer, 'Batch 912781234 was exported.');
    await expectFinding(recognizer, 'Taxpayer ID (ITIN) 912781234', '912781234', 0.6);
  });

  it('checks the group ranges', () => {
    expect(['50', '65', '70', '88', '90', '92', '94', '99'].every((group) => isItin(`912${group}1234`))).toBe(true);
    expect(['49', '66', '69', '89', '93'].some((group) => isItin(`912${group}1234`))).toBe(false);
  });
});
