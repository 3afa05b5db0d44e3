import { describe, expect, it } from 'vitest';
import { caseClass, CaseClass, tokenCaseClasses } from './casing.js';
import { splitWords } from './words.js';

describe('caseClass', () => {
  it.each([
    ['maria', CaseClass.Lower], ['Maria', CaseClass.Title], ['MARIA', CaseClass.Upper], ['McDonald', CaseClass.Mixed],
    ['iPhone', CaseClass.Mixed], ['A', CaseClass.Title], ['j', CaseClass.Lower], ['3pm', CaseClass.Lower],
    ['2024', CaseClass.Uncased], ['東', CaseClass.Uncased], ['.', CaseClass.Uncased], ['Ångström', CaseClass.Title],
    ['ÇELIK', CaseClass.Upper], ['A1', CaseClass.Title], ['AB1', CaseClass.Upper], ['jo\u200Bhn', CaseClass.Lower],
    ['Ⅷ', CaseClass.Title], // Other_Uppercase counts, as in Python's str.isupper()
  ])('%s is class %i', (word, expected) => {
    expect(caseClass(word)).toBe(expected);
  });

  it('gives every token of a word that word\'s class', () => {
    const text = 'Dr. McDonald met NASA';
    const words = splitWords(text);
    // Two tokens for "McDonald" (word 2), one for each other word.
    const tokenWord = [0, 1, 2, 2, 3, 4];
    expect([...tokenCaseClasses(text, { words, tokenWord })]).toEqual([3, 1, 5, 5, 2, 4]);
  });
});
