import { describe, expect, it } from 'vitest';
import { findContextWord, surroundingWords } from './context.js';

const options = { words: ['card', 'social security'], window: 3, boost: 0.3 };

describe('findContextWord', () => {
  it('finds a word before or after the candidate, case-insensitively', () => {
    expect(findContextWord('my CARD: 1234', 9, 13, options)).toBe('card');
    expect(findContextWord('1234 is my card', 0, 4, options)).toBe('card');
  });

  it('matches whole words only', () => {
    expect(findContextWord('discard 1234', 8, 12, options)).toBeUndefined();
    expect(findContextWord('cards 1234', 6, 10, options)).toBeUndefined();
  });

  it('matches multi-word phrases on one side', () => {
    expect(findContextWord('Social Security: 1234', 17, 21, options)).toBe('social security');
    expect(findContextWord('social 1234 security', 7, 11, options)).toBeUndefined();
  });

  it('looks only within the word window', () => {
    expect(findContextWord('card one two three 1234', 19, 23, options)).toBeUndefined();
    expect(findContextWord('card one two 1234', 13, 17, options)).toBe('card');
  });

  it('ignores the candidate itself', () => {
    expect(findContextWord('xx card yy', 3, 7, options)).toBeUndefined();
  });

  it('keeps apostrophes inside words and normalises typographic ones', () => {
    const driver = { words: ["driver's license"], boost: 0.4 };
    expect(findContextWord('Driver’s License: D1234567', 18, 26, driver)).toBe("driver's license");
  });

  it('does not read a word cut in half at the edge of a long window', () => {
    const text = `${'x'.repeat(500)}card ${'y '.repeat(200)}1234`;
    const start = text.indexOf('1234');
    expect(surroundingWords(text, start, start + 4, 2).before).toEqual(['y', 'y']);
  });
});
