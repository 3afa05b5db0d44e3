/**
 * What refinement knows about words: the closed classes (listed: they are finite), which words are common
 * rather than names (compromise's lexicon, then derivational suffixes), and where a capital letter is evidence
 * of a name (inside a sentence, in a line not written in capitals) and where it is not.
 */
import { compromise } from '../compromise.js';
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

/** The line around a finding (at most 200 characters each side). */
export function lineAround(source: string, finding: Finding): string {
  return source.slice(lineStartBefore(source, finding.start, 200), lineEndAfter(source, finding.end, 200));
}

/**
 * compromise lexicon tags that mark a word as (also) a name: such a word is never treated as common. Units of
 * measurement count as names: many are names (Watt, Kelvin) and products take them ("Lux").
 */
const NAME_TAGS = /Name|Person|Place|City|Country|Region|Organization|Company|Demonym|ProperNoun|Honorific|Acronym|Unit/u;

let lexicon: Record<string, unknown> | undefined;
export function lexiconTag(word: string): string | undefined {
  lexicon ??= ((compromise().model() as { one?: { lexicon?: Record<string, unknown> } }).one?.lexicon ?? {});
  const tag = lexicon[word];
  if (typeof tag === 'string') return tag;
  if (Array.isArray(tag)) return tag.join(',');
  return undefined;
}

export const isClosedClass = (word: string): boolean => CLOSED_CLASS.has(word);

/**
 * Suffixes that make abstract nouns and adjectives ("payments", "residency", "admission", "suspicious"). Names
 * with them ("Florence", "Constance") are in compromise's lexicon as names, which is checked first.
 */
const DERIVED_WORD = /^\p{Ll}{3,}(?:(?:tion|sion|ment|ness|ity|ism|ance|ence|ency|ancy|ship|hood|ology)s?|ities|ous|ive|ful|less|able|ible|ical)$/u;

export function isCommonWord(possessive: string): boolean {
  if (isClosedClass(possessive)) return true;
  const word = possessive.replace(/'s$/u, '');
  const tag = lexiconTag(word);
  if (tag !== undefined) return !NAME_TAGS.test(tag);
  return word.length <= 40 && DERIVED_WORD.test(word);
}

/** A gap between columns of a table, a form or a log: a tab, or two spaces. */
const COLUMN_GAP = /\t| {2}/u;

/**
 * Start of text, or after a sentence end, a line break, a colon, a list bullet, a table's `|`, a `>`, a column
 * gap ("MRN: 0773    Attending"), a CSV comma or a time or number that opens the line ("14:02:11 Bridge
 * opened"): each starts a new field, so a capital there is owed to the position.
 */
export function atSentenceStart(source: string, start: number): boolean {
  let i = start;
  const min = Math.max(0, start - 64);
  while (i > min && /[ \t"“'‘(*•-]/u.test(source[i - 1]!)) i--;
  if (i === 0) return true;
  const before = source[i - 1]!;
  if (COLUMN_GAP.test(source.slice(i, start))) return true;
  // A comma with no space after it separates the cells of a CSV row ("Tanabe Kogyo,Procurement,...").
  if (before === ',' && i === start) return true;
  // A line that so far holds only a time, a date or a number ("14:02:11 Socket closed", "2024-03-01 Backup").
  if (/\d/u.test(before)) {
    const newline = source.slice(min, i).lastIndexOf('\n');
    const lineStart = newline === -1 ? (min === 0 ? 0 : -1) : min + newline + 1;
    if (lineStart >= 0 && LINE_PREFIX.test(source.slice(lineStart, i))) return true;
  }
  // The full stop of "Mr." or "U.S." ends no sentence; ">" starts a quoted line or the next step of a menu path.
  return /[!?:|>\n]/u.test(before) || (before === '.' && !endsWithAbbreviation(source, Math.max(0, i - 13), i - 1));
}

/** Times, dates and numbers that open a log line or a list item. */
const LINE_PREFIX = /^[\d\s:.\-/\[\]()#,+]+$/u;

/** Titles and honorifics before a name ("Dr.", "General", "Sheikh", "Sri"); some are given names too. */
const TITLE = /^(?:mr|mrs|ms|mx|miss|dr|prof|sir|dame|lord|lady|judge|justice|sen|senator|rep|gov|governor|gen|general|capt|captain|col|colonel|maj|major|lt|sgt|sergeant|admiral|officer|agent|detective|det|father|fr|rev|reverend|bishop|cardinal|sister|brother|president|minister|chancellor|chairman|chief|king|queen|prince|princess|emperor|pope|saint|st|sheikh|shaikh|sheik|emir|sultan|imam|ayatollah|mullah|rabbi|sri|shri|smt)\.?$/iu;

export const isTitle = (word: string): boolean => TITLE.test(word);

/** Lower-case particles of names ("de la Cruz", "van der Meulen", "al-Rashid", "d'Alene"): kept in names. */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'bin', 'ibn', 'abu', 'ben', 'bint', 'd', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'das',
  'dos', 'du', 'la', 'le', 'van', 'von', 'ten', 'ter', 'y', 'st',
]);
