/**
 * Initials: a person's initial is always followed by the rest of the name, so a PERSON finding made only of
 * initials ("S" in "Agent: S. Yilmaz", "E" in "E. M. Lindgren") is extended over the further initials and the
 * surname that follow. A single lower-case letter ("h" in "4-5 h", "o" in "y/o") is never a name, and neither
 * are capital letters without full stops that no surname follows ("vitamin D", a spelled "G B"): a letter
 * alone names nobody.
 */
import type { Finding } from '../../types.js';
import { respan } from './spans.js';

const INITIALS_ONLY = /^\p{Lu}\.?(?: ?\p{Lu}\.?){0,3}$/u;
const SURNAME_AFTER = /^\.?(?: \p{Lu}\.){0,2} \p{Lu}[\p{Ll}\p{M}'’]{1,30}(?:-\p{L}[\p{Ll}\p{M}'’]{1,30})?(?![\p{L}\p{N}])/u;
const LETTERS_WITHOUT_STOPS = /^\p{Lu}(?: \p{Lu})*$/u;

export function completeInitials(source: string, finding: Finding): Finding | undefined {
  if (/^\p{Ll}$/u.test(finding.text)) return undefined;
  if (finding.type !== 'PERSON' || !INITIALS_ONLY.test(finding.text)) return finding;
  const surname = SURNAME_AFTER.exec(source.slice(finding.end, finding.end + 48));
  if (surname) return respan(source, finding, finding.start, finding.end + surname[0].length, 'refine: initial completed with the surname');
  return LETTERS_WITHOUT_STOPS.test(finding.text) && source[finding.end] !== '.' ? undefined : finding;
}
