import { describe, it } from 'vitest';
import { inAadhaarRecognizer } from './in-aadhaar.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectNoFinding } from './__fixtures__/support.js';

const recognizer = inAadhaarRecognizer();

describeIdRecognizer('Indian Aadhaar recognizer', {
  recognizer,
  type: 'IN_AADHAAR',
  context: 'Aadhaar no.',
  valid: ['2341 2341 2346', '234123412346', '2341-2341-2346', '4618 8788 0165', '566648885447', '7781-8805-2128'],
  // Wrong Verhoeff digit, or a leading 0/1 that UIDAI never issues.
  invalid: ['2341 2341 2347', '4618 8788 0166', '0341 2341 2346', '1618 8788 0165'],
  withoutContext: 'ignored',
  lookAlikes: ['2341 2341 23460', '12341 2341 2346', '2341 2341-2346'],
});

describe('Indian Aadhaar context', () => {
  it('needs the word, not a card word', async () => {
    await expectNoFinding(recognizer, 'Card 2341 2341 2346 on file');
  });
});
