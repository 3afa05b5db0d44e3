import { describe, expect, it } from 'vitest';
import { isDictionaryWord } from './dictionary.js';

describe('dictionary of everyday words', () => {
  it('holds words of the larger size classes and of each spelling', () => {
    expect(['stenosis', 'paycheck', 'petitioner', 'misspoke', 'edema', 'oedema', 'pediatrician'].every(isDictionaryWord)).toBe(true);
    expect(['kenji', 'karthik', 'okonkwo', 'amrita'].some(isDictionaryWord)).toBe(false);
  });
});
