/**
 * Places the model typed PERSON ("Tucson", "Nevada", "Portugal"). A one- or two-word PERSON finding that is
 * exactly a known place (see `gazetteer.ts`) becomes a LOCATION. Many places are also people's names
 * ("Eugene", "Jackson", "Charlotte", "Austin"): those stay PERSON unless the words around them say place, a
 * preposition of place before ("in Eugene", "from Jackson") or a state or country after ("Eugene, Oregon",
 * "Jackson, MS"); a town with its state in one finding ("Boise, ID") is a place. The span is kept, so the value stays redacted either way; only its type changes.
 */
import type { Finding } from '../../types.js';
import { isPersonName, isPlaceName, isStateCode } from './gazetteer.js';

const TWO_WORDS_AT_MOST = /^\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*)?$/u;
const PREPOSITION_BEFORE = /\b(?:in|from|to|near|at|into|outside|around|toward|towards|via)[ \t]+$/iu;
/** ", Oregon", ", OR", ", Netherlands": a comma and a place or a state's postal code. */
const REGION_AFTER = /^,[ \t]*(\p{Lu}\p{L}{1,24}(?: \p{Lu}\p{L}{1,24})?|\p{Lu}{2})\b/u;

function placeContext(source: string, finding: Finding): boolean {
  if (PREPOSITION_BEFORE.test(source.slice(Math.max(0, finding.start - 12), finding.start))) return true;
  const region = REGION_AFTER.exec(source.slice(finding.end, finding.end + 32))?.[1];
  return region !== undefined && (isStateCode(region) || isPlaceName(region));
}

/** "Boise, ID", "Eugene, Oregon": a town and its state, which no person's name looks like. */
const TOWN_AND_REGION = /^(\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*)?), (\p{Lu}{2}|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)$/u;

function isTownAndRegion(text: string): boolean {
  const parts = TOWN_AND_REGION.exec(text);
  if (!parts) return false;
  const region = parts[2]!;
  return (isStateCode(region) || isPlaceName(region)) && isPlaceName(parts[1]!);
}

const asLocation = (finding: Finding): Finding => ({ ...finding, type: 'LOCATION', explanation: [...(finding.explanation ?? []), 'refine: a known place'] });

export function retypePlace(source: string, finding: Finding): Finding {
  if (finding.type !== 'PERSON') return finding;
  if (isTownAndRegion(finding.text)) return asLocation(finding);
  if (!TWO_WORDS_AT_MOST.test(finding.text) || !isPlaceName(finding.text)) return finding;
  const alsoAName = finding.text.split(' ').some(isPersonName);
  if (alsoAName && !placeContext(source, finding)) return finding;
  return asLocation(finding);
}
