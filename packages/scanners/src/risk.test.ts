import { describe, expect, it } from 'vitest';
import { highestScore, riskScore } from './risk.js';

describe('riskScore', () => {
  it.each([
    [undefined, 0.5, -1],
    [0.85, 0.5, 0.7],
    [1, 0.5, 1],
    [0.5, 0.5, 0],
    [0.25, 0.5, -0.5],
    [0, 0.5, -1],
    [0.95, 0.8, 0.8],
    [0.4, 0, 0.4],
    [0, 0, 0],
    [1, 1, 0],
    [0.52, 0.5, 0],
    [0.45, 0.5, -0.1],
    [0.1, 0.5, -0.8],
  ])('score %s with threshold %s gives %s', (score, threshold, expected) => {
    expect(Object.is(riskScore(score, threshold), expected)).toBe(true);
  });

  it('takes the highest score of a list', () => {
    expect(highestScore([{ score: 0.3 }, { score: 0.9 }, { score: 0.6 }])).toBe(0.9);
    expect(highestScore([])).toBeUndefined();
  });
});
