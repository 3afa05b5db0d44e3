import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uuidRecognizer } from './uuid.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = uuidRecognizer();

describe('UUID recognizer', () => {
  const generated = Array.from({ length: 6 }, () => randomUUID());
  it.each([
    ...generated,
    '123e4567-e89b-12d3-a456-426614174000',
    'C73BCDCC-2669-4BF6-81D3-E4AE73FB11FD',
    '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
    '017f22e2-79b0-7cc3-98c4-dc0c0c07398f',
  ])('finds %s', async (uuid) => {
    const finding = await expectFinding(recognizer, `request ${uuid} failed`, uuid, 0.9);
    expect(finding.type).toBe('UUID');
    expect(finding.explanation).toContain('isUUID ok');
  });

  it.each([
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '123e4567-e89b-02d3-a456-426614174000',
    '123e4567-e89b-92d3-a456-426614174000',
    '123e4567-e89b-12d3-c456-426614174000',
    '123e4567-e89b-12d3-a456-42661417400',
    '123e4567-e89b-12d3-a456-4266141740001',
    '123e4567e89b12d3a456426614174000',
    'g23e4567-e89b-12d3-a456-426614174000',
    'x123e4567-e89b-12d3-a456-426614174000',
    '123e4567-e89b-12d3-a456-426614174000-01',
  ])('rejects the near miss %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
