import { describe, it } from 'vitest';
import { frNirRecognizer } from './fr-nir.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding, expectNoFinding } from './__fixtures__/support.js';

const recognizer = frNirRecognizer();

describeIdRecognizer('French NIR recognizer', {
  recognizer,
  type: 'FR_NIR',
  context: 'Numéro de sécurité sociale :',
  valid: ['2 95 10 99 126 111 93', '1 93 02 39 160 366 70', '1 54 09 04 682 733 09', '1 86 07 31 641 271 51'],
  invalid: ['2 95 10 99 126 111 94', '1 93 02 39 160 366 71', '5 95 10 99 126 111 93', '2 95 13 99 126 111 93'],
  withoutContext: 'found',
  lookAlikes: ['2 95 10 99 126 111 931', '12 95 10 99 126 111 93'],
});

describe('French NIR forms', () => {
  it('needs a context word for the fifteen digits run together', async () => {
    await expectNoFinding(recognizer, 'Batch 295109912611193 was exported.');
    await expectFinding(recognizer, 'N° de sécu 295109912611193', '295109912611193', 0.8);
  });

  it('accepts Corsican départements (2A, 2B)', async () => {
    // The key is computed with 2A read as 19 and 2B as 18.
    await expectFinding(recognizer, 'carte Vitale 1 80 01 2A 004 120 46', '1 80 01 2A 004 120 46', 0.8);
    await expectFinding(recognizer, 'NIR 2 85 12 2B 050 311 32', '2 85 12 2B 050 311 32', 0.8);
  });
});
