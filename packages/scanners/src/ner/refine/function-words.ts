/**
 * Edges of a multi-word finding: models often take a neighbouring function word or a lower-case common noun
 * into a name ("Quorvane and", "He's Anselm", "merchant Osterby Print"). Such words are trimmed off the
 * edges; articles may begin a name ("The Hague") and stay, as do name particles and capitalised words whose
 * capital is not owed to a sentence start ("Pan Am"). In a finding with capitals, lower-case dictionary words
 * and lone letters are trimmed too ("Previous pediatrician", "x Linen").
 */
import type { Finding } from '../../types.js';
import { isDictionaryWord } from './dictionary.js';
import { isGivenName } from './gazetteer.js';
import { ACRONYM, atSentenceStart, isClosedClass, isCommonWord, NAME_PARTICLES } from './words.js';

/** A lower-case word of everyday English that is no given name, or a lone letter ("x Linen"). */
function isEverydayLowerCaseWord(word: string): boolean {
  return /^\p{Ll}$/u.test(word) || (isDictionaryWord(word) && !isGivenName(word));
}

/** Articles may begin a name ("The Hague", "The New York Times"), so only other closed-class words are trimmed. */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
const SPACE_RUN = /\s+/gu;

/**
 * Trims words that cannot be part of a name from the edges of a multi-word finding: closed-class words other
 * than articles ("Quorvane and", "He's Anselm", "Okafor versus") and lower-case common words
 * ("merchant Osterby Print"). Returns the new bounds, or undefined when nothing is trimmed.
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
  // In a finding with capitals, a name's words are capitalised; a lower-case everyday word there is no part of
  // it ("Previous pediatrician", "File deleted"). All-lower-case findings keep theirs: chat users type
  // "jess tran", and "jess" is a word too.
  const cased = /\p{Lu}/u.test(finding.text);
  const removable = (token: { start: number; word: string }, leading: boolean): boolean => {
    const bare = token.word.replace(/’/gu, "'").replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, '');
    const lower = bare.toLowerCase();
    if (bare === '' || NAME_PARTICLES.has(lower) || (ACRONYM.test(bare) && bare.length > 1)) return false;
    // A capitalised word is part of the name ("Pan Am") unless the capital is owed to a sentence start.
    const capitalIsNameEvidence = bare !== lower && !(leading && atSentenceStart(source, token.start));
    if (capitalIsNameEvidence) return false;
    if (isClosedClass(lower)) return !(leading && ARTICLES.has(lower));
    if (bare !== lower) return false;
    return isCommonWord(lower) || (cased && isEverydayLowerCaseWord(lower));
  };
  let i = 0;
  let j = tokens.length - 1;
  while (i < j && removable(tokens[i]!, true)) i++;
  while (j > i && removable(tokens[j]!, false)) j--;
  if (i === 0 && j === tokens.length - 1) return undefined;
  return { start: tokens[i]!.start, end: tokens[j]!.end };
}

