/** The tests every national-ID recognizer shares (excluded from the build). */
import { describe, expect, it } from 'vitest';
import type { PatternRecognizer } from '../pattern-recognizer.js';
import { NON_PII_NUMBERS } from './non-pii-numbers.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './support.js';

export interface IdSuite {
  recognizer: PatternRecognizer;
  type: string;
  /** Words that put a value in context, written before it ("NHS number:"). */
  context: string;
  /** Valid (invented, checksum-correct) values as people write them: plain, spaced, dashed, dotted. */
  valid: readonly string[];
  /** Values of the right shape whose checksum or range fails: never reported, even in context. */
  invalid: readonly string[];
  /** Whether a valid value with no context word is reported ('found') or not ('ignored'). */
  withoutContext: 'found' | 'ignored';
  /** Text that must yield nothing even after the context words (embedded, too long, too short). */
  lookAlikes?: readonly string[];
}

export function describeIdRecognizer(title: string, suite: IdSuite): void {
  const { recognizer, type, context } = suite;
  describe(title, () => {
    it.each(suite.valid)('finds %s after a context word', async (value) => {
      const finding = await expectFinding(recognizer, `${context} ${value}, as on file.`, value, 0.5);
      expect(finding.type).toBe(type);
      expect(finding.explanation?.some((line) => line.startsWith('context word'))).toBe(true);
    });

    it.each(suite.valid)(`${suite.withoutContext === 'found' ? 'finds' : 'ignores'} %s without a context word`, async (value) => {
      const text = `The value ${value} was copied from the form.`;
      if (suite.withoutContext === 'found') await expectFinding(recognizer, text, value, 0.5);
      else expect(recognizer.analyze(text).filter((f) => f.score >= 0.5)).toEqual([]);
    });

    it.each(suite.invalid)('rejects %s, which fails the check, even in context', async (value) => {
      await expectNoFinding(recognizer, `${context} ${value}`);
    });

    it.each(suite.lookAlikes ?? [])('rejects the look-alike %s', async (text) => {
      await expectNoFinding(recognizer, `${context} ${text}`);
    });

    it('reports nothing in the corpus of numbers that are not personal data', () => {
      const found = NON_PII_NUMBERS.flatMap((text) => recognizer.analyze(text).filter((f) => f.score >= 0.5).map((f) => `${f.text} in ${text}`));
      expect(found).toEqual([]);
    });

    it('returns on ~100 KB adversarial input', async () => {
      await expectSurvivesAdversarialInput(recognizer);
    });
  });
}
