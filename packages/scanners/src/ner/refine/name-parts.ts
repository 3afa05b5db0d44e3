/**
 * Pieces that stand next to names but are none: Roman numerals that number sections and counts ("IV. CLASS
 * ALLEGATIONS", "Count II") and suffixes after a name ("Jr.", "Esq.", "PhD"). A model trained on names with
 * regnal numbers and suffixes sometimes tags the piece alone; joined to a name ("Henry VIII", "Ama Mensah Jr.")
 * it is part of that finding and never reaches this rule, since only a finding that is the piece alone is
 * dropped. A section numeral needs its full stop or bracket, or a word such as "Count" or "Part" before it, so
 * "VI" (a name in Vietnamese) stays where nothing says section.
 */
import type { Finding } from '../../types.js';

const ROMAN_NUMERAL = /^(?=[IVXLC])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u;
const AFTER_NUMERAL = /^[.)]/u;
const SECTION_WORD = /\b(?:count|part|section|article|title|chapter|schedule|exhibit|phase|appendix|book|volume|vol|claim)\.? $/iu;
const NAME_SUFFIX = /^(?:jr|sr|esq|phd|md|dds|dmd|rn|cpa|mba|llm|jd)\.?$/iu;

export function isNamePart(source: string, finding: Finding): boolean {
  if (finding.type !== 'PERSON') return false;
  if (NAME_SUFFIX.test(finding.text)) return true;
  if (!ROMAN_NUMERAL.test(finding.text)) return false;
  return AFTER_NUMERAL.test(source.slice(finding.end, finding.end + 1)) || SECTION_WORD.test(source.slice(Math.max(0, finding.start - 12), finding.start));
}
