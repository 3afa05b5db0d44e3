import { describe, expect, it } from 'vitest';
import { usDriverLicenseRecognizer } from './us-driver-license.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = usDriverLicenseRecognizer();

describe('US driver license recognizer', () => {
  it.each([
    ["Driver's license: D1234567", 'D1234567'],
    ['driver license no. A123456789012', 'A123456789012'],
    ['DL S12345678', 'S12345678'],
    ['Drivers License WD12345678', 'WD12345678'],
    ['licence 12ABC12345', '12ABC12345'],
    ['FL driver’s license A123-456-78-901-0', 'A123-456-78-901-0'],
    ['WI license D123-4567-8901-23', 'D123-4567-8901-23'],
    ['DL# 123456789', '123456789'],
    ['license number 1234567', '1234567'],
    ['her driving licence is 12345678AB', '12345678AB'],
    ['Minnesota driver license W512-443-187-902', 'W512-443-187-902'],
    ['New York driver license, 207 880 040, which he held', '207 880 040'],
    ['Illinois DL R5214 30917 08655', 'R5214 30917 08655'],
    ['her Washington driver license number, WDLA33MK785M, and', 'WDLA33MK785M'],
    ['Colorado driver license 14-208-7735. Primary care', '14-208-7735'],
  ])('finds the licence in %s', async (text, value) => {
    const finding = await expectFinding(recognizer, text, value, 0.6);
    expect(finding.type).toBe('US_DRIVER_LICENSE');
  });

  it.each([
    'Employee D1234567 badge',
    'part A123456789012 in stock',
    'order 123456789',
    'licensed D1234567',
    'license d1234567',
    'license 123456',
    'license 1234567890123',
    'license D12-34567',
    'license XD1234567A1',
    'license ABC1234',
  ])('rejects the near miss %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('reports the distinctive Washington WDL prefix without context', async () => {
    await expectFinding(recognizer, 'ID on file: WDLA33MK785M', 'WDLA33MK785M', 0.5);
    await expectNoFinding(recognizer, 'ID on file: WDLABCDEFGHI');
  });

  it('rejects grouped forms with mixed separators', async () => {
    await expectNoFinding(recognizer, 'license W512-443 187-902');
  });

  it('stays below the default threshold without context, so the format alone never redacts', async () => {
    const pattern = recognizer.analyze('D1234567');
    expect(pattern).toEqual([]);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
