/**
 * Names that a cue phrase introduces. Letters and chats name people right after a greeting ("Hi Hope,", "Dear
 * Ms. Varga:"), below a sign-off ("Best,\nWill") and after an introduction ("my name is Tomasz", "goes by
 * 'Kit'", "a/k/a Nico"). A small model often skips such a lone given name, and where it is also an everyday word
 * ("Hope", "Will") refinement would drop it anyway. After a cue, a capitalised word is a name unless it is a
 * closed-class word, a weekday or month, a title, or an everyday word that is not a known given name ("Hi team",
 * "Dear Customer", "Thanks, everyone", "Hello World" add nothing). The finding is added only where no finding of
 * any type covers the text already.
 *
 * Greetings and sign-offs count only at the start of a line or sentence and only when punctuation or the line
 * end closes the name, so "Hi Rosa Street Clinic" or "Thanks Will do" add nothing; introductions need no closing
 * mark ("my name is Rosa and I ..."). "named" and "called" also name groups, missions and products ("a group
 * called ...", "the so-called ..."), so after them only a known person name or a titled surname counts. Lower-case
 * names are taken only after "my name is", "name was", "goes by" and "named", in a line written all in lower case
 * (chat), or when the word is a known given name that is no everyday word ("said his name was eddie"). A cue is
 * read as people write it ("thanks", "Thanks", "THANKS", not "tHanks"). Every pattern is bounded, so a megabyte
 * of cues costs linear time.
 */
import type { Finding } from '../../types.js';
import { isDictionaryWord } from './dictionary.js';
import { isGivenName, isPersonName, isPlaceName } from './gazetteer.js';
import { lineEndAfter, lineStartBefore, overlapIndex, withAdded } from './spans.js';
import { atSentenceStart, isClosedClass, isCommonWord, lexiconTag } from './words.js';

/** Score of a name found by its cue alone: below the model's usual scores, above typical thresholds. */
export const CUE_NAME_SCORE = 0.7;

type CueKind = 'greeting' | 'sign-off' | 'introduction' | 'turn';

interface Cue {
  kind: CueKind;
  /** "my name is kenji": a lower-case name is taken in a chat line written all in lower case. */
  lowerCase: boolean;
  /** "named", "called" also name groups, missions and products: only a known person name or a title counts. */
  knownNameOnly: boolean;
  /** Aliases are often written in capitals ("a/k/a \"NICO\""). */
  acronym: boolean;
}

/**
 * Longer phrases come first in each alternation so "best regards" is not read as "best". Case-insensitive: the
 * cue may be written in capitals ("BEST REGARDS,") or in lower case; the name's case is checked separately.
 */
const CUE = new RegExp(
  [
    '(?<![\\p{L}\\p{N}\'’-])(?:',
    '(?<greeting>good[ \\t]{1,3}(?:morning|afternoon|evening)|hello|hiya|hey|hi|dear)',
    '|(?<signoff>best[ \\t]{1,3}regards|kind[ \\t]{1,3}regards|warm(?:est)?[ \\t]{1,3}regards|many[ \\t]{1,3}thanks|thank[ \\t]{1,3}you|thanks|regards|cheers|sincerely|best[ \\t]{1,3}wishes|best|—|--)',
    '|(?<selfintro>my[ \\t]{1,3}name[ \\t]{1,3}is|(?:his|her|their)[ \\t]{1,3}name[ \\t]{1,3}(?:is|was)|name\'s|goes[ \\t]{1,3}by)',
    '|(?<naming>named|called)',
    '|(?<alias>a/k/a|a\\.k\\.a\\.|aka)',
    '|(?<turn>this[ \\t]{1,3}is)',
    ')(?![\\p{L}\\p{N}])',
  ].join(''),
  'giu',
);

/** What may stand between a cue and its name. */
const GREETING_GAP = /[ \t]{0,3},?[ \t]{1,3}/y;
const SIGN_OFF_SAME_LINE_GAP = /[ \t]{0,3}[,!.][ \t]{1,3}/y;
const SIGN_OFF_NEXT_LINE_GAP = /[ \t]{0,3}[,!.]?[ \t]{0,3}(?:\r?\n[ \t]{0,8}){1,2}/y;
const DASH_GAP = /[ \t]{0,3}/y;
const INTRO_GAP = /[ \t]{1,3}["“'‘]?/y;
const TURN_GAP = /[ \t]{1,3}/y;

/** Titles before the name ("Dear Dr. Okafor"): skipped, as the span of a name holds no title. */
const TITLE = /(?:mr|mrs|ms|miss|mx|dr|prof)\.?[ \t]{1,3}/iy;
const INITIAL = /\p{Lu}\.[ \t]?/uy;
/** A capitalised word, "O'Brien" and "Mary-Jane" included; the lookahead keeps "Rosa's" as "Rosa". */
const CAPITALISED_WORD = /\p{Lu}(?:['’]\p{Lu})?[\p{L}\p{M}]{1,24}(?:-\p{Lu}[\p{L}\p{M}]{1,24})?(?![\p{L}\p{M}\p{N}_]|-[\p{L}\p{N}])/uy;
const LOWER_CASE_WORD = /\p{Ll}[\p{Ll}\p{M}]{1,24}(?:-\p{Ll}[\p{Ll}\p{M}]{1,24})?(?![\p{L}\p{M}\p{N}_]|-[\p{L}\p{N}])/uy;
const WORD_SPACE = /[ \t]/y;
/** What closes a name after a greeting or sign-off: punctuation, the line end or the end of the text. */
const GREETING_END = /[ \t]{0,3}(?:[,!.?;:]|\r?\n|$)/y;
const SIGN_OFF_END = /[ \t]{0,3}(?:[,!.?;:|(–—-]|\r?\n|$)/y;
/** A greeting right before "this is" in the same turn ("Hi, this is Rosa"). */
const GREETING_BEFORE = /(?:hello|hi|hey|morning|afternoon|evening)[ \t]{0,3}[,!.]?[ \t]{1,3}$/iu;

/**
 * Brands written in camel case ("WhatsApp", "KindHearts") are no people. Personal names have a capital inside a
 * word only after a prefix: Mc/Mac ("McAllister"), O'/D' and Romance or Dutch particles written together
 * ("DeShawn", "LaToya", "DiMaggio", "VanDyke", "LeBlanc"), or in hyphenated and apostrophe names.
 */
const CAMEL_CASE = /^\p{Lu}\p{Ll}+\p{Lu}[\p{L}\p{M}]*$/u;
const NAME_PREFIX = /^(?:Mc|Mac|Fitz|De|Da|Di|Du|Del|Della|La|Le|Lo|Van|Von|Ten|Ter|St|San|Santa|Al|El|Ben|Abu|Bin)\p{Lu}/u;
const isCamelCaseBrand = (text: string): boolean => CAMEL_CASE.test(text) && !NAME_PREFIX.test(text);

const CALENDAR: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
/** Forms of address that are no name ("Dear Sir or Madam", "Hi Doc"). */
const ADDRESS_WORDS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'madame', 'ma\'am', 'maam', 'doc', 'doctor',
  'professor', 'officer', 'judge', 'team', 'all', 'everyone', 'everybody', 'folks', 'guys', 'friends', 'colleagues',
]);
const NON_PERSON_TAGS = /Organization|Company|Place|City|Country|Region|Demonym|Month|WeekDay|Date/u;

/** Matches `re` (sticky) at `at`; the end offset, or -1. */
function stickyEnd(re: RegExp, source: string, at: number): number {
  re.lastIndex = at;
  const m = re.exec(source);
  return m ? at + m[0].length : -1;
}

interface Line {
  lowerCase: boolean;
  shouting: boolean;
}

function lineAt(source: string, at: number): Line {
  const line = source.slice(lineStartBefore(source, at, 120), lineEndAfter(source, at, 120));
  return { lowerCase: !/\p{Lu}/u.test(line), shouting: !/\p{Ll}/u.test(line) };
}

/**
 * Whether `word` can be (part of) a name after a cue. `known` says whether an everyday word is still a name:
 * a known given name for the first word ("Hope", "Will"), any known person name for a surname ("Price").
 */
function isNameWord(word: string, line: Line, cue: Cue, known: (w: string) => boolean): boolean {
  const lower = word.toLowerCase();
  if (isClosedClass(lower) || CALENDAR.has(lower) || ADDRESS_WORDS.has(lower)) return false;
  // In a line of mixed case, a word in capitals is an acronym ("Thanks, IT", "Hi HR", "XDR-TB").
  if (!/\p{Ll}/u.test(word) && !line.shouting && !cue.acronym) return false;
  const tag = lexiconTag(lower);
  if (tag !== undefined && NON_PERSON_TAGS.test(tag) && !isGivenName(word)) return false;
  const everyday = isCommonWord(lower) || isDictionaryWord(lower) || lower.split('-').some((part) => isClosedClass(part) || CALENDAR.has(part));
  return !everyday || known(word);
}

/**
 * "his name was eddie": after a self-introduction a lower-case word is a name in a chat line written all in
 * lower case, and elsewhere when it is a known given name and no everyday word.
 */
function lowerCaseNameAllowed(source: string, at: number, cue: Cue, line: Line): boolean {
  if (!cue.lowerCase) return false;
  if (line.lowerCase) return true;
  const end = stickyEnd(LOWER_CASE_WORD, source, at);
  if (end < 0) return false;
  const word = source.slice(at, end);
  return isGivenName(word) && !isCommonWord(word) && !isDictionaryWord(word);
}

/** The name after a cue, starting at `at`, as [start, end], or undefined. */
function nameAt(source: string, at: number, cue: Cue): [number, number] | undefined {
  const titleEnd = stickyEnd(TITLE, source, at);
  const titled = titleEnd > 0 && stickyEnd(CAPITALISED_WORD, source, titleEnd) > 0;
  const start = titled ? titleEnd : at;
  const line = lineAt(source, start);
  const lowerCase = !titled && lowerCaseNameAllowed(source, start, cue, line);
  const wordRe = lowerCase ? LOWER_CASE_WORD : CAPITALISED_WORD;

  // "J. Okafor": an initial, then the surname, which must be a name as a surname would.
  const initialEnd = lowerCase ? -1 : stickyEnd(INITIAL, source, start);
  const firstStart = initialEnd > 0 && stickyEnd(wordRe, source, initialEnd) > 0 ? initialEnd : start;
  const firstEnd = stickyEnd(wordRe, source, firstStart);
  if (firstEnd < 0) return undefined;
  const first = source.slice(firstStart, firstEnd);
  const firstKnown = firstStart === start ? isGivenName : isPersonName;
  if (!isNameWord(first, line, cue, firstKnown)) return undefined;
  if (cue.knownNameOnly && !titled && !isPersonName(first)) return undefined;

  // Up to two more words ("Mary Ann Okafor"), each of which must pass as a surname; longest first.
  const ends = [firstEnd];
  for (let more = 0; more < 2 && firstStart === start; more++) {
    const spaceEnd = stickyEnd(WORD_SPACE, source, ends[0]!);
    const wordEnd = spaceEnd > 0 ? stickyEnd(wordRe, source, spaceEnd) : -1;
    if (wordEnd < 0 || !isNameWord(source.slice(spaceEnd, wordEnd), line, cue, isPersonName)) break;
    ends.unshift(wordEnd);
  }

  const closing = cue.kind === 'greeting' ? GREETING_END : cue.kind === 'sign-off' ? SIGN_OFF_END : undefined;
  const end = ends.find((e) => !closing || stickyEnd(closing, source, e) >= 0);
  if (end === undefined) return undefined;
  const text = source.slice(start, end);
  // A known place after a cue ("called Boston") is no person, unless it is also a given name ("Hi Austin");
  // a word in camel case is a brand ("named KindHearts").
  if (isPlaceName(text) && !isGivenName(first)) return undefined;
  if (isCamelCaseBrand(text)) return undefined;
  return [start, end];
}

/** Where the name after `cue` may start: past each gap its kind allows; -1 where a gap does not match. */
function gapEnds(source: string, cue: Cue, cueText: string, cueEnd: number): number[] {
  switch (cue.kind) {
    case 'greeting':
      return [stickyEnd(GREETING_GAP, source, cueEnd)];
    case 'sign-off': {
      const sameLine = cueText === '—' || cueText === '--' ? DASH_GAP : SIGN_OFF_SAME_LINE_GAP;
      return [stickyEnd(SIGN_OFF_NEXT_LINE_GAP, source, cueEnd), stickyEnd(sameLine, source, cueEnd)];
    }
    case 'introduction':
      return [stickyEnd(INTRO_GAP, source, cueEnd)];
    case 'turn':
      return [stickyEnd(TURN_GAP, source, cueEnd)];
  }
}

function cueOf(groups: Record<string, string | undefined>): Cue {
  const cue = (kind: CueKind, lowerCase = false, knownNameOnly = false, acronym = false): Cue => ({ kind, lowerCase, knownNameOnly, acronym });
  if (groups['greeting'] !== undefined) return cue('greeting');
  if (groups['signoff'] !== undefined) return cue('sign-off');
  if (groups['turn'] !== undefined) return cue('turn');
  if (groups['selfintro'] !== undefined) return cue('introduction', true);
  if (groups['naming'] !== undefined) return cue('introduction', true, true);
  return cue('introduction', false, false, true);
}

/** Whether the cue `text` at `at` may introduce a name where it stands. */
function cueCounts(source: string, cue: Cue, text: string, at: number): boolean {
  // Written as people write it: "thanks", "Thanks" or "THANKS", not "tHanks" (a piece of an identifier).
  if (!text.split(/[ \t]+/u).every((w) => w === w.toUpperCase() || w.slice(1) === w.slice(1).toLowerCase())) return false;
  if (cue.kind === 'greeting' || cue.kind === 'sign-off') return atSentenceStart(source, at);
  if (cue.kind === 'turn') return atSentenceStart(source, at) || GREETING_BEFORE.test(source.slice(Math.max(0, at - 16), at));
  // "Aka" with a capital is a name itself ("spokesman Aka Bian"); the alias cue is "aka", "AKA" or "a/k/a".
  return text !== 'Aka';
}

/**
 * The findings with a PERSON added for each name a cue introduces that no finding covers. Added findings carry
 * the recognizer of the findings around them (the model's), so every refined finding names the same source.
 */
export function addCueNames(source: string, findings: readonly Finding[], recognizer?: string): Finding[] {
  const covered = overlapIndex(findings);
  const name = recognizer ?? findings.find((f) => f.type === 'PERSON')?.recognizer ?? findings[0]?.recognizer ?? 'refine:cues';
  const added: Finding[] = [];
  CUE.lastIndex = 0;
  for (let m = CUE.exec(source); m !== null; m = CUE.exec(source)) {
    const cue = cueOf(m.groups ?? {});
    if (!cueCounts(source, cue, m[0], m.index)) continue;
    for (const at of gapEnds(source, cue, m[0], m.index + m[0].length)) {
      const span = at < 0 ? undefined : nameAt(source, at, cue);
      if (!span) continue;
      const [start, end] = span;
      const candidate: Finding = {
        type: 'PERSON',
        start,
        end,
        text: source.slice(start, end),
        score: CUE_NAME_SCORE,
        recognizer: name,
        explanation: [`refine: name after a ${cue.kind} cue`],
      };
      const last = added[added.length - 1];
      if (!covered(candidate) && !(last && last.end > start)) added.push(candidate);
      break;
    }
  }
  return withAdded(findings, added);
}
