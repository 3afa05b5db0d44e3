/**
 * Acronyms typed PERSON ("SSN", "IBAN", "QA", "VLAN", "PANs"). In a line written in mixed case, people's names
 * are capitalised, not written in capitals: a lone token of two to four capitals (a plural `s` allowed) is an
 * abbreviation of a thing, a document or a team. Kept: known names written in capitals ("KIM", "LEE", "WU"),
 * nicknames in quotes ("DJ"), tokens next to a capitalised word, which may be the rest of a split name
 * ("Denise NG"), and whole lines in capitals, where capitals tell nothing.
 */
import type { Finding } from '../../types.js';
import { isPersonName } from './gazetteer.js';
import { lineAround } from './words.js';

const ACRONYM_TOKEN = /^\p{Lu}{2,4}s?$/u;
const QUOTE = /["“”'‘’]/u;
const NAME_WORD_BEFORE = /\p{Lu}\p{Ll}+ $/u;
const NAME_WORD_AFTER = /^ \p{Lu}\p{Ll}/u;

export function isAcronymAsPerson(source: string, finding: Finding): boolean {
  if (finding.type !== 'PERSON' || !ACRONYM_TOKEN.test(finding.text)) return false;
  if (!/\p{Ll}/u.test(lineAround(source, finding).replace(finding.text, ''))) return false;
  if (QUOTE.test(source[finding.start - 1] ?? '') || QUOTE.test(source[finding.end] ?? '')) return false;
  if (NAME_WORD_BEFORE.test(source.slice(Math.max(0, finding.start - 32), finding.start))) return false;
  if (NAME_WORD_AFTER.test(source.slice(finding.end, finding.end + 3))) return false;
  return !isPersonName(finding.text.replace(/s$/u, ''));
}
