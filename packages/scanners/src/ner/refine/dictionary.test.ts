import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { isDictionaryWord } from './dictionary.js';
import { refineNameFindings } from './index.js';

/** Whether a lone lower-case PERSON finding on `word` survives refinement in a chat line. */
function keptInLowerCase(word: string): boolean {
  const text = `ok so i talked to ${word} yesterday about it`;
  const start = text.indexOf(` ${word} `) + 1;
  const finding: Finding = { type: 'PERSON', start, end: start + word.length, text: word, score: 0.9, recognizer: 'ner:test' };
  return refineNameFindings(text, [finding]).length === 1;
}

describe('dictionary of everyday words', () => {
  it('holds words of the larger size classes and of each spelling', () => {
    expect(['stenosis', 'paycheck', 'petitioner', 'misspoke', 'edema', 'oedema', 'pediatrician'].every(isDictionaryWord)).toBe(true);
    expect(['kenji', 'karthik', 'okonkwo', 'amrita'].some(isDictionaryWord)).toBe(false);
  });

  it('drops lower-case everyday words the model called persons, keeps lower-case names', () => {
    for (const word of ['stenosis', 'paycheck', 'rehire', 'modems', 'edema']) expect(keptInLowerCase(word), word).toBe(false);
    // Given names that are also words in the larger size classes stay names.
    for (const word of ['kenji', 'karthik', 'aliyah', 'sienna', 'clementine', 'griffin']) expect(keptInLowerCase(word), word).toBe(true);
  });
});
