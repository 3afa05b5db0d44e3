import { describe, expect, it } from 'vitest';
import { usBankNumberRecognizer } from './us-bank-number.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = usBankNumberRecognizer();

describe('US bank number recognizer', () => {
  it.each([
    ['Account number: 12345678', '12345678'],
    ['acct 000123456789', '000123456789'],
    ['Checking 4099876543', '4099876543'],
    ['savings account 12345678901234567', '12345678901234567'],
    ['Bank: Chase, 987654321', '987654321'],
    ['wire to 55512349876 (beneficiary Jane)', '55512349876'],
    ['A/C 3344556677', '3344556677'],
    ['deposit into 7788990011', '7788990011'],
    ['My ACCOUNT is 20483746501', '20483746501'],
    ['routing 021000021 account 99887766', '99887766'],
    ['a checking account at First Tennessee Mutual as 8798780153; please', '8798780153'],
  ])('finds the account number in %s', async (text, value) => {
    const finding = await expectFinding(recognizer, text, value, 0.6);
    expect(finding.type).toBe('US_BANK_NUMBER');
    expect(finding.score).toBeLessThanOrEqual(0.7);
    expect(finding.explanation?.some((e) => e.startsWith('context word'))).toBe(true);
  });

  it('gives the full boost to an adjacent context word and less to a distant one', async () => {
    const near = await expectFinding(recognizer, 'account 12345678', '12345678');
    const far = await expectFinding(recognizer, 'account of the family trust: 12345678', '12345678');
    expect(near.score).toBe(0.7);
    expect(far.score).toBeLessThan(near.score);
    expect(far.score).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    'Invoice 12345678 is due',
    'order 000123456789 shipped',
    'account 1234567',
    'account 123456789012345678',
    'account 11111111',
    'account 12345678.90',
    'account 1234-5678-9012',
    'account X12345678',
    'accountant 12345678',
    'the town is 5 km away, pop. 12345678',
    'tracking 123456789012',
    'routing through Seattle.\n\nOrder 100519455 | $1,249.99',
    'Checking account below. Member #: 000418827',
  ])('rejects the near miss %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
