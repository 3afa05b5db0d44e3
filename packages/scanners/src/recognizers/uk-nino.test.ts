import { describe, it } from 'vitest';
import { ukNinoRecognizer } from './uk-nino.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding, expectNoFinding } from './__fixtures__/support.js';

const recognizer = ukNinoRecognizer();

describeIdRecognizer('UK National Insurance number recognizer', {
  recognizer,
  type: 'UK_NINO',
  context: 'National Insurance number',
  valid: ['MN 16 28 73 A', 'EY496122C', 'WE-78-61-32-D', 'JZ 90 75 25 C', 'AB123456B'],
  // QQ is the documentation prefix, D/F/I/Q/U/V are never used, BG/GB/NK/KN/NT/TN/ZZ are not allocated, E is no suffix.
  invalid: ['QQ 12 34 56 C', 'DA123456A', 'AO123456A', 'GB 12 34 56 A', 'ZZ123456D', 'NT123456A', 'MN162873E'],
  withoutContext: 'ignored',
  lookAlikes: ['MN 16 28 73', 'MN16287300A', 'XMN162873A', 'MN 16-28 73 A', 'mn162873a'],
});

describe('UK NINO context', () => {
  it('accepts the short labels', async () => {
    await expectFinding(recognizer, 'NI no: JZ 90 75 25 C', 'JZ 90 75 25 C', 0.9);
    await expectFinding(recognizer, 'NINO JZ907525C', 'JZ907525C', 0.9);
    await expectNoFinding(recognizer, 'SKU JZ907525C ordered');
  });
});
