/**
 * Acronyms typed PERSON ("SSN", "IBAN", "QA", "VLAN", "PANs"). In a line written in mixed case, people's names
 * are capitalised, not written in capitals: a lone token of two to four capitals (a plural `s` allowed) is an
 * abbreviation of a thing, a document or a team. Kept: known names written in capitals ("KIM", "LEE", "WU"),
 * nicknames in quotes ("DJ"), tokens next to a capitalised word, which may be the rest of a split name
 * ("Denise NG"; not a capitalised function word: "My SSN") unless a colon follows ("Iyer SSN: ..."), and text in capitals, where capitals tell nothing.
 * A line with no other words ("SSN: 783-...") is judged by the lines around it.
 */
import type { Finding } from '../../types.js';
import { isPersonName } from './gazetteer.js';
import { isClosedClass, lineAround } from './words.js';

const ACRONYM_TOKEN = /^\p{Lu}{2,4}s?$/u;
const QUOTE = /["“”'‘’]/u;
const NAME_WORD_BEFORE = /(\p{Lu}\p{Ll}+) $/u;
const NAME_WORD_AFTER = /^ \p{Lu}\p{Ll}/u;
const BEFORE_COLON = /^[ \t]?:(?!\/\/)/u;

/** The line around the finding, or where that holds no other letters ("SSN: 783-..."), the lines next to it. */
function surroundings(source: string, finding: Finding): string {
  const line = lineAround(source, finding);
  const rest = line.replace(finding.text, '');
  return /\p{L}/u.test(rest) ? rest : source.slice(Math.max(0, finding.start - 80), finding.start) + source.slice(finding.end, finding.end + 80);
}

export function isAcronymAsPerson(source: string, finding: Finding): boolean {
  if (finding.type !== 'PERSON' || !ACRONYM_TOKEN.test(finding.text)) return false;
  if (!/\p{Ll}/u.test(surroundings(source, finding))) return false;
  if (QUOTE.test(source[finding.start - 1] ?? '') || QUOTE.test(source[finding.end] ?? '')) return false;
  // Before a colon the acronym is a field label ("SSN:", "MRN:"), whatever stands before it.
  if (!BEFORE_COLON.test(source.slice(finding.end, finding.end + 3))) {
    // A capitalised closed-class word ("My SSN", "The IBAN") is no piece of a name.
    const before = NAME_WORD_BEFORE.exec(source.slice(Math.max(0, finding.start - 32), finding.start))?.[1];
    if (before !== undefined && !isClosedClass(before.toLowerCase())) return false;
    if (NAME_WORD_AFTER.test(source.slice(finding.end, finding.end + 3))) return false;
  }
  return !isPersonName(finding.text.replace(/s$/u, ''));
}
