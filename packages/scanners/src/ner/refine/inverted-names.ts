/**
 * Names written family name first ("HOLLOWAY-BRIGHT, CATHERINE A.", "de Vries, Pieter"), as forms, registers
 * and CSV files do. The model often finds the two parts separately, so the family name or the given name is
 * scored as a name of its own. A PERSON of one family name (a word, hyphenated or after particles: "de Vries")
 * that is no given name, then ", ", then a PERSON made of known given names and initials, is one person.
 * Lists of full names ("Ana Duarte, Kwame Osei") have several words before the comma or a family name after
 * it, a list of given names ("Rose, Anna") starts with a given name, and a place before a name ("in Leeds,
 * Michael Jones said") is no PERSON: none of them is joined.
 */
import type { Finding } from '../../types.js';
import { isGivenName } from './gazetteer.js';
import { byStart } from './spans.js';
import { NAME_PARTICLES } from './words.js';

const FAMILY_NAME = /^(?:\p{Ll}{1,3} ){0,2}\p{Lu}[\p{L}\p{M}'’-]*$/u;

function isFamilyNameOnly(text: string): boolean {
  if (!FAMILY_NAME.test(text)) return false;
  const words = text.split(' ');
  return words.slice(0, -1).every((w) => NAME_PARTICLES.has(w)) && !isGivenName(words[words.length - 1]!);
}

const INITIAL = /^\p{Lu}\.?$/u;

/** Given names, then middle initials: "CATHERINE A.", "Pieter", "Mary Ann". */
function isGivenNamesOnly(finding: Finding): boolean {
  const words = finding.text.split(' ');
  if (finding.type !== 'PERSON' || words.length > 3 || !isGivenName(words[0]!)) return false;
  return words.slice(1).every((w) => INITIAL.test(w) || isGivenName(w));
}

/** Joins "Family, Given" pairs into one PERSON; `findings` must not overlap. */
export function joinInvertedNames(source: string, findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort(byStart);
  const out: Finding[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const family = sorted[i]!;
    const given = sorted[i + 1];
    const joins =
      given !== undefined &&
      source.slice(family.end, given.start) === ', ' &&
      family.type === 'PERSON' &&
      isFamilyNameOnly(family.text) &&
      isGivenNamesOnly(given);
    if (!joins) {
      out.push(family);
      continue;
    }
    out.push({
      ...given,
      type: 'PERSON',
      start: family.start,
      text: source.slice(family.start, given.end),
      score: Math.max(family.score, given.score),
      explanation: [...(given.explanation ?? []), 'refine: family name, given name joined'],
    });
    i++;
  }
  return out;
}
