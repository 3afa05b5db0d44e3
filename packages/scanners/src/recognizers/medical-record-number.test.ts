import { describe, expect, it } from 'vitest';
import { medicalRecordNumberRecognizer } from './medical-record-number.js';
import { NON_PII_NUMBERS } from './__fixtures__/non-pii-numbers.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = medicalRecordNumberRecognizer();

describe('medical record number recognizer', () => {
  it.each([
    ['MRN: 00482913', '00482913'],
    ['MRN 07731904', '07731904'],
    ['mrn#4471-0093', '4471-0093'],
    ['Medical record number 0048812733', '0048812733'],
    ['Medical record no. H-2291-0043', 'H-2291-0043'],
    ['MR# 7731902', '7731902'],
    ['Chart number 55-1029', '55-1029'],
    ['Patient ID: MC00918273', 'MC00918273'],
    ['Hospital No. RX8812934', 'RX8812934'],
  ])('finds the value in %s, without the cue', async (text, value) => {
    const finding = await expectFinding(recognizer, `Admitted. ${text}. Allergies: none.`, value, 0.8);
    expect(finding.type).toBe('MEDICAL_RECORD_NUMBER');
    expect(finding.explanation).toContain('value after an mrn cue');
  });

  it.each([
    'Record number 00482913 in the archive',
    'The MRN field is empty',
    'MRN: pending',
    'MRN: ABC-12',
    'MRN 2024-03-15',
    'Invoice 00482913',
    'mrnx 00482913',
    'The hospital is on Route 00482913',
  ])('ignores %s (no cue, no value, or a date)', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('reports nothing in the corpus of numbers that are not personal data', () => {
    expect(NON_PII_NUMBERS.flatMap((text) => recognizer.analyze(text))).toEqual([]);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
