/**
 * Initials: a person's initial is always followed by the rest of the name, so a PERSON finding made only of
 * initials ("S" in "Agent: S. Yilmaz") is extended over the surname that follows. A single lower-case letter
 * ("h" in "4-5 h", "o" in "y/o") is never a name.
 */
import type { Finding } from '../../types.js';
import { respan } from './spans.js';

const INITIALS_ONLY = /^\p{Lu}\.?(?: ?\p{Lu}\.?){0,3}$/u;
const SURNAME_AFTER = /^\.? \p{Lu}[\p{Ll}\p{M}'’]{1,30}(?:-\p{L}[\p{Ll}\p{M}'’]{1,30})?(?![\p{L}\p{N}])/u;

export function completeInitials(source: string, finding: Finding): Finding | undefined {
  if (/^\p{Ll}$/u.test(finding.text)) return undefined;
  if (finding.type !== 'PERSON' || !INITIALS_ONLY.test(finding.text)) return finding;
  const surname = SURNAME_AFTER.exec(source.slice(finding.end, finding.end + 40));
  return surname ? respan(source, finding, finding.start, finding.end + surname[0].length, 'refine: initial completed with the surname') : finding;
}
