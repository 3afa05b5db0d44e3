import { describe, expect, it } from 'vitest';
import { ssnRejectReason, usSsnRecognizer } from './us-ssn.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = usSsnRecognizer();

describe('US SSN recognizer', () => {
  it.each(['536-22-1234', '001-01-0001', '665-99-9999', '667-12-3456', '899-45-6788', '123-45-6788', '772-10-4321'])(
    'finds the dashed form %s without context',
    async (ssn) => {
      const finding = await expectFinding(recognizer, `Employee record: ${ssn}.`, ssn, 0.7);
      expect(finding.type).toBe('US_SSN');
      expect(finding.explanation).toEqual(['pattern ssn_dashed', 'ssn ranges ok']);
    },
  );

  it('finds the spaced form', async () => {
    await expectFinding(recognizer, 'Employee record: 536 22 1234', '536 22 1234', 0.55);
  });

  it('finds the plain 9-digit form next to a context word, whole-word', async () => {
    const finding = await expectFinding(recognizer, 'SSN: 536221234', '536221234', 0.6);
    expect(finding.explanation).toContain('context word "ssn" +0.35');
    await expectFinding(recognizer, 'her social security number is 536221234', '536221234');
  });

  it('raises the dashed score with context', async () => {
    const finding = await expectFinding(recognizer, 'SSN 536-22-1234', '536-22-1234');
    expect(finding.score).toBe(1);
  });

  it('ignores a plain 9-digit number without context or with a context word only as part of a word', async () => {
    await expectNoFinding(recognizer, 'Invoice 536221234 is due');
    await expectNoFinding(recognizer, 'assns 536221234');
  });

  it.each([
    ['000-12-3456', 'impossible area'],
    ['666-12-3456', 'impossible area'],
    ['900-12-3456', 'impossible area'],
    ['999-12-3456', 'impossible area'],
    ['536-00-1234', 'group 00'],
    ['536-22-0000', 'serial 0000'],
    ['111-11-1111', 'repeated digit'],
    ['078-05-1120', 'publicized sample number'],
    ['123-45-6789', 'publicized sample number'],
  ])('rejects the impossible number %s (%s) even with context', async (ssn, reason) => {
    expect(ssnRejectReason(ssn.replace(/-/g, ''))).toBe(reason);
    await expectNoFinding(recognizer, `SSN ${ssn}`);
  });

  it.each(['536-22-12345', '1536-22-1234', '536-221-234', '536-22-1234-5', '2024-01-15', '536.22.1234.5', 'A536-22-1234', 'ssn 53622123'])(
    'rejects the look-alike %s',
    async (text) => {
      await expectNoFinding(recognizer, text);
    },
  );

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
