import { describe, expect, it } from 'vitest';
import { abaRoutingRecognizer, isValidRoutingNumber } from './aba-routing.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding, expectNoFinding } from './__fixtures__/support.js';

const recognizer = abaRoutingRecognizer();

describeIdRecognizer('ABA routing number recognizer', {
  recognizer,
  type: 'ABA_ROUTING_NUMBER',
  context: 'Routing number',
  valid: ['021000021', '011000015', '0210-0002-1', '324220142', '610309418', '096778414'],
  // Wrong checksum; a prefix outside the Federal Reserve ranges (13-20, 33-60, 73-79, 81-99); repeated digits.
  invalid: ['021000022', '324220143', '400000005', '130000006', '000000000'],
  withoutContext: 'ignored',
  lookAlikes: ['0210000210', '1021000021', '021-000-021'],
});

describe('ABA routing number', () => {
  it('implements the 3-7-1 checksum', () => {
    // 0x3 + 2x7 + 1x1 + 0x3 + 0x7 + 0x1 + 0x3 + 2x7 + 1x1 = 30.
    expect(isValidRoutingNumber('021000021')).toBe(true);
    expect(isValidRoutingNumber('021000012')).toBe(false);
  });

  it('leaves the account number beside the routing number alone', async () => {
    const text = 'Routing 021000021, account 324220142.';
    await expectFinding(recognizer, text, '021000021', 0.8);
    expect(recognizer.analyze(text).map((f) => f.text)).toEqual(['021000021']);
    await expectNoFinding(recognizer, 'ABA; order 021000021 shipped');
  });
});
