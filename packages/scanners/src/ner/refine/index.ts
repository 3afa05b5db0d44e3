/**
 * Post-processing of a token-classification model's name findings (PERSON, LOCATION, ORGANIZATION). The rules
 * are about English text and spans, not about a particular model, so they help any model: a small model that
 * over-predicts gains most, a strong one loses nothing it had right. One rule a file; order matters:
 *
 * 1. edges: trim punctuation, split at sentence ends (later rules see clean spans);
 * 2. initials: a PERSON made only of initials is extended over the surname after it ("R" -> "R. J. Okafor"), and a
 *    letter alone that no surname follows ("vitamin D", "h" in "4-5 h") is dropped;
 * 3. acronyms: a lone acronym read as a person in mixed-case text ("SSN") is dropped;
 * 4. types (`retyped`): a PERSON that is exactly a known place ("Tucson"; "Eugene" only where the words around say
 *    place) becomes a LOCATION; one that ends in a legal form or organisation word ("Okafor Logistics Ltd")
 *    becomes an ORGANIZATION; capitalised words after a name that end in an organisation word ("Fernhill" +
 *    " Home Care"), a word before it that opens organisation names ("Grupo"), "X support" and "a job at X" make it
 *    an ORGANIZATION (`extendOrganisation`);
 * 5. pieces of one name (`joinedPieces`): findings that only a space separates ("Tomas" + "Lindqvist") and a
 *    family name with the given names after its comma ("HOLLOWAY-BRIGHT, CATHERINE A.") are one name; a PERSON
 *    that is the short name of an organisation in the text ("Brightwater") becomes that ORGANIZATION;
 * 6. addresses: complete cut streets and assemble address pieces into one LOCATION;
 * 7. overlaps: extensions can make findings meet, so overlaps are settled (see `withoutOverlaps`);
 * 8. cues: a name right after a greeting, sign-off or introduction ("Hi Hope,", "Best,\nWill", "my name is
 *    Tomasz") that no finding covers is added as a PERSON (`addCueNames`, after the rest so nothing drops it);
 * 9. known places: a well-known place no finding covers ("Tulsa") is added as a LOCATION (`addKnownPlaces`);
 * 10. repeats: a name found once is found again where the text repeats it, with the family name of a full name
 *    and the short name an organisation is defined by (`("Quorvane")`) (`addRepeatedMentions`).
 *
 * Rules are kept only where switching them off cost F1 on outside dev data (see packages/ner-models/MODEL_CARD.md).
 *
 * Findings of other types pass through untouched; a refined name finding that overlaps one is dropped.
 *
 * Every rule has a stable name (`REFINE_RULES`, its file name) so that it can be switched off on its own:
 * `refineNameFindings(text, findings, recognizer, { skip: new Set(['known-places']) })`, or through
 * `ModelRecognizer`'s `refine: { skip }`. That is for measuring what each rule is worth (benchmarks'
 * `ablate-refine.ts`); a skipped rule leaves findings as they were at its step and the rest still run.
 */
import { ConfigurationError } from '../../errors.js';
import type { Finding } from '../../types.js';
import { isAcronymAsPerson } from './acronyms.js';
import { addCueNames } from './cues.js';
import { addKnownPlaces } from './known-places.js';
import { addRepeatedMentions } from './repeated-mentions.js';
import { joinAdjacentNames } from './adjacent.js';
import { assembleAddresses } from './addresses.js';
import { splitAtSentenceEnds, trimEdges } from './edges.js';
import { completeInitials } from './initials.js';
import { joinInvertedNames } from './inverted-names.js';
import { extendOrganisation } from './organisation-context.js';
import { retypeOrganisation } from './organisations.js';
import { retypePlace } from './places.js';
import { retypeShortOrganisationNames } from './short-names.js';
import { isNameFinding, overlapIndex, withoutOverlaps } from './spans.js';

/**
 * The rules' names, in the order they run (see the header), one a rule file. `edges` is both trimming and the
 * split at sentence ends; `adjacent` also types a joined name again.
 */
export const REFINE_RULES = [
  'edges',
  'initials',
  'acronyms',
  'places',
  'organisations',
  'organisation-context',
  'adjacent',
  'inverted-names',
  'short-names',
  'addresses',
  'cues',
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

/** The finding with the type its words and the words around it give it. */
function retyped(source: string, finding: Finding, on: IsOn): Finding {
  let f = finding;
  if (on('places')) f = retypePlace(source, f);
  if (on('organisations')) f = retypeOrganisation(f);
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
      const whole = piece && (on('initials') ? completeInitials(source, piece) : piece);
      // An acronym the model read as a person in mixed-case text ("SSN") is no name at all: dropped, not retyped.
      if (!whole || (on('acronyms') && isAcronymAsPerson(source, whole))) continue;
      const typed = retyped(source, whole, on);
      refined.push(on('organisation-context') ? extendOrganisation(source, typed) : typed);
    }
  }
  const joined = joinedPieces(source, refined, on);
  const assembled = on('addresses') ? assembleAddresses(source, joined) : joined;
  const settled = withoutOverlaps(assembled);
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
  if (on('known-places')) out = addKnownPlaces(source, out, name);
  if (on('repeated-mentions')) out = addRepeatedMentions(source, out, name);
  return out;
}
