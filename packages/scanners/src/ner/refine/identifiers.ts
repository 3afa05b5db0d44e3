/**
 * Numbers and codes are not names: a NER model sometimes tags a bare number ("5517", "3.4") or a code
 * ("24M00871", "A2197612") as a place or a person. Such a finding has no letters at all, or is one token that
 * mixes letters with three or more digits. Short mixed forms stay ("G8", "3M", "B-52"), as do postcodes with a
 * word ("MA 02138", which the address rule assembles first).
 */
import type { Finding } from '../../types.js';
import { respan } from './spans.js';

const LETTER = /\p{L}/u;
const DIGITS = /\p{N}/gu;

export function isNumberOrCode(finding: Finding): boolean {
  const text = finding.text;
  if (!LETTER.test(text)) return true;
  if (/\s/u.test(text)) return false;
  return (text.match(DIGITS)?.length ?? 0) >= 3;
}

/**
 * People's names hold no digits, so a PERSON span that runs into a number or code ("Arizona D08842193",
 * "levothyroxine 75 mcg") is cut before the first word with a digit; it is dropped when nothing is left. The
 * code keeps its own finding from the pattern recognizers (a driver licence, a passport) instead of being
 * swallowed by a name that contains it.
 */
export function cutPersonAtNumbers(source: string, finding: Finding): Finding | undefined {
  if (finding.type !== 'PERSON' || !/\p{N}/u.test(finding.text)) return finding;
  let wordStart = finding.text.search(/\p{N}/u);
  while (wordStart > 0 && !/\s/u.test(finding.text[wordStart - 1]!)) wordStart--;
  const kept = finding.text.slice(0, wordStart).trimEnd();
  if (!LETTER.test(kept)) return undefined;
  return respan(source, finding, finding.start, finding.start + kept.length, 'refine: cut before a number');
}
