/**
 * Full names the model missed ("Desmond Ferrago", "Hope Adebayo-Lund", "MARTHA BRANDVOLD"): a known given name followed by
 * one or two family-name words in the same casing, read as `readsAsPersonName` reads them, is added as a PERSON
 * where no finding of any type covers it. A pair inside a longer run of capitalised words ("Desmond Ferrago
 * Consulting", "North Desmond Ferrago") is part of another name and adds nothing, and so is a pair before an
 * organisation word. Lower-case names ("hazel moreno") are left to the model: in lower case every word may be a
 * given name. Every pattern is bounded and scanned once, so a megabyte of text costs linear time.
 */
import type { Finding } from '../../types.js';
import { readsAsPersonName } from './person-names.js';
import { overlapIndex, withAdded } from './spans.js';
import { isClosedClass, isTitle } from './words.js';

/** Score of a name found by the lists alone: below the model's usual scores, above typical thresholds. */
export const NAME_PAIR_SCORE = 0.65;

// Two or three words, all capitalised or all in capitals; a word may hold a hyphen or an apostrophe.
const TITLE_CASE_NAME = /(?<![\p{L}\p{M}\p{N}'’.@-])\p{Lu}[\p{Ll}\p{M}'’]{2,20}(?: \p{Lu}[\p{Ll}\p{M}'’]{0,20}(?:-\p{Lu}[\p{Ll}\p{M}'’]{1,20})?){1,2}(?![\p{L}\p{M}\p{N}@-])/gu;
const CAPITALS_NAME = /(?<![\p{L}\p{M}\p{N}'’.@-])\p{Lu}{3,20}(?: \p{Lu}[\p{Lu}'’]{0,20}(?:-\p{Lu}{2,20})?){1,2}(?![\p{L}\p{M}\p{N}@-])/gu;

const WORD_BEFORE = /(\p{Lu}[\p{L}\p{M}'’.-]*) $/u;
const WORD_AFTER = /^ \p{Lu}/u;

/** Whether the run goes on: a capitalised word right before (not a title or function word) or after it. */
function partOfLongerName(source: string, start: number, end: number): boolean {
  const before = WORD_BEFORE.exec(source.slice(Math.max(0, start - 24), start))?.[1];
  // A word with a full stop that is no title ends the sentence before ("It was Cornelius. Cornelius Ashdown.").
  const endsSentence = before !== undefined && before.endsWith('.') && before.length > 2;
  if (before !== undefined && !endsSentence && !isTitle(before) && !isClosedClass(before.toLowerCase())) return true;
  return WORD_AFTER.test(source.slice(end, end + 2));
}

export function addGivenNamePairs(source: string, findings: readonly Finding[], recognizer: string): Finding[] {
  const covered = overlapIndex(findings);
  const added: Finding[] = [];
  for (const pattern of [TITLE_CASE_NAME, CAPITALS_NAME]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(source); m !== null; m = pattern.exec(source)) {
      const start = m.index;
      const end = start + m[0].length;
      const candidate: Finding = {
        type: 'PERSON', start, end, text: m[0], score: NAME_PAIR_SCORE, recognizer,
        explanation: ['refine: known given name and family name'],
      };
      if (covered(candidate) || partOfLongerName(source, start, end) || !readsAsPersonName(m[0].split(' '))) continue;
      added.push(candidate);
    }
  }
  return withAdded(findings, added);
}
