/**
 * Findings that cannot be names. A finding made only of closed-class words (pronouns, determiners,
 * conjunctions, prepositions, auxiliaries and modals, interjections, discourse words) or of e-mail, letter and
 * transcript furniture is dropped ("He", "Or", "I'm sorry", "Re", "Best regards"); the lists are in `words.ts`.
 *
 * More checks use compromise's lexicon and tagger instead of a list (see `words.ts` for what counts as a common
 * word). Proper names are written with a capital letter, so:
 * - an all-lower-case finding whose every word is a common or dictionary word ("rows", "portal", "going",
 *   "dashboard"; the dictionary is in `dictionary.ts`) is dropped; unknown
 *   lower-case words ("kenji") are kept, since chat users type names in lower case, and so are words the
 *   lexicon knows as names ("grace", "mark");
 * - where a capital tells nothing (a sentence start, a line in capitals), common words before a colon are a
 *   field label ("Host:", "Severity:"), and a single common word not followed by a verb is no name
 *   ("Suspicious activity", "MEDICATIONS"); a name there is a subject followed by its verb ("Rice said");
 * - a one-word PERSON at the start of a sentence that compromise reads as a past tense, gerund or adverb
 *   ("Repeated back, ...", "Rebooked as ...") is a verb the model mistook for a name.
 */
import { compromise } from '../compromise.js';
import type { Finding } from '../../types.js';
import { isDictionaryWord } from './dictionary.js';
import { isGivenName, isPersonName, isPlaceName } from './gazetteer.js';
import { atSentenceStart, findingWords, isClosedClass, isCommonWord, isPersonVerb, lexiconTag, lineAround, NAME_TAGS, nextWord } from './words.js';

/**
 * A field label: common words right before a colon ("Host:", "Severity:", "DATE OF ADMISSION:"). A name before
 * a colon (a speaker in a transcript: "Kim:") is not a common word, so it stays; nor does a known name that is
 * also a word ("Rose:"), see `isSpeaker`.
 */
function isFieldLabel(source: string, finding: Finding, list: string[], capitalsTellNothing: boolean): boolean {
  if (list.length > 3 || !/^[ \t]?:(?!\/\/)/u.test(source.slice(finding.end, finding.end + 4))) return false;
  return capitalsTellNothing && list.every(isCommonWord);
}

/** A speaker in a chat or transcript: one known given or family name before a colon ("Rose:", "Grace:"). */
function isSpeaker(source: string, finding: Finding, list: string[]): boolean {
  return list.length === 1 && /^[ \t]?:(?!\/\/)/u.test(source.slice(finding.end, finding.end + 4)) && isPersonName(list[0]!);
}

const VERB_LIKE = /PastTense|Gerund|Adverb/u;
/** Particles that follow a verb but not a subject name ("Repeated back", "Rebooked as"; not "Manning said"). */
const PARTICLES: ReadonlySet<string> = new Set(['back', 'away', 'again', 'together', 'forward', 'ahead']);

function isVerbAtSentenceStart(source: string, finding: Finding, list: string[]): boolean {
  if (finding.type !== 'PERSON' || list.length !== 1 || !/^\p{Lu}\p{Ll}+$/u.test(finding.text)) return false;
  if (!atSentenceStart(source, finding.start)) return false;
  // A name at the start of a sentence is its subject, so a verb follows; a preposition, determiner or
  // particle follows a verb used as an imperative or a note ("Rebooked as new transfer").
  const next = nextWord(source, finding.end);
  if (next === undefined || !(isClosedClass(next) || PARTICLES.has(next))) return false;
  const word = list[0]!;
  const known = lexiconTag(word);
  // The lexicon files some participles under Adjective ("repeated"); a known -ed word that is no name is one.
  if (known !== undefined) return (VERB_LIKE.test(known) || /ed$/u.test(word)) && !NAME_TAGS.test(known);
  // Unknown words are tagged by their suffix; only -ed, -ing and -ly can make them verbs or adverbs.
  if (!/(?:ed|ing|ly)$/u.test(word)) return false;
  const term = (compromise()(word).json() as Array<{ terms?: Array<{ tags?: string[] }> }>)[0]?.terms?.[0];
  const tags = term?.tags ?? [];
  return tags.some((t) => VERB_LIKE.test(t)) && !tags.some((t) => NAME_TAGS.test(t));
}

const VERB_TAGS = /Verb|Tense|Modal|Copula|Auxiliary|Infinitive/u;


/**
 * A common word written with a capital only because it starts a sentence or stands in a heading ("Suspicious
 * activity ...", "MEDICATIONS"). A name there is usually the subject, followed by its verb ("Rice said",
 * "Young was"): such findings are kept, as are words the lexicon knows as names; a dictionary word no list
 * knows as a name is kept only before a verb of speaking, thinking or meeting ("Manning said"). For a PERSON, dictionary
 * words count as common too unless they are known person or place names ("Docket No.", "Procurement
 * team"); organisations are often named by a common noun ("Army officials", "Treasury Secretary").
 */
function isCommonPhrase(source: string, finding: Finding, list: string[]): boolean {
  // Several capitalised common words together are usually a name ("White House", "District Court").
  if (list.length !== 1) return false;
  const word = list[0]!;
  const dictionaryWordAsPerson = finding.type === 'PERSON' && isDictionaryWord(word) && !isPersonName(word) && !isPlaceName(word);
  if (!isCommonWord(word) && !dictionaryWordAsPerson) return false;
  const next = nextWord(source, finding.end);
  // A dictionary word that no list knows as a name is a person only before what people do: speak, think, meet
  // ("Downer said", "Cheek told"); before other verbs it is a thing ("Socket closed", "Lantern flickered").
  if (dictionaryWordAsPerson) return next === undefined || !isPersonVerb(next);
  const nextTag = next === undefined ? undefined : lexiconTag(next);
  return nextTag === undefined || !VERB_TAGS.test(nextTag);
}

/**
 * A lower-case word that is no name: a common word, or a dictionary word that compromise's lexicon does not know
 * as a name ("grace", "mark" stay names; "trace", "dashboard" do not).
 */
function isLowerCaseWord(word: string): boolean {
  if (isCommonWord(word)) return true;
  const tag = lexiconTag(word);
  return !(tag !== undefined && NAME_TAGS.test(tag)) && !isGivenName(word) && isDictionaryWord(word);
}

/** Whether a finding is made only of words that cannot be a name. */
export function isNeverAName(source: string, finding: Finding): boolean {
  const shouting = !/\p{Ll}/u.test(lineAround(source, finding));
  const list = findingWords(finding, shouting);
  if (list.length === 0) return false;
  if (list.every(isClosedClass)) return true;
  if (isSpeaker(source, finding, list)) return false;
  const lowerCase = !/\p{Lu}/u.test(finding.text);
  if (lowerCase && list.every(isLowerCaseWord)) return true;
  // Capitals are evidence of a name only inside a sentence, in a line not written in capitals.
  const capitalsTellNothing = lowerCase || shouting || atSentenceStart(source, finding.start);
  if (isFieldLabel(source, finding, list, capitalsTellNothing)) return true;
  if (capitalsTellNothing && !lowerCase && isCommonPhrase(source, finding, list)) return true;
  return isVerbAtSentenceStart(source, finding, list);
}
