import { describe, it } from 'vitest';
import { deTaxIdRecognizer } from './de-tax-id.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding } from './__fixtures__/support.js';

const recognizer = deTaxIdRecognizer();

describeIdRecognizer('German tax ID recognizer', {
  recognizer,
  type: 'DE_TAX_ID',
  context: 'Steuer-ID:',
  // 36 574 261 809 is the Bundeszentralamt's example; the others are invented with ISO 7064 mod 11,10.
  valid: ['36 574 261 809', '36574261809', '36-574-261-809', '99 688 938 880', '66232072211', '12 629 842 280'],
  // Wrong check digit; a leading zero.
  invalid: ['36 574 261 808', '99 688 938 881', '06 574 261 809', '66232072212'],
  withoutContext: 'ignored',
  lookAlikes: ['36 574 261 8090', '136 574 261 809', '36 574-261 809'],
});

describe('German tax ID context', () => {
  it('accepts the long German label', async () => {
    await expectFinding(recognizer, 'Steueridentifikationsnummer 66232072211', '66232072211', 0.9);
  });
});
