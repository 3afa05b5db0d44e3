import { describe, expect, it } from 'vitest';
import { usPassportRecognizer } from './us-passport.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = usPassportRecognizer();

describe('US passport recognizer', () => {
  it.each([
    ['Passport: 912803456', '912803456'],
    ['passport number 340020013', '340020013'],
    ['PASSPORT NO. A12345678', 'A12345678'],
    ['US passport C03005988 issued 2021', 'C03005988'],
    ['passport # 505061234', '505061234'],
    ['travel document Z98765432', 'Z98765432'],
    ['My passport is N12345678.', 'N12345678'],
    ['987654321 (passport)', '987654321'],
    ['passports: 123456789', '123456789'],
    ['Passport Number: E00009349', 'E00009349'],
    ['U.S. passport (the number you gave us, 791372633, is entered)', '791372633'],
  ])('finds the passport number in %s', async (text, value) => {
    const finding = await expectFinding(recognizer, text, value, 0.6);
    expect(finding.type).toBe('US_PASSPORT');
    expect(finding.explanation?.some((e) => e.startsWith('context word'))).toBe(true);
  });

  it.each([
    'ticket 912803456',
    'A12345678 is the part number',
    'passport 91280345',
    'passport 9128034567',
    'passport AB1234567',
    'passport A1234567',
    'passport a12345678',
    'passport 912-80-3456',
    'passport X912803456',
    'passportless 912803456',
  ])('rejects the near miss %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
