import { describe, it } from 'vitest';
import { caSinRecognizer } from './ca-sin.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding, expectNoFinding } from './__fixtures__/support.js';

const recognizer = caSinRecognizer();

describeIdRecognizer('Canadian SIN recognizer', {
  recognizer,
  type: 'CA_SIN',
  context: 'Social Insurance Number',
  // 046 454 286 is the Government of Canada's published example; the others are invented with Luhn.
  valid: ['046 454 286', '046-454-286', '046454286', '492 699 665', '476-866-371', '754025369'],
  invalid: ['046 454 287', '492 699 666', '000 000 000', '999 999 999'],
  withoutContext: 'ignored',
  lookAlikes: ['046 454 2860', '1046 454 286', '046 454-286', '046.454.286.1'],
});

describe('Canadian SIN context', () => {
  it('accepts the French label and rejects an order number beside "SIN" farther away', async () => {
    await expectFinding(recognizer, "numéro d'assurance sociale : 492 699 665", '492 699 665', 0.9);
    await expectNoFinding(recognizer, 'SIN on file; order 492699665 shipped');
  });
});
