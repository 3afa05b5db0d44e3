/**
 * Names of people the model typed as a place or an organisation ("MARTHA BRANDVOLD" as LOCATION, "Folasade
 * Ogunleye-Barnes" as ORGANIZATION) become PERSON when the words say person: the first is a known given name
 * (no title such as "General" or "Sri", no "Abu" or "San" that open place names; one that is also a town,
 * "Gary", not before a state code: "Charlotte NC"), and each of the one to three words after it is an initial, a name particle ("van", "de")
 * or a capitalised word that is neither an everyday word, a place, a team, a people ("Lankans") nor an
 * organisation word, unless it is a known name. "Victoria Station", "Jordan Valley" (everyday words), "Austin Energy" (organisation word)
 * and "Santa Clara" (a place as a whole) keep their type. The span is kept, so the value stays redacted.
 */
import type { Finding } from '../../types.js';
import { isDictionaryWord } from './dictionary.js';
import { isGivenName, isPersonName, isPlaceName, isStateCode } from './gazetteer.js';
import { endsInOrganisationWord } from './organisations.js';
import { isTitle, lexiconTag, NAME_PARTICLES } from './words.js';

const GIVEN_NAME = /^(?:\p{Lu}[\p{Ll}\p{M}'’]{2,}|\p{Lu}{3,})$/u;
const INITIAL = /^\p{Lu}\.?$/u;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’-]*\p{L}$/u;
/** First words that open places and organisations more often than names ("Abu Dhabi", "Al Jazeera", "San Jose"). */
const PLACE_ARTICLES: ReadonlySet<string> = new Set(['abu', 'al', 'el', 'bin', 'ibn', 'bint', 'ul', 'san', 'santa', 'sao', 'são', 'st']);
/** Lexicon entries that are no family names: teams, companies, places, peoples. */
const NOT_FAMILY_TAGS = /SportsTeam|Organization|Company|Place|City|Country|Region|Demonym/u;
/** Plurals of peoples, faiths and followers ("Lankans", "Catholics", "Islamists", "Shiites"). */
const GROUP_PLURAL = /(?:ans|ics|ists|ites)$/u;

/** Whether a later word of a name may be a family name ("Brandvold", "Ogunleye-Barnes", "Reed"). */
function isFamilyNameWord(word: string): boolean {
  const bare = word.replace(/['’]s$/u, '');
  if (INITIAL.test(bare) || NAME_PARTICLES.has(bare.toLowerCase())) return true;
  if (!NAME_WORD.test(bare) || endsInOrganisationWord(bare) || GROUP_PLURAL.test(bare)) return false;
  if (NOT_FAMILY_TAGS.test(lexiconTag(bare.toLowerCase()) ?? '')) return false;
  if (isPersonName(bare)) return true;
  return !isDictionaryWord(bare.toLowerCase()) && !isPlaceName(bare);
}

/** Whether these words (two to four) read as a person's name: known given name, then family-name words. */
export function readsAsPersonName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const [first, ...rest] = words;
  if (!GIVEN_NAME.test(first!) || isTitle(first!) || PLACE_ARTICLES.has(first!.toLowerCase()) || !isGivenName(first!)) return false;
  // The last word carries the family name: an initial or a particle alone does not make a person.
  const last = rest[rest.length - 1]!;
  if (INITIAL.test(last) || NAME_PARTICLES.has(last.toLowerCase())) return false;
  if (!rest.every(isFamilyNameWord) || isPlaceName(words.join(' '))) return false;
  // A given name that is also a town ("Gary", "Charlotte") needs a family name that is no state code ("Charlotte NC").
  return !isPlaceName(first!) || !isStateCode(last);
}

export function retypePersonName(finding: Finding): Finding {
  if (finding.type !== 'LOCATION' && finding.type !== 'ORGANIZATION') return finding;
  if (!readsAsPersonName(finding.text.trim().split(/\s+/u))) return finding;
  return { ...finding, type: 'PERSON', explanation: [...(finding.explanation ?? []), 'refine: reads as a person name'] };
}
