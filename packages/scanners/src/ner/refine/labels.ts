/**
 * Field labels: "Severity: High", "Component: api-gateway", "Attending: Dr. Osei". Forms, tickets, notes and
 * logs put a common word before a colon to say what follows; a model that sees a capitalised word there may
 * call it a name. A one-word finding right before a colon that is an everyday English word (`dictionary.ts` or
 * compromise's lexicon) is a label wherever it stands in its line. Several capitalised words before a colon
 * inside a sentence are more often a name ("... to the Office for Civil Rights: ..."); `closed-class.ts` drops
 * them only where capitals tell nothing. A speaker in a
 * chat or transcript ("Grace:", "Rose:") is written the same way, so a finding with a known given or family
 * name (`gazetteer.ts`) stays, as does one after a title ("Ms. Baker:"). The key of a `key=value` pair
 * ("src=10.0.0.1", "trace=4f1c...") is a field name too.
 */
import type { Finding } from '../../types.js';
import { isDictionaryWord } from './dictionary.js';
import { isPersonName } from './gazetteer.js';
import { isCommonWord } from './words.js';

const BEFORE_COLON = /^[ \t]?:(?!\/\/)/u;
const TITLE_BEFORE = /\b(?:mr|mrs|ms|mx|dr|prof|judge|justice)\.?[ \t]+$/iu;
/** One word of letters: "SEV-1:" and "v2:" are not what this rule is about. */
const ONE_WORD = /^[\p{L}\p{M}'’-]+$/u;

const isEverydayWord = (word: string): boolean => isDictionaryWord(word) || isCommonWord(word);

/** A key of a `key=value` pair in a log line or URL query ("src=", "trace="); `==` compares, so it is left. */
const BEFORE_EQUALS = /^=(?!=)/u;
const KEY = /^[\p{L}\p{M}_-]{1,40}$/u;

export function isFieldLabel(source: string, finding: Finding): boolean {
  // A key names the field that follows it, whatever the word: a name is the value, after the sign.
  if (KEY.test(finding.text) && BEFORE_EQUALS.test(source.slice(finding.end, finding.end + 2))) return true;
  if (!BEFORE_COLON.test(source.slice(finding.end, finding.end + 5))) return false;
  if (!ONE_WORD.test(finding.text) || !isEverydayWord(finding.text.toLowerCase())) return false;
  if (TITLE_BEFORE.test(source.slice(Math.max(0, finding.start - 10), finding.start))) return false;
  return !isPersonName(finding.text);
}
