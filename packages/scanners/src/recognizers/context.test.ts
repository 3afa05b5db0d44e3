import { describe, expect, it } from 'vitest';
import { contextBoost, findContextWord, surroundingWords } from './context.js';

const wordOf = (...args: Parameters<typeof findContextWord>) => findContextWord(...args)?.word;

const options = { words: ['card', 'social security'], window: 3, boost: 0.3 };

describe('findContextWord', () => {
  it('finds a word before or after the candidate, case-insensitively', () => {
    expect(wordOf('my CARD: 1234', 9, 13, options)).toBe('card');
    expect(wordOf('1234 is my card', 0, 4, options)).toBe('card');
  });

  it('matches whole words only', () => {
    expect(wordOf('discard 1234', 8, 12, options)).toBeUndefined();
    expect(wordOf('cards 1234', 6, 10, options)).toBeUndefined();
  });

  it('matches multi-word phrases on one side', () => {
    expect(wordOf('Social Security: 1234', 17, 21, options)).toBe('social security');
    expect(wordOf('social 1234 security', 7, 11, options)).toBeUndefined();
  });

  it('looks only within the word window', () => {
    expect(wordOf('card one two three 1234', 19, 23, options)).toBeUndefined();
    expect(wordOf('card one two 1234', 13, 17, options)).toBe('card');
  });

  it('does not read past a line break after the candidate, but does before it', () => {
    expect(wordOf('1234\ncard: 5678', 0, 4, options)).toBeUndefined();
    expect(wordOf('1234 card\nnext', 0, 4, options)).toBe('card');
    expect(wordOf('card:\n1234', 6, 10, options)).toBe('card');
  });

  it('reports the nearest match and its distance in words', () => {
    const both = { words: ['card', 'pin'], window: 5, boost: 0.3 };
    expect(findContextWord('card one two pin 1234', 17, 21, both)).toEqual({ word: 'pin', distance: 0 });
    expect(findContextWord('card one two 1234 x pin', 13, 17, both)).toEqual({ word: 'pin', distance: 1 });
    expect(findContextWord('social security x 1234', 18, 22, options)).toEqual({ word: 'social security', distance: 1 });
  });

  it('weakens the boost with distance, down to a floor', () => {
    expect(contextBoost({ word: 'x', distance: 0 }, 0.4)).toBe(0.4);
    expect(contextBoost({ word: 'x', distance: 2 }, 0.4)).toBe(0.36);
    expect(contextBoost({ word: 'x', distance: 50 }, 0.4)).toBe(0.24);
  });

  it('ignores the candidate itself', () => {
    expect(wordOf('xx card yy', 3, 7, options)).toBeUndefined();
  });

  it('keeps apostrophes inside words and normalises typographic ones', () => {
    const driver = { words: ["driver's license"], boost: 0.4 };
    expect(wordOf('Driver’s License: D1234567', 18, 26, driver)).toBe("driver's license");
  });

  it('does not read a word cut in half at the edge of a long window', () => {
    const text = `${'x'.repeat(500)}card ${'y '.repeat(200)}1234`;
    const start = text.indexOf('1234');
    expect(surroundingWords(text, start, start + 4, 2).before).toEqual(['y', 'y']);
  });
});
