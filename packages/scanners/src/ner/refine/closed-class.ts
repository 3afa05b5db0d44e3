/**
 * Words that are never names. Closed word classes (pronouns, determiners, conjunctions, prepositions,
 * auxiliaries and modals, interjections, discourse words) are finite, so they are listed; so is the furniture
 * of e-mails, letters and transcripts. A finding made only of such words is dropped ("He", "Or", "I'm sorry",
 * "Re", "Best regards"). Modals that are also first names (Will, May) are left out on purpose.
 *
 * More checks use compromise's lexicon and tagger instead of a list:
 * - proper names are written with a capital letter, so an all-lower-case finding whose every word compromise
 *   knows as a common word ("rows", "portal", "going") is dropped; unknown lower-case words ("kenji") are kept,
 *   since chat users type names in lower case, and so are words the lexicon knows as names ("grace", "mark").
 * - common words right before a colon are a field label ("Host:", "Severity:"), not a speaker's name;
 * - a one-word PERSON at the start of a sentence that compromise reads as a past tense, gerund or adverb
 *   ("Repeated back, ...", "Rebooked as ...") is a verb the model mistook for a name.
 */
import nlp from 'compromise';
import type { Finding } from '../../types.js';
import { endsWithAbbreviation } from './edges.js';
import { lineEndAfter, lineStartBefore } from './spans.js';

const CLOSED_CLASS: ReadonlySet<string> = new Set([
  // pronouns
  'i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'yours', 'yourself', 'yourselves', 'he', 'him', 'his',
  'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'we', 'us', 'our', 'ours', 'ourselves',
  'they', 'them', 'their', 'theirs', 'themselves', 'who', 'whom', 'whose', 'which', 'what', 'whoever',
  'whatever', 'someone', 'somebody', 'something', 'anyone', 'anybody', 'anything', 'everyone', 'everybody',
  'everything', 'nobody', 'nothing', 'none', 'one', 'ones', 'oneself', 'y\'all', 'ya',
  // determiners and quantifiers
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'no', 'every', 'each', 'all', 'both',
  'either', 'neither', 'another', 'other', 'such', 'many', 'much', 'more', 'most', 'few', 'fewer', 'less',
  'least', 'several', 'own',
  // conjunctions and subordinators
  'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'because', 'although', 'though', 'while', 'whereas', 'unless',
  'since', 'than', 'whether', 'as', 'once', 'whenever', 'wherever', 'when', 'where', 'why', 'how', 'then',
  // prepositions
  'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'into', 'onto', 'about', 'above', 'below', 'under',
  'over', 'after', 'before', 'between', 'among', 'through', 'during', 'without', 'within', 'against', 'across',
  'along', 'around', 'behind', 'beyond', 'near', 'per', 'via', 'versus', 'vs', 'upon', 'toward', 'towards',
  'until', 'till', 'off', 'out', 'up', 'down', 'inside', 'outside', 'despite', 'except', 'like', 'unlike',
  // auxiliaries, modals and their contractions
  'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did', 'done', 'have', 'has', 'had',
  'having', 'would', 'shall', 'should', 'can', 'could', 'might', 'must', 'ought', 'won\'t', 'wouldn\'t',
  'don\'t', 'doesn\'t', 'didn\'t', 'can\'t', 'cannot', 'couldn\'t', 'shouldn\'t', 'isn\'t', 'aren\'t', 'wasn\'t',
  'weren\'t', 'haven\'t', 'hasn\'t', 'hadn\'t', 'i\'m', 'i\'ve', 'i\'ll', 'i\'d', 'you\'re', 'you\'ve',
  'you\'ll', 'you\'d', 'he\'s', 'he\'ll', 'he\'d', 'she\'s', 'she\'ll', 'she\'d', 'it\'s', 'we\'re', 'we\'ve',
  'we\'ll', 'we\'d', 'they\'re', 'they\'ve', 'they\'ll', 'they\'d', 'that\'s', 'there\'s', 'here\'s',
  'what\'s', 'let\'s', '\'m', '\'s', '\'re', '\'ve', '\'ll', '\'d', 'n\'t',
  // adverbs of the closed kind
  'not', 'there', 'here', 'now', 'also', 'too', 'very', 'just', 'only', 'even', 'still', 'already', 'again',
  'never', 'always', 'often', 'maybe', 'perhaps',
  // interjections and discourse words
  'yes', 'yeah', 'yep', 'no', 'nope', 'ok', 'okay', 'oh', 'ah', 'aha', 'hi', 'hello', 'hey', 'thanks', 'thank',
  'please', 'sorry', 'well', 'um', 'uh', 'er', 'hmm', 'mm', 'wow', 'alright', 'sure', 'bye', 'goodbye', 'great',
  'right', 'fine', 'cool', 'anyway', 'actually', 'basically', 'indeed', 'welcome', 'congratulations', 'cheers',
  'lol',
  // e-mail, letter and transcript furniture
  're', 'fw', 'fwd', 'cc', 'bcc', 'subject', 'sent', 'wrote', 'dear', 'sincerely', 'regards', 'best', 'kind',
  'warm', 'yours', 'truly', 'faithfully', 'respectfully', 'attn', 'ps', 'q', 'a', 'reply', 'forwarded',
  'message', 'original',
]);

/** Words of a finding: letters, digits, apostrophes and hyphens; other characters separate words. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*|['’][\p{L}]{1,2}/gu;
const ACRONYM = /^\p{Lu}{2,}$/u;

/** The line around a finding (at most 200 characters each side). */
function lineAround(source: string, finding: Finding): string {
  return source.slice(lineStartBefore(source, finding.start, 200), lineEndAfter(source, finding.end, 200));
}

/**
 * The finding's words in lower case. A word in capitals in a line that is not itself in capitals is an acronym
 * ("WHO", "US"), never a closed-class word: it is kept as written so no list matches it.
 */
function words(finding: Finding, shouting: boolean): string[] {
  const list = finding.text.replace(/’/gu, "'").match(WORD) ?? [];
  return list.map((w) => (ACRONYM.test(w) && !shouting ? w : w.toLowerCase()));
}

/**
 * compromise lexicon tags that mark a word as (also) a name: such a word is never treated as common. Units of
 * measurement count as names: many are names (Watt, Kelvin) and products take them ("Lumen").
 */
const NAME_TAGS = /Name|Person|Place|City|Country|Region|Organization|Company|Demonym|ProperNoun|Honorific|Acronym|Unit/u;

let lexicon: Record<string, unknown> | undefined;
function lexiconTag(word: string): string | undefined {
  lexicon ??= ((nlp.model() as { one?: { lexicon?: Record<string, unknown> } }).one?.lexicon ?? {});
  const tag = lexicon[word];
  if (typeof tag === 'string') return tag;
  if (Array.isArray(tag)) return tag.join(',');
  return undefined;
}

const isClosedClass = (word: string): boolean => CLOSED_CLASS.has(word);

/**
 * Suffixes that make abstract nouns and adjectives ("payments", "residency", "admission", "suspicious"). Names
 * with them ("Florence", "Constance") are in compromise's lexicon as names, which is checked first.
 */
const DERIVED_WORD = /^\p{Ll}{3,}(?:(?:tion|sion|ment|ness|ity|ism|ance|ence|ency|ancy|ship|hood|ology)s?|ities|ous|ive|ful|less|able|ible|ical)$/u;

function isCommonWord(possessive: string): boolean {
  if (isClosedClass(possessive)) return true;
  const word = possessive.replace(/'s$/u, '');
  const tag = lexiconTag(word);
  if (tag !== undefined) return !NAME_TAGS.test(tag);
  return word.length <= 40 && DERIVED_WORD.test(word);
}

/**
 * A field label: common words right before a colon ("Host:", "Severity:", "DATE OF ADMISSION:"). A name before
 * a colon (a speaker in a transcript: "Kim:") is not a common word, so it stays.
 */
function isFieldLabel(source: string, finding: Finding, list: string[], capitalsTellNothing: boolean): boolean {
  if (list.length > 3 || !/^[ \t]?:(?!\/\/)/u.test(source.slice(finding.end, finding.end + 4))) return false;
  return capitalsTellNothing && list.every(isCommonWord);
}

/** Start of text, or after a sentence end, a line break, a colon or a list bullet. */
function atSentenceStart(source: string, start: number): boolean {
  let i = start;
  const min = Math.max(0, start - 64);
  while (i > min && /[ \t"“'‘(*•-]/u.test(source[i - 1]!)) i--;
  if (i === 0) return true;
  const before = source[i - 1]!;
  // The full stop of "Mr." or "U.S." ends no sentence.
  return /[!?:\n]/u.test(before) || (before === '.' && !endsWithAbbreviation(source, Math.max(0, i - 13), i - 1));
}

const VERB_LIKE = /PastTense|Gerund|Adverb/u;
/** Particles that follow a verb but not a subject name ("Repeated back", "Rebooked as"; not "Manning said"). */
const PARTICLES: ReadonlySet<string> = new Set(['back', 'away', 'again', 'together', 'forward', 'ahead']);
const NEXT_WORD = /^[ \t]*,?[ \t]*([\p{L}']+)/u;

function isVerbAtSentenceStart(source: string, finding: Finding, list: string[]): boolean {
  if (finding.type !== 'PERSON' || list.length !== 1 || !/^\p{Lu}\p{Ll}+$/u.test(finding.text)) return false;
  if (!atSentenceStart(source, finding.start)) return false;
  // A name at the start of a sentence is its subject, so a verb follows; a preposition, determiner or
  // particle follows a verb used as an imperative or a note ("Rebooked as new transfer").
  const next = NEXT_WORD.exec(source.slice(finding.end, finding.end + 24))?.[1]?.toLowerCase();
  if (next === undefined || !(isClosedClass(next) || PARTICLES.has(next))) return false;
  const word = list[0]!;
  const known = lexiconTag(word);
  // The lexicon files some participles under Adjective ("repeated"); a known -ed word that is no name is one.
  if (known !== undefined) return (VERB_LIKE.test(known) || /ed$/u.test(word)) && !NAME_TAGS.test(known);
  // Unknown words are tagged by their suffix; only -ed, -ing and -ly can make them verbs or adverbs.
  if (!/(?:ed|ing|ly)$/u.test(word)) return false;
  const term = (nlp(word).json() as Array<{ terms?: Array<{ tags?: string[] }> }>)[0]?.terms?.[0];
  const tags = term?.tags ?? [];
  return tags.some((t) => VERB_LIKE.test(t)) && !tags.some((t) => NAME_TAGS.test(t));
}

const VERB_TAGS = /Verb|Tense|Modal|Copula|Auxiliary|Infinitive/u;

/**
 * A common word written with a capital only because it starts a sentence or stands in a heading ("Suspicious
 * activity ...", "MEDICATIONS"). A name there is usually the subject, followed by its verb ("Rice said",
 * "Young was"): such findings are kept, as are words the lexicon knows as names.
 */
function isCommonPhrase(source: string, finding: Finding, list: string[]): boolean {
  // Several capitalised common words together are usually a name ("White House", "District Court").
  if (list.length !== 1 || !isCommonWord(list[0]!)) return false;
  const next = NEXT_WORD.exec(source.slice(finding.end, finding.end + 24))?.[1]?.toLowerCase();
  const nextTag = next === undefined ? undefined : lexiconTag(next);
  return nextTag === undefined || !VERB_TAGS.test(nextTag);
}

/** Lower-case particles of names ("de la Cruz", "van der Meulen", "bin Zayed"): never trimmed or dropped. */
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'bin', 'ibn', 'abu', 'ben', 'bint', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'das',
  'dos', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'y', 'st',
]);
/** Articles may begin a name ("The Hague", "The New York Times"), so only other closed-class words are trimmed. */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
const SPACE_RUN = /\s+/gu;

/**
 * Trims words that cannot be part of a name from the edges of a multi-word finding: closed-class words other
 * than articles ("BrightPath and", "He's Reginald", "Okafor versus") and lower-case common words
 * ("merchant Kowalski Print"). Returns the new bounds, or undefined when nothing is trimmed.
 */
export function trimFunctionWords(source: string, finding: Finding): { start: number; end: number } | undefined {
  if (!/\s/u.test(finding.text)) return undefined;
  const tokens: Array<{ start: number; end: number; word: string }> = [];
  let last = 0;
  for (const gap of finding.text.matchAll(SPACE_RUN)) {
    if (gap.index > last) tokens.push({ start: finding.start + last, end: finding.start + gap.index, word: finding.text.slice(last, gap.index) });
    last = gap.index + gap[0].length;
  }
  if (last < finding.text.length) tokens.push({ start: finding.start + last, end: finding.end, word: finding.text.slice(last) });
  const removable = (token: { start: number; word: string }, leading: boolean): boolean => {
    const bare = token.word.replace(/’/gu, "'").replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, '');
    const lower = bare.toLowerCase();
    if (bare === '' || NAME_PARTICLES.has(lower) || (ACRONYM.test(bare) && bare.length > 1)) return false;
    // A capitalised word is part of the name ("Pan Am") unless the capital is owed to a sentence start.
    const capitalIsNameEvidence = bare !== lower && !(leading && atSentenceStart(source, token.start));
    if (capitalIsNameEvidence) return false;
    if (isClosedClass(lower)) return !(leading && ARTICLES.has(lower));
    return bare === lower && isCommonWord(lower);
  };
  let i = 0;
  let j = tokens.length - 1;
  while (i < j && removable(tokens[i]!, true)) i++;
  while (j > i && removable(tokens[j]!, false)) j--;
  if (i === 0 && j === tokens.length - 1) return undefined;
  return { start: tokens[i]!.start, end: tokens[j]!.end };
}

/** Whether a finding is made only of words that cannot be a name. */
export function isNeverAName(source: string, finding: Finding): boolean {
  const shouting = !/\p{Ll}/u.test(lineAround(source, finding));
  const list = words(finding, shouting);
  if (list.length === 0) return false;
  if (list.every(isClosedClass)) return true;
  const lowerCase = !/\p{Lu}/u.test(finding.text);
  if (lowerCase && list.every(isCommonWord)) return true;
  // Capitals are evidence of a name only inside a sentence, in a line not written in capitals.
  const capitalsTellNothing = lowerCase || shouting || atSentenceStart(source, finding.start);
  if (isFieldLabel(source, finding, list, capitalsTellNothing)) return true;
  if (capitalsTellNothing && !lowerCase && isCommonPhrase(source, finding, list)) return true;
  return isVerbAtSentenceStart(source, finding, list);
}
