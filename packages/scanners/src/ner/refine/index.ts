/**
 * Post-processing of a token-classification model's name findings (PERSON, LOCATION, ORGANIZATION). The rules
 * are about English text and spans, not about a particular model, so they help any model: a small model that
 * over-predicts gains most, a strong one loses nothing it had right. Order matters:
 *
 * 1. edges: trim punctuation, split at sentence ends (later rules see clean spans);
 * 2. fragments: drop pieces of technical tokens and contraction suffixes, extend pieces of joined names and
 *    initials to the whole name;
 * 3. closed-class words: drop findings made only of words that cannot be names, trim such words off the edges;
 *    everyday words before a colon are a field label ("Severity:"), not a speaker ("Rose:"); a lone acronym
 *    in a mixed-case line is no person ("SSN", "VLAN"), nor is a drug name ("azithromycin", "Lisinopril");
 *    a PERSON span is cut before its first word with a digit (names hold none), and one that ends in a legal
 *    form or an organisation word ("Okafor Logistics Ltd") becomes an ORGANIZATION, one that is exactly a known
 *    place ("Tacoma", "Arizona"; "Eugene" only where the words around say place) becomes a LOCATION;
 * 4. adjacent pieces: name findings that only a space separates are one name ("Gary" + "Steinfeld"), typed
 *    PERSON only when every piece is or the name starts with a given name (see `adjacent.ts`), and so are a
 *    family name and a given name after it ("HOLLOWAY-BRIGHT, CATHERINE A."); a PERSON that
 *    is the first word or two of an organisation named in the text is its short name ("Cascadia");
 * 5. addresses: complete cut streets and assemble address pieces into one LOCATION;
 * 6. numbers and codes: drop findings without letters or that are codes (after 5, which uses "6044" in
 *    "PO Box 6044" and "MA 02138");
 * 7. overlaps: extensions can make findings meet, so overlaps are settled (see `withoutOverlaps`).
 *
 * Findings of other types pass through untouched; a refined name finding that overlaps one is dropped.
 */
import type { Finding } from '../../types.js';
import { isAcronymAsPerson } from './acronyms.js';
import { joinAdjacentNames } from './adjacent.js';
import { assembleAddresses } from './addresses.js';
import { isNeverAName } from './closed-class.js';
import { splitAtSentenceEnds, trimEdges } from './edges.js';
import { isDrugName } from './drug-names.js';
import { fixFragment } from './fragments.js';
import { trimFunctionWords } from './function-words.js';
import { cutPersonAtNumbers, isNumberOrCode } from './identifiers.js';
import { retypeCommonNounName } from './common-noun-heads.js';
import { completeInitials } from './initials.js';
import { joinInvertedNames } from './inverted-names.js';
import { isFieldLabel } from './labels.js';
import { retypeOrganisation } from './organisations.js';
import { retypePlace } from './places.js';
import { retypeShortOrganisationNames } from './short-names.js';
import { isNameFinding, overlapIndex, respan, withoutOverlaps } from './spans.js';

export function refineNameFindings(source: string, findings: readonly Finding[]): Finding[] {
  const names: Finding[] = [];
  const others: Finding[] = [];
  for (const f of findings) (isNameFinding(f) ? names : others).push(f);
  if (names.length === 0) return [...findings];

  let refined: Finding[] = [];
  for (const f of names) {
    const trimmed = trimEdges(source, f);
    if (!trimmed) continue;
    for (const sentencePiece of splitAtSentenceEnds(source, trimmed)) {
      const piece = sentencePiece === trimmed ? trimmed : trimEdges(source, sentencePiece);
      const fixed = piece && fixFragment(source, piece);
      const whole = fixed && completeInitials(source, fixed);
      if (!whole || isNeverAName(source, whole) || isFieldLabel(source, whole) || isAcronymAsPerson(source, whole) || isDrugName(whole)) continue;
      const core = trimFunctionWords(source, whole);
      const named = core ? trimEdges(source, respan(source, whole, core.start, core.end, 'refine: function words trimmed')) ?? whole : whole;
      // What is left is judged as if the model had found only that ("Previous pediatrician" -> "Previous").
      if (named !== whole && (isNeverAName(source, named) || isFieldLabel(source, named))) continue;
      const withoutNumbers = cutPersonAtNumbers(source, named);
      if (withoutNumbers) refined.push(retypeCommonNounName(retypeOrganisation(retypePlace(source, withoutNumbers))));
    }
  }
  // Pieces of one name side by side become one name, which may then end in an organisation word.
  const joined = retypeShortOrganisationNames(joinInvertedNames(source, joinAdjacentNames(source, withoutOverlaps(refined)).map((f) => retypeCommonNounName(retypeOrganisation(f)))));
  refined = withoutOverlaps(assembleAddresses(source, joined).filter((f) => !isNumberOrCode(f)));
  // Findings of other types are kept as they came; a name span that grew into one of them gives way.
  const overlapsOther = overlapIndex(others);
  const clear = refined.filter((f) => !overlapsOther(f));
  return [...clear, ...others].sort((a, b) => a.start - b.start || a.end - b.end);
}
