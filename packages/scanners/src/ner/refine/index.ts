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
 *
 * Every rule has a stable name (`REFINE_RULES`, mostly its file name) so that it can be switched off on its own:
 * `refineNameFindings(text, findings, recognizer, { skip: new Set(['known-places']) })`, or through
 * `ModelRecognizer`'s `refine: { skip }`. That is for measuring what each rule is worth (benchmarks'
 * `ablate-refine.ts`); a skipped rule leaves findings as they were at its step and the rest still run.
 */
import { ConfigurationError } from '../../errors.js';
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

/**
 * The rules' names, in the order they run (see the header). One name a rule file, except identifiers.ts, whose
 * two rules run at different steps: `person-digits` (a PERSON cut before a word with a digit, step 3) and
 * `numbers-codes` (findings without letters or that are codes dropped, step 7). `edges` is both trimming and the
 * split at sentence ends; `adjacent` also types a joined name again.
 */
export const REFINE_RULES = [
  'edges',
  'fragments',
  'initials',
  'closed-class',
  'labels',
  'acronyms',
  'drug-names',
  'name-parts',
  'function-words',
  'person-digits',
  'places',
  'organisations',
  'common-noun-heads',
  'camel-case',
  'person-names',
  'organisation-context',
  'adjacent',
  'inverted-names',
  'short-names',
  'addresses',
  'numbers-codes',
  'cues',
  'given-name-pairs',
  'given-name-subjects',
  'known-places',
  'repeated-mentions',
] as const;

/** The name of one refinement rule. */
export type RefineRuleName = (typeof REFINE_RULES)[number];

export interface RefineOptions {
  /** Rules switched off (by name, see `REFINE_RULES`); default none. An unknown name is a ConfigurationError. */
  skip?: ReadonlySet<RefineRuleName>;
}

const KNOWN_RULES: ReadonlySet<string> = new Set(REFINE_RULES);

/** Checks a skip set (it may come from untyped callers or a command line) and returns it. */
export function checkRefineSkip(skip: unknown): ReadonlySet<RefineRuleName> {
  if (skip === undefined) return new Set();
  if (!(skip instanceof Set)) throw new ConfigurationError('refine skip must be a Set of rule names');
  for (const name of skip) {
    if (typeof name !== 'string' || !KNOWN_RULES.has(name)) {
      throw new ConfigurationError(`unknown refinement rule ${JSON.stringify(String(name))}; expected one of ${REFINE_RULES.join(', ')}`);
    }
  }
  return skip as ReadonlySet<RefineRuleName>;
}

/** Whether a rule runs. */
type IsOn = (rule: RefineRuleName) => boolean;

/** Findings that are no names at all: dropped, not retyped. */
function isNoName(source: string, finding: Finding, on: IsOn): boolean {
  return (on('closed-class') && isNeverAName(source, finding)) || (on('labels') && isFieldLabel(source, finding)) ||
    (on('acronyms') && isAcronymAsPerson(source, finding)) || (on('drug-names') && isDrugName(finding)) ||
    (on('name-parts') && isNamePart(source, finding));
}

/** The finding with the type its words and the words around it give it. */
function retyped(source: string, finding: Finding, on: IsOn): Finding {
  let f = finding;
  if (on('places')) f = retypePlace(source, f);
  if (on('organisations')) f = retypeOrganisation(f);
  if (on('common-noun-heads')) f = retypeCommonNounName(f);
  if (on('camel-case')) f = retypeCamelCaseBrand(f);
  if (on('person-names')) f = retypePersonName(f);
  return f;
}

/** Pieces of one name joined, then short names of organisations typed as those. */
function joinedPieces(source: string, findings: Finding[], on: IsOn): Finding[] {
  const apart = withoutOverlaps(findings);
  const adjacent = on('adjacent') ? joinAdjacentNames(source, apart).map((f) => retyped(source, f, on)) : apart;
  const inverted = on('inverted-names') ? joinInvertedNames(source, adjacent) : adjacent;
  return on('short-names') ? retypeShortOrganisationNames(inverted) : inverted;
}

function refineModelFindings(source: string, findings: readonly Finding[], on: IsOn): Finding[] {
  const names: Finding[] = [];
  const others: Finding[] = [];
  for (const f of findings) (isNameFinding(f) ? names : others).push(f);
  if (names.length === 0) return [...findings];

  const trim = (f: Finding): Finding | undefined => (on('edges') ? trimEdges(source, f) : f);
  const refined: Finding[] = [];
  for (const f of names) {
    const trimmed = trim(f);
    if (!trimmed) continue;
    for (const sentencePiece of on('edges') ? splitAtSentenceEnds(source, trimmed) : [trimmed]) {
      const piece = sentencePiece === trimmed ? trimmed : trim(sentencePiece);
      const fixed = piece && (on('fragments') ? fixFragment(source, piece) : piece);
      const whole = fixed && (on('initials') ? completeInitials(source, fixed) : fixed);
      if (!whole || isNoName(source, whole, on)) continue;
      const core = on('function-words') ? trimFunctionWords(source, whole) : undefined;
      const named = core ? trim(respan(source, whole, core.start, core.end, 'refine: function words trimmed')) ?? whole : whole;
      // What is left is judged as if the model had found only that ("Previous pediatrician" -> "Previous").
      if (named !== whole && isNoName(source, named, on)) continue;
      const withoutNumbers = on('person-digits') ? cutPersonAtNumbers(source, named) : named;
      if (!withoutNumbers) continue;
      const typed = retyped(source, withoutNumbers, on);
      refined.push(on('organisation-context') ? extendOrganisation(source, typed) : typed);
    }
  }
  const joined = joinedPieces(source, refined, on);
  const assembled = on('addresses') ? assembleAddresses(source, joined) : joined;
  const settled = withoutOverlaps(on('numbers-codes') ? assembled.filter((f) => !isNumberOrCode(f)) : assembled);
  // Findings of other types are kept as they came; a name span that grew into one of them gives way.
  const overlapsOther = overlapIndex(others);
  const clear = settled.filter((f) => !overlapsOther(f));
  return [...clear, ...others].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Refines a model's name findings (see the header). `recognizer` names the findings the cue rule adds when the
 * model found nothing to take the name from; `options.skip` switches rules off (see `REFINE_RULES`).
 */
export function refineNameFindings(source: string, findings: readonly Finding[], recognizer?: string, options: RefineOptions = {}): Finding[] {
  const skip = checkRefineSkip(options.skip);
  const on: IsOn = (rule) => !skip.has(rule);
  const refined = refineModelFindings(source, findings, on);
  const name = recognizer ?? refined.find((f) => f.type === 'PERSON')?.recognizer ?? refined[0]?.recognizer ?? 'refine';
  let out = refined;
  if (on('cues')) out = addCueNames(source, out, name);
  if (on('given-name-pairs')) out = addGivenNamePairs(source, out, name);
  if (on('given-name-subjects')) out = addGivenNameSubjects(source, out, name);
  if (on('known-places')) out = addKnownPlaces(source, out, name);
  if (on('repeated-mentions')) out = addRepeatedMentions(source, out, name);
  return out;
}
