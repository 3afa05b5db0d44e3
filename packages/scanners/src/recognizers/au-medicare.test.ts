import { describe, expect, it } from 'vitest';
import { auMedicareRecognizer, isValidMedicareNumber } from './au-medicare.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding } from './__fixtures__/support.js';

const recognizer = auMedicareRecognizer();

describeIdRecognizer('Australian Medicare number recognizer', {
  recognizer,
  type: 'AU_MEDICARE',
  context: 'Medicare card',
  valid: ['2123 45670 1', '2123456701', '2123-45670-1', '6099 54177 7', '6130188294', '2012-99447-4'],
  invalid: ['2123 45671 1', '6099 54178 7', '1123 45670 1', '7123 45670 1'],
  withoutContext: 'ignored',
  lookAlikes: ['2123 45670 12', '32123 45670 1', '2123 4567 01'],
});

describe('Australian Medicare checksum', () => {
  it('checks the ninth digit against weights 1,3,7,9,1,3,7,9 of the first eight', () => {
    // 2,1,2,3,4,5,6,7 -> 2+3+14+27+4+15+42+63 = 170 -> 0.
    expect(isValidMedicareNumber('2123456701')).toBe(true);
    expect(isValidMedicareNumber('2123456711')).toBe(false);
  });

  it('keeps the individual reference number written after a slash', async () => {
    await expectFinding(recognizer, 'Medicare no. 2123 45670 1/2 expires 05/27', '2123 45670 1/2', 0.9);
  });
});
