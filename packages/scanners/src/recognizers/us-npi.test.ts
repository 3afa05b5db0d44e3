import { describe, expect, it } from 'vitest';
import { isValidNpi, usNpiRecognizer } from './us-npi.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';

describeIdRecognizer('US NPI recognizer', {
  recognizer: usNpiRecognizer(),
  type: 'US_NPI',
  context: 'NPI',
  // 1234567893 is the example in the CMS check-digit document; the others are invented.
  valid: ['1234567893', '1219236126', '1766028090', '1148-615-499', '1828 498 422'],
  invalid: ['1234567890', '1219236127', '3234567893', '0234567893'],
  withoutContext: 'ignored',
  lookAlikes: ['12345678930', '21234567893', '1234-567 893'],
});

describe('US NPI check digit', () => {
  it('is Luhn over the number prefixed with 80840', () => {
    expect(isValidNpi('1234567893')).toBe(true);
    expect(isValidNpi('1234567894')).toBe(false);
  });
});
