import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, ukNhsRecognizer } from './uk-nhs.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding, expectNoFinding } from './__fixtures__/support.js';

const recognizer = ukNhsRecognizer();

describeIdRecognizer('UK NHS number recognizer', {
  recognizer,
  type: 'UK_NHS',
  context: 'NHS number:',
  // 943 476 5919 is the NHS's own published example; the others are invented with the mod-11 check.
  valid: ['943 476 5919', '9434765919', '943-476-5919', '554 240 7218', '6692436621', '602-774-3522'],
  invalid: ['943 476 5918', '554 240 7219', '1111111111', '0000000000', '123 456 7890'],
  withoutContext: 'ignored',
  lookAlikes: ['943 476 59190', '1943 476 5919', '943 4765 919', '943-476 5919', 'A9434765919'],
});

describe('UK NHS number checksum', () => {
  it('implements mod 11 with weights 10..2 (a remainder giving 10 is never issued)', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('4010232137')).toBe(true);
    // 1000000010: sum 10 -> 11 - 10 = 1, so ...1 is the check digit; 1000000060: sum 10+0 ... check 10 -> invalid.
    expect(isValidNhsNumber('1000000001')).toBe(true);
    expect(isValidNhsNumber('0000000060')).toBe(false);
  });

  it('wins over the phone reading of the same digits beside "NHS" and ignores "NHS" inside a word', async () => {
    const finding = await expectFinding(recognizer, 'Patient NHS No. 943 476 5919 registered', '943 476 5919', 0.9);
    expect(finding.explanation).toContain('nhs mod-11 ok');
    await expectNoFinding(recognizer, 'NHSX 943 476 5919');
  });
});
