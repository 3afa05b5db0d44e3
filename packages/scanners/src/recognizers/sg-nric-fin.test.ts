import { describe, expect, it } from 'vitest';
import { isValidNricFin, sgNricFinRecognizer } from './sg-nric-fin.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';

describeIdRecognizer('Singapore NRIC/FIN recognizer', {
  recognizer: sgNricFinRecognizer(),
  type: 'SG_NRIC_FIN',
  context: 'NRIC',
  valid: ['S1234567D', 'G9907008R', 'M4438932T', 'F4120171K', 'T0123456G', 's7911444h'],
  invalid: ['S1234567A', 'G9907008S', 'M4438932U', 'A1234567D'],
  withoutContext: 'found',
  lookAlikes: ['S12345678D', 'S123456D', 'XS1234567D', 'S1234567DX'],
});

describe('Singapore NRIC/FIN check letter', () => {
  it('follows the published tables, offsets and worked example', () => {
    // 2x1 + 7x2 + 6x3 + 5x4 + 4x5 + 3x6 + 2x7 = 106; 106 mod 11 = 7; JZIHGFEDCBA[7] = D.
    expect(isValidNricFin('S1234567D')).toBe(true);
    // T adds 4: 110 mod 11 = 0 -> J.
    expect(isValidNricFin('T1234567J')).toBe(true);
    // F: XWUTRQPNMLK[7] = N; G adds 4 -> X; M adds 3: 109 mod 11 = 10 -> K.
    expect(isValidNricFin('F1234567N')).toBe(true);
    expect(isValidNricFin('G1234567X')).toBe(true);
    expect(isValidNricFin('M1234567K')).toBe(true);
  });
});
