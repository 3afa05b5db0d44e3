import { describe, it } from 'vitest';
import { inPanRecognizer } from './in-pan.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding } from './__fixtures__/support.js';

const recognizer = inPanRecognizer();

describeIdRecognizer('Indian PAN recognizer', {
  recognizer,
  type: 'IN_PAN',
  context: 'PAN:',
  valid: ['ABCPE1234F', 'GTAPY9692I', 'LODPY0062W', 'AAACR5055K'],
  // The fourth letter is the holder type; D, E, I, K, M, N, O, Q, R, S, U, V, W, X, Y, Z are not used.
  invalid: ['ABCDE1234F', 'GTAXY9692I', 'LODQY0062W'],
  withoutContext: 'ignored',
  lookAlikes: ['ABCPE1234', 'ABCPE12345F', 'XABCPE1234F', 'abcpe1234f'],
});

describe('Indian PAN context', () => {
  it('accepts "income tax" as the label', async () => {
    await expectFinding(recognizer, 'Income Tax PAN card number ABCPE1234F', 'ABCPE1234F', 0.9);
  });
});
