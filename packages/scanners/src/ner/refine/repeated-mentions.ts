/**
 * Names said again. A text that names someone or something once usually names it again, and a small model finds
 * some mentions and misses others: a complaint defines `Quorvane Cloudworks, Inc. ("Quorvane")` and then writes
 * "Quorvane sells ...", minutes say "Ingrid Solberg" once and "Solberg" later. Every name a finding holds, the
 * family name of a PERSON of several words, and the short name an organisation is given in quotes right after it
 * (`("Quorvane")`) are looked for again: a whole-word repeat that no finding covers and that is not part of a
 * longer run of capitalised words gets the same type. Only distinctive strings travel: capitalised letters
 * (no domains or codes), four or more, no short acronym ("IBAN"), not only everyday words ("Social Security"),
 * and for one word no everyday word, title or place name ("Will", "Judge", "Jordan"). The text is scanned once, looking each run of up to four capitalised words up in a map,
 * so a megabyte with thousands of findings costs linear time.
 */
import type { Finding } from '../../types.js';
import { isDictionaryWord } from './dictionary.js';
import { isPlaceName } from './gazetteer.js';
import { ADDED_NAME_SCORE, overlapIndex, withAdded } from './spans.js';
import { isClosedClass, isTitle } from './words.js';

const MAX_WORDS = 4;
const REPEATED_EXPLANATION = ['refine: the same name elsewhere in the text'];

interface Word {
  text: string;
  start: number;
  end: number;
}
/** Letters, with spaces, hyphens, apostrophes and "&" between them: no domains or codes ("BESTBUY.COM"). */
const TRAVELLING_NAME = /^\p{Lu}[\p{L}\p{M}'’&-]*(?: [\p{L}\p{M}'’&-]+){0,3}$/u;
/** Short words in capitals stand for many things ("IBAN", "SSN", "ACME"). */
const ACRONYM = /^\p{Lu}{2,5}$/u;
/** `("Quorvane")` or `(the "Quorvane")` right after an organisation's full name. */
const DEFINED_TERM = /^,?[ \t]{0,2}\((?:the |collectively, )?["“]([^"”\n]{2,40})["”]\)/u;
// Capitalised words, and the rest cut before any capital, so a quoted name is a word of its own: ("Quorvane").
const WORD = /\p{Lu}[\p{L}\p{M}'’.&-]*|[^\s\p{Lu}]+/gu;

function travels(name: string): boolean {
  if (name.length < 4 || !TRAVELLING_NAME.test(name) || ACRONYM.test(name)) return false;
  const words = name.split(' ');
  // Everyday words together name things as often as names ("Social Security number").
  if (words.length > 1) return !words.every((w) => isDictionaryWord(w.toLowerCase()) || isClosedClass(w.toLowerCase()));
  const lower = name.toLowerCase();
  return !isClosedClass(lower) && !isTitle(name) && !isDictionaryWord(lower) && !isPlaceName(name);
}

/** Names to look for again, with the type each gets. */
function namesToRepeat(source: string, findings: readonly Finding[]): Map<string, string> {
  const names = new Map<string, string>();
  const add = (name: string, type: string) => {
    const clean = name.replace(/['’]s$/u, '').replace(/[.,;:]+$/u, '');
    if (travels(clean) && !names.has(clean)) names.set(clean, type);
  };
  for (const f of findings) {
    if (f.type !== 'PERSON' && f.type !== 'ORGANIZATION' && f.type !== 'LOCATION') continue;
    add(f.text, f.type);
    const words = f.text.split(/\s+/u);
    if (f.type === 'PERSON' && words.length > 1) add(words[words.length - 1]!, 'PERSON');
    if (f.type === 'ORGANIZATION') {
      const term = DEFINED_TERM.exec(source.slice(f.end, f.end + 56))?.[1];
      if (term && f.text.startsWith(term.split(' ')[0]!)) add(term, 'ORGANIZATION');
    }
  }
  return names;
}

export function addRepeatedMentions(source: string, findings: readonly Finding[], recognizer: string): Finding[] {
  const names = namesToRepeat(source, findings);
  if (names.size === 0) return [...findings];
  const covered = overlapIndex(findings);
  // The words are read through a window of MAX_WORDS + 1 ahead and one behind, never listed whole: a long
  // document has millions of them, and holding them all at once was most of a 5 MB scan's peak memory.
  const next = source.matchAll(WORD);
  const ahead: Word[] = [];
  let behind: Word | undefined;
  const fill = () => {
    while (ahead.length <= MAX_WORDS) {
      const m = next.next();
      if (m.done) return;
      ahead.push({ text: m.value[0], start: m.value.index, end: m.value.index + m.value[0].length });
    }
  };
  const capitalised = (word: Word | undefined) => word !== undefined && /^\p{Lu}/u.test(word.text);
  const added: Finding[] = [];
  for (fill(); ahead.length > 0; behind = ahead.shift(), fill()) {
    const first = ahead[0]!;
    if (!capitalised(first) || (capitalised(behind) && !isTitle(behind!.text) && !/[.:!?]$/u.test(behind!.text))) continue;
    for (let n = Math.min(MAX_WORDS, ahead.length); n >= 1; n--) {
      const last = ahead[n - 1]!;
      const span = source.slice(first.start, last.end);
      const name = span.replace(/['’]s$/u, '').replace(/[.,;:)]+$/u, '');
      const type = names.get(name);
      if (type === undefined || capitalised(ahead[n]) && source[last.end] === ' ') continue;
      const candidate: Finding = {
        type, start: first.start, end: first.start + name.length, text: name, score: ADDED_NAME_SCORE, recognizer,
        explanation: REPEATED_EXPLANATION,
      };
      const previous = added[added.length - 1];
      if (!covered(candidate) && !(previous && previous.end > candidate.start)) added.push(candidate);
      break;
    }
  }
  return withAdded(findings, added);
}
