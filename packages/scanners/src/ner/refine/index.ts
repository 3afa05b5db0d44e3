/**
 * Post-processing of a token-classification model's name findings (PERSON, LOCATION, ORGANIZATION). The rules
 * are about English text and spans, not about a particular model, so they help any model: a small model that
 * over-predicts gains most, a strong one loses nothing it had right. One rule a file; order matters:
 *
 * 1. edges: trim punctuation, split at sentence ends (later rules see clean spans);
 * 2. fragments: drop pieces of technical tokens and contraction suffixes, extend pieces of joined names and
 *    initials to the whole name;
 * 3. no names (`isNoName`): findings made only of closed-class words, everyday words where capitals tell
 *    nothing, field labels before a colon ("Severity:", not the speaker "Rose:") and keys before `=`, lone
 *    acronyms in mixed-case lines ("SSN"), drug names ("azithromycin"), section numerals ("IV.") and name
 *    suffixes alone ("Esq.") are dropped; function words and
 *    lower-case everyday words are trimmed off the edges ("Previous pediatrician") and the rest judged again;
 *    a PERSON span is cut before its first word with a digit (names hold none);
 * 4. types (`retyped`): a PERSON that ends in a legal form or organisation word ("Okafor Logistics Ltd") or in
 *    a plural common noun ("Lotus Petal Nails"), or is one word in camel case ("CoinHarbor"), becomes an
 *    ORGANIZATION; one that is exactly a known place
 *    ("Tucson"; "Eugene" only where the words around say place) becomes a LOCATION; capitalised words after a
 *    name that end in an organisation word ("Fernhill" + " Home Care"), a word before it that opens
 *    organisation names ("Grupo"), "X support" and "a job at X" make it an ORGANIZATION (`extendOrganisation`);
 *    a place or organisation that is a known given name and family-name words ("MARTHA BRANDVOLD") a PERSON;
 * 5. pieces of one name (`joinedPieces`): findings that only a space separates ("Tomas" + "Lindqvist") and a
 *    family name with the given names after its comma ("HOLLOWAY-BRIGHT, CATHERINE A.") are one name; a PERSON
 *    that is the short name of an organisation in the text ("Brightwater") becomes that ORGANIZATION;
 * 6. addresses: complete cut streets and assemble address pieces into one LOCATION;
 * 7. numbers and codes: drop findings without letters or that are codes (after 6, which uses "6044" in
 *    "PO Box 6044" and "MA 02138");
 * 8. overlaps: extensions can make findings meet, so overlaps are settled (see `withoutOverlaps`);
 * 9. cues: a name right after a greeting, sign-off or introduction ("Hi Hope,", "Best,\nWill", "my name is
 *    Tomasz") that no finding covers is added as a PERSON (`addCueNames`, after the rest so nothing drops it);
 * 10. name pairs: a known given name and family-name words that no finding covers ("Desmond Ferrago") are added as a
 *    PERSON (`addGivenNamePairs`), and so is a known given name alone before a verb of a person ("Florian
 *    asked", `addGivenNameSubjects`); a well-known place no finding covers ("Tulsa") is added as a LOCATION
 *    (`addKnownPlaces`);
 * 11. repeats: a name found once is found again where the text repeats it, with the family name of a full name
 *    and the short name an organisation is defined by (`("Quorvane")`) (`addRepeatedMentions`).
 *
 * Findings of other types pass through untouched; a refined name finding that overlaps one is dropped.
 */
import type { Finding } from '../../types.js';
import { isAcronymAsPerson } from './acronyms.js';
import { retypeCamelCaseBrand } from './camel-case.js';
import { addCueNames } from './cues.js';
import { addGivenNamePairs } from './given-name-pairs.js';
import { addGivenNameSubjects } from './given-name-subjects.js';
import { addKnownPlaces } from './known-places.js';
import { addRepeatedMentions } from './repeated-mentions.js';
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
import { isNamePart } from './name-parts.js';
import { extendOrganisation } from './organisation-context.js';
import { retypeOrganisation } from './organisations.js';
import { retypePersonName } from './person-names.js';
import { retypePlace } from './places.js';
import { retypeShortOrganisationNames } from './short-names.js';
import { isNameFinding, overlapIndex, respan, withoutOverlaps } from './spans.js';

/** Findings that are no names at all: dropped, not retyped. */
function isNoName(source: string, finding: Finding): boolean {
  return isNeverAName(source, finding) || isFieldLabel(source, finding) || isAcronymAsPerson(source, finding) || isDrugName(finding) ||
    isNamePart(source, finding);
}

/** The finding with the type its words and the words around it give it. */
function retyped(source: string, finding: Finding): Finding {
  return retypePersonName(retypeCamelCaseBrand(retypeCommonNounName(retypeOrganisation(retypePlace(source, finding)))));
}

/** Pieces of one name joined, then short names of organisations typed as those. */
function joinedPieces(source: string, findings: Finding[]): Finding[] {
  const adjacent = joinAdjacentNames(source, withoutOverlaps(findings)).map((f) => retyped(source, f));
  return retypeShortOrganisationNames(joinInvertedNames(source, adjacent));
}

function refineModelFindings(source: string, findings: readonly Finding[]): Finding[] {
  const names: Finding[] = [];
  const others: Finding[] = [];
  for (const f of findings) (isNameFinding(f) ? names : others).push(f);
  if (names.length === 0) return [...findings];

  const refined: Finding[] = [];
  for (const f of names) {
    const trimmed = trimEdges(source, f);
    if (!trimmed) continue;
    for (const sentencePiece of splitAtSentenceEnds(source, trimmed)) {
      const piece = sentencePiece === trimmed ? trimmed : trimEdges(source, sentencePiece);
      const fixed = piece && fixFragment(source, piece);
      const whole = fixed && completeInitials(source, fixed);
      if (!whole || isNoName(source, whole)) continue;
      const core = trimFunctionWords(source, whole);
      const named = core ? trimEdges(source, respan(source, whole, core.start, core.end, 'refine: function words trimmed')) ?? whole : whole;
      // What is left is judged as if the model had found only that ("Previous pediatrician" -> "Previous").
      if (named !== whole && isNoName(source, named)) continue;
      const withoutNumbers = cutPersonAtNumbers(source, named);
      if (withoutNumbers) refined.push(extendOrganisation(source, retyped(source, withoutNumbers)));
    }
  }
  const settled = withoutOverlaps(assembleAddresses(source, joinedPieces(source, refined)).filter((f) => !isNumberOrCode(f)));
  // Findings of other types are kept as they came; a name span that grew into one of them gives way.
  const overlapsOther = overlapIndex(others);
  const clear = settled.filter((f) => !overlapsOther(f));
  return [...clear, ...others].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Refines a model's name findings (see the header). `recognizer` names the findings the cue rule adds when the
 * model found nothing to take the name from.
 */
export function refineNameFindings(source: string, findings: readonly Finding[], recognizer?: string): Finding[] {
  const refined = refineModelFindings(source, findings);
  const name = recognizer ?? refined.find((f) => f.type === 'PERSON')?.recognizer ?? refined[0]?.recognizer ?? 'refine';
  const people = addGivenNameSubjects(source, addGivenNamePairs(source, addCueNames(source, refined, name), name), name);
  return addRepeatedMentions(source, addKnownPlaces(source, people, name), name);
}
