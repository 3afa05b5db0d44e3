import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitWords } from './words.js';

const texts = (text: string) => splitWords(text).map((w) => text.slice(w.start, w.end));

describe('splitWords', () => {
  it('splits on whitespace and makes each punctuation character its own word', () => {
    expect(texts('  Samuel L. Jackson,\tCEO of Acme-Corp (NYC)!\n')).toEqual([
      'Samuel', 'L', '.', 'Jackson', ',', 'CEO', 'of', 'Acme', '-', 'Corp', '(', 'NYC', ')', '!',
    ]);
  });

  it('treats ASCII symbols as punctuation like BERT, but keeps other symbols inside words', () => {
    expect(texts('a$b €5 x+y')).toEqual(['a', '$', 'b', '€5', 'x', '+', 'y']);
  });

  it('keeps UTF-16 offsets across astral characters and splits CJK ideographs one by one', () => {
    const text = '😀 Zoë 在北京';
    const words = splitWords(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['😀', 'Zoë', '在', '北', '京']);
    expect(words[1]).toEqual({ start: 3, end: 6 });
  });

  it('keeps zero-width characters and lone surrogates inside the word they sit in', () => {
    expect(texts('Jo\u200Bhn Sm\uD800ith')).toEqual(['Jo\u200Bhn', 'Sm\uD800ith']);
  });

  it('returns nothing for blank text', () => {
    expect(splitWords('')).toEqual([]);
    expect(splitWords(' \n\t ')).toEqual([]);
  });

  it('covers every non-space character exactly once, in order', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      const words = splitWords(text);
      let previousEnd = 0;
      let covered = '';
      for (const w of words) {
        expect(w.start).toBeGreaterThanOrEqual(previousEnd);
        expect(w.end).toBeGreaterThan(w.start);
        expect(/^\s*$/u.test(text.slice(previousEnd, w.start))).toBe(true);
        covered += text.slice(w.start, w.end);
        previousEnd = w.end;
      }
      expect(/^\s*$/u.test(text.slice(previousEnd))).toBe(true);
      expect(covered).toBe(text.replace(/\s/gu, ''));
    }));
  });
});
