import { describe, it } from 'vitest';
import { auTfnRecognizer } from './au-tfn.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding } from './__fixtures__/support.js';

const recognizer = auTfnRecognizer();

describeIdRecognizer('Australian TFN recognizer', {
  recognizer,
  type: 'AU_TFN',
  context: 'Tax file number',
  valid: ['123 456 782', '123-456-782', '123456782', '863 961 164', '348533780', '720-246-242'],
  invalid: ['123 456 781', '863 961 165', '348533781'],
  withoutContext: 'ignored',
  lookAlikes: ['123 456 7820', '9123 456 782', '123-456 782'],
});

describe('Australian TFN formats', () => {
  it('finds an older eight-digit TFN', async () => {
    // Eight-digit TFNs use their own weights (stdnum's au/tfn).
    await expectFinding(recognizer, 'TFN: 818 544 01', '818 544 01', 0.9);
  });
});
