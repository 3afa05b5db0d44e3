import { describe, expect, it } from 'vitest';
import { charAt, charBefore, joinsWord } from './word-boundary.js';

describe('joinsWord', () => {
  it('joins letters of one script, digits, marks and underscores to anything', () => {
    expect(joinsWord('a', 'b')).toBe(true);
    expect(joinsWord('中', '文')).toBe(true);
    expect(joinsWord('a', '2')).toBe(true);
    expect(joinsWord('e', '\u0301')).toBe(true);
    expect(joinsWord('_', '話')).toBe(true);
  });

  it('separates letters of different scripts and anything beside space or punctuation', () => {
    expect(joinsWord('話', 'M')).toBe(false);
    expect(joinsWord('z', '様')).toBe(false);
    expect(joinsWord('中', 'さ')).toBe(false);
    expect(joinsWord('я', 'a')).toBe(false);
    expect(joinsWord('a', ' ')).toBe(false);
    expect(joinsWord('', 'a')).toBe(false);
    expect(joinsWord('+', 'x')).toBe(false);
  });
});

describe('charBefore / charAt', () => {
  it('read whole code points, and lone surrogates as themselves', () => {
    const text = 'a𠀀b\uD800';
    expect(charBefore(text, 3)).toBe('𠀀');
    expect(charAt(text, 1)).toBe('𠀀');
    expect(charAt(text, 4)).toBe('\uD800');
    expect(charBefore(text, 0)).toBe('');
    expect(charAt(text, 5)).toBe('');
  });
});
