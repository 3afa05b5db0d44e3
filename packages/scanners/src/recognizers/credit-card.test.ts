import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { creditCardRecognizer, cardBrand } from './credit-card.js';
import { NON_PII_NUMBERS } from './__fixtures__/non-pii-numbers.js';
import { breakLastDigit, expectFinding, expectNoFinding, expectSurvivesAdversarialInput, withLuhnDigit } from './__fixtures__/support.js';

const recognizer = creditCardRecognizer();

// Published test numbers of the networks plus numbers whose check digit is computed here.
const VALID_CARDS: Array<[brand: string, number: string]> = [
  ['visa', '4111111111111111'],
  ['visa', '4012888888881881'],
  ['visa', withLuhnDigit('422222222222')],
  ['mastercard', '5555555555554444'],
  ['mastercard', withLuhnDigit('222300312200322')],
  ['amex', '378282246310005'],
  ['amex', '371449635398431'],
  ['discover', '6011111111111117'],
  ['diners', '30569309025904'],
  ['jcb', '3530111333300000'],
  ['unionpay', withLuhnDigit('620000000000000')],
  ['maestro', withLuhnDigit('675964982643845')],
  ['mir', withLuhnDigit('220000000000000')],
  ['mir', withLuhnDigit('220412345678901')],
  ['jcb', withLuhnDigit('18001234567890')],
  ['jcb', withLuhnDigit('21311234567890')],
  ['jcb', withLuhnDigit('358912345678901')],
  ['maestro', withLuhnDigit('50181234567')],
  ['maestro', withLuhnDigit('501234567890123')],
  ['maestro', withLuhnDigit('630412345678901')],
  ['maestro', withLuhnDigit('676112345678901')],
  ['maestro', withLuhnDigit('639012345678901234')],
  ['mastercard', withLuhnDigit('272012345678901')],
  ['discover', withLuhnDigit('644123456789012')],
  ['discover', withLuhnDigit('622126123456789012')],
  ['diners', withLuhnDigit('3612345678901')],
  ['unionpay', withLuhnDigit('621234567890123456')],
  ['rupay', withLuhnDigit('608123456789012')],
  ['rupay', withLuhnDigit('652200123456789')],
  ['troy', withLuhnDigit('979212345678901')],
  ['verve', withLuhnDigit('506100123456789')],
  ['elo', withLuhnDigit('636368123456789')],
  ['dankort', withLuhnDigit('501912345678901')],
  ['uatp', withLuhnDigit('11234567890123')],
  ['visa', withLuhnDigit('453212345678')],
  ['visa', withLuhnDigit('453212345678901234')],
];

function group(number: string, sizes: number[], separator: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(number.slice(at, at + size));
    at += size;
  }
  return parts.join(separator);
}

describe('credit card recognizer', () => {
  it.each(VALID_CARDS)('finds a compact %s number', async (brand, number) => {
    expect(validator.isLuhnNumber(number)).toBe(true);
    const finding = await expectFinding(recognizer, `Please charge ${number} today.`, number, 0.9);
    expect(finding.type).toBe('CREDIT_CARD');
    expect(finding.explanation).toContain(`${brand}, luhn ok`);
  });

  it('finds numbers grouped with spaces or dashes', async () => {
    await expectFinding(recognizer, 'card: 4111 1111 1111 1111.', '4111 1111 1111 1111', 0.95);
    await expectFinding(recognizer, 'card: 5555-5555-5555-4444!', '5555-5555-5555-4444');
    await expectFinding(recognizer, 'amex 3782 822463 10005 on file', '3782 822463 10005');
    await expectFinding(recognizer, 'diners 3056 930902 5904', '3056 930902 5904');
  });

  it('finds a grouped number wrapped over two lines', async () => {
    await expectFinding(recognizer, 'Card number 4111 1111\n1111 1111.\n4. Next', '4111 1111\n1111 1111');
    // The separator stays at the end of the first line.
    await expectFinding(recognizer, 'card number 4111-1111-\n1111-1111', '4111-1111-\n1111-1111');
    await expectFinding(recognizer, 'card number 4111 1111 \r\n1111 1111 exp 12/29', '4111 1111 \r\n1111 1111');
  });

  it('keeps only the card when an unrelated group follows it', async () => {
    await expectFinding(recognizer, 'pay 4111 1111 1111 1111 2 times', '4111 1111 1111 1111');
  });

  it('adds a context word to the score and explanation', async () => {
    const finding = await expectFinding(recognizer, 'my visa is 4111111111111111', '4111111111111111');
    expect(finding.score).toBe(0.95);
    expect(finding.explanation).toContain('context word "visa" +0.05');
  });

  it.each(VALID_CARDS)('rejects the %s number with a broken check digit', async (_brand, number) => {
    const broken = breakLastDigit(number);
    expect(validator.isLuhnNumber(broken)).toBe(false);
    await expectNoFinding(recognizer, `Please charge ${broken} today.`);
  });

  it('rejects Luhn-valid numbers with no card brand or a wrong length for the brand', async () => {
    const unknownPrefix = withLuhnDigit('911111111111111');
    const shortVisa = withLuhnDigit('41111111111111'); // 15 digits: Visa issues 13, 16 or 19
    const longAmex = withLuhnDigit('3782822463100051');
    for (const number of [unknownPrefix, shortVisa, longAmex]) {
      expect(validator.isLuhnNumber(number)).toBe(true);
      expect(cardBrand(number)).toBeUndefined();
      await expectNoFinding(recognizer, `ref ${number}`);
    }
  });

  it('rejects near misses: mixed separators, odd grouping, longer digit runs, dates, phones', async () => {
    const nearMisses = [
      '4111 1111-1111 1111',
      '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1',
      '41111111 11111111',
      '14111111111111111111',
      '4111111111111111-2',
      'x4111111111111111',
      '2024-01-15 12:30',
      '(415) 555-2671',
      '4111 1111 1111',
      '0000 0000 0000 0000',
      'order 1234567890123',
    ];
    for (const text of nearMisses) await expectNoFinding(recognizer, text);
  });

  it('finds a Luhn-valid number no issuer claims only beside a card word, with a lower score', async () => {
    const unclaimed = withLuhnDigit('912345678901234');
    expect(cardBrand(unclaimed)).toBeUndefined();
    const finding = await expectFinding(recognizer, `Card number: ${unclaimed}`, unclaimed, 0.5);
    expect(finding.score).toBeLessThan(0.9);
    expect(finding.explanation).toContain('no issuer range, luhn ok, card word beside it');
    await expectFinding(recognizer, `cc ${group(unclaimed, [4, 4, 4, 4], ' ')} exp 09/28`, group(unclaimed, [4, 4, 4, 4], ' '), 0.5);
    await expectNoFinding(recognizer, `Payment reference ${unclaimed}`);
    await expectNoFinding(recognizer, `Card number: ${breakLastDigit(unclaimed)}`);
    await expectNoFinding(recognizer, 'card 0000 0000 0000 0000');
  });

  it('never reports an IMEI as a card, even one in an issuer range or beside "card"', async () => {
    const imei = withLuhnDigit('35693803564380');
    const imeiInRange = withLuhnDigit('18001234567891');
    expect(cardBrand(imeiInRange)).toBe('jcb');
    await expectNoFinding(recognizer, `SIM card IMEI ${imei}`);
    await expectNoFinding(recognizer, `IMEI: ${imeiInRange}`);
    await expectNoFinding(recognizer, `${imeiInRange} (IMEI)`);
    await expectNoFinding(recognizer, `Device ID ${group(imeiInRange, [2, 6, 6, 1], '-')}`);
    await expectNoFinding(recognizer, `phone ${imei}`);
  });

  it('reports no card in the corpus of numbers that are not personal data', () => {
    const falseCards = NON_PII_NUMBERS.flatMap((text) => recognizer.analyze(text).filter((f) => f.score >= 0.5).map((f) => `${f.text} in ${text}`));
    expect(falseCards).toEqual([]);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
