/**
 * Numbers and codes are not names: a NER model sometimes tags a bare number ("5517", "3.4") or a code
 * ("24M00871", "A2197612") as a place or a person. Such a finding has no letters at all, or is one token that
 * mixes letters with three or more digits. Short mixed forms stay ("G8", "3M", "B-52"), as do postcodes with a
 * word ("MA 02138", which the address rule assembles first).
 */
import type { Finding } from '../../types.js';

const LETTER = /\p{L}/u;
const DIGITS = /\p{N}/gu;

export function isNumberOrCode(finding: Finding): boolean {
  const text = finding.text;
  if (!LETTER.test(text)) return true;
  if (/\s/u.test(text)) return false;
  return (text.match(DIGITS)?.length ?? 0) >= 3;
}
