import { describe, expect, it } from 'vitest';
import { Anonymize } from '../anonymize.js';
import { ConfigurationError } from '../errors.js';
import { dateTimeRecognizer } from './date-time.js';
import { NON_PII_NUMBERS } from './__fixtures__/non-pii-numbers.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = dateTimeRecognizer();
const all = dateTimeRecognizer({ dates: 'all' });

// Invented dates in the written forms people use.
const DATES = [
  '1985-03-15',
  '1985/03/15',
  '2024-03-15T14:32:07Z',
  '15/03/1985',
  '03/15/1985',
  '15.03.1985',
  '15-03-1985',
  '7/4/76',
  '15 March 1985',
  '15th March 1985',
  '15th of March, 1985',
  '15 Mar 1985',
  '15-Mar-1985',
  '15 Sept. 1985',
  'March 15, 1985',
  'March 15th 1985',
  'Mar. 15, 1985',
  'Friday, 15 March 1985',
  'Fri 15 Mar 1985',
  'Tuesday, March 5, 1985',
  'March 15',
  '15 March',
  'March 1985',
];

describe('date-time recognizer', () => {
  it.each(DATES)('redacts %s beside a birth cue', async (date) => {
    for (const text of [`DOB: ${date}`, `She was born on ${date} in Leeds.`, `Date of birth ${date}`, `${date} (birthday)`]) {
      const finding = await expectFinding(recognizer, text, date, 0.75);
      expect(finding.type).toBe('DATE_TIME');
      expect(finding.explanation?.join(' ')).toMatch(/context word "(dob|born|birth|birthday)"/);
    }
  });

  it.each(DATES)('reports %s without a cue under the default threshold, and at 0.6 with dates: all', async (date) => {
    const text = `The meeting moved to ${date}, see you then.`;
    const plain = await expectFinding(recognizer, text, date, 0);
    expect(plain.score).toBe(0.3);
    const everything = await expectFinding(all, text, date, 0.6);
    expect(everything.score).toBe(0.6);
  });

  it('finds a birth date in a form column', async () => {
    await expectFinding(recognizer, 'name,dob,city\nAnn,1985-03-15,Leeds\n', '1985-03-15', 0.75);
  });

  it.each([
    'DOB 31.04.1990',
    'born 1985-02-30',
    'dob 29 Feb 2023',
    'born 13/13/1985',
    'born on 1.2.3',
    'build 10.2.1234',
    'host 10.0.12.254',
    'We may 12 times',
    'they march 15 miles',
    'order 2024-03-1500',
    'v2024-03-15',
  ])('rejects %s', async (text) => {
    await expectNoFinding(all, text);
  });

  it('redacts birth dates, not other dates, by default in Anonymize; everything with dates: all', async () => {
    const prompt = 'Ann (DOB 15/03/1985) booked the call for 2024-03-20.';
    expect((await new Anonymize({ ner: false }).scan(prompt)).sanitized).toBe('Ann (DOB [REDACTED_DATE_TIME_1]) booked the call for 2024-03-20.');
    expect((await new Anonymize({ ner: false, dates: 'all' }).scan(prompt)).sanitized).toBe(
      'Ann (DOB [REDACTED_DATE_TIME_1]) booked the call for [REDACTED_DATE_TIME_2].',
    );
    expect(() => new Anonymize({ ner: false, dates: 'some' as 'all' })).toThrow(ConfigurationError);
  });

  it('redacts no date in the corpus of numbers that are not personal data', () => {
    const redacted = NON_PII_NUMBERS.flatMap((text) => recognizer.analyze(text).filter((f) => f.score >= 0.5).map((f) => f.text));
    expect(redacted).toEqual([]);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
    await expectSurvivesAdversarialInput(all);
    for (const input of ['Monday, '.repeat(12_500), '1 March '.repeat(12_500), '12/12/'.repeat(16_000), 'the 1st of '.repeat(9_000)]) {
      expect(Array.isArray(recognizer.analyze(input))).toBe(true);
    }
  });
});
