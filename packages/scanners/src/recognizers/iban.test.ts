import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { ibanRecognizer } from './iban.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = ibanRecognizer();

// Example IBANs published by the national banks / SWIFT IBAN registry.
const COMPACT = [
  'DE89370400440532013000',
  'GB82WEST12345698765432',
  'FR1420041010050500013M02606',
  'NL91ABNA0417164300',
  'BE68539007547034',
  'ES9121000418450200051332',
  'IT60X0542811101000000123456',
  'CH9300762011623852957',
  'AT611904300234573201',
  'PL61109010140000071219812874',
  'NO9386011117947',
  'MT84MALT011000012345MTLCAST001S',
];

const spaced = (iban: string) => iban.replace(/(.{4})(?=.)/g, '$1 ');

describe('IBAN recognizer', () => {
  it.each(COMPACT)('finds the compact IBAN %s', async (iban) => {
    expect(validator.isIBAN(iban)).toBe(true);
    const finding = await expectFinding(recognizer, `Pay to ${iban}.`, iban, 1);
    expect(finding.type).toBe('IBAN_CODE');
    expect(finding.explanation).toContain('iban length and mod-97 ok');
  });

  it.each(COMPACT)('finds the spaced form of %s', async (iban) => {
    await expectFinding(recognizer, `IBAN: ${spaced(iban)} (main account)`, spaced(iban), 1);
  });

  it('keeps only the IBAN groups when a capitalised word follows', async () => {
    await expectFinding(recognizer, 'BE68 5390 0754 7034 THEN pay', 'BE68 5390 0754 7034');
  });

  it.each(COMPACT.map((iban) => `${iban.slice(0, 2)}${String((Number(iban.slice(2, 4)) + 1) % 100).padStart(2, '0')}${iban.slice(4)}`))(
    'rejects %s, a real IBAN with wrong check digits',
    async (iban) => {
      expect(validator.isIBAN(iban)).toBe(false);
      await expectNoFinding(recognizer, `Pay to ${iban}.`);
      await expectNoFinding(recognizer, `Pay to ${spaced(iban)}.`);
    },
  );

  it.each([
    'DE8937040044053201300',
    'DE893704004405320130000',
    'XX89370400440532013000',
    'DE89 3704 0044 0532 0130 000',
    'ABDE89370400440532013000',
    'DE89370400440532013000X',
    'SKU AB12345678901234',
    'GB82 WEST 1234 5698 7654',
  ])('rejects the wrong-length or embedded look-alike %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
