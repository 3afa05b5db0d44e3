/**
 * Organisation names the model cut short or read as a person, told by the words around the span:
 * - capitalised words right after the span that end in a word naming a kind of organisation or a legal form
 *   ("Fernhill" + " Home Care", "Osterby" + " Print Studio Ltd") are the rest of the name: the span grows over
 *   them and becomes an ORGANIZATION (at most three words, on the same line);
 * - a capitalised word right before it that opens organisation names in many languages ("Grupo", "Banco",
 *   "Sparkasse", "Groupe"; the list is in `organisations.ts`) is the start of the name, taken in the same way;
 * - a PERSON right before "support", "helpdesk" or "customer service", or right after "a job at", "works at",
 *   "employed by", names an employer or a service, not a person.
 * A given name and a family name that is also such a word ("Jude" + " Law") stay a person.
 * A PERSON becomes an ORGANIZATION either way, so the value stays redacted; only its placeholder changes.
 */
import type { Finding } from '../../types.js';
import { endsInOrganisationWord, isOpeningWord, readsAsPerson } from './organisations.js';
import { isClosedClass } from './words.js';
import { respan } from './spans.js';

/** Words after a name that make it a service or a team ("Acme support"); lower case, as written in prose. */
const SERVICE_AFTER = /^ (?:support|helpdesk|help desk|customer (?:service|support|care))\b/u;

/** Words before a name that make it an employer ("a job at Acme", "works at", "employed by"). */
const EMPLOYER_BEFORE = /\b(?:(?:a |the |new |her |his |my |their )job (?:at|with)|(?:works|worked|working) (?:at|for)|employed (?:at|by)|employer(?: is|,|:)?) $/iu;

const CAPITALISED_WORD = /\p{Lu}[\p{L}\p{M}'’&.-]*/uy;
const MAX_WORDS_AFTER = 3;

/** The capitalised word at `at` (a space before it) and its length with the space, or undefined. */
function wordAfter(source: string, at: number): { bare: string; length: number } | undefined {
  if (source[at] !== ' ') return undefined;
  CAPITALISED_WORD.lastIndex = at + 1;
  const word = CAPITALISED_WORD.exec(source)?.[0];
  if (!word) return undefined;
  // A full stop or comma after the word ends the sentence or the abbreviation; either way it stays outside.
  const bare = word.replace(/[.,]+$/u, '');
  return isClosedClass(bare.toLowerCase()) ? undefined : { bare, length: 1 + bare.length };
}

/**
 * End of the capitalised words after `end` that finish in an organisation word, with the organisation words
 * and legal forms right after that one ("Holdings Ltd"), or undefined.
 */
function organisationWordsEnd(source: string, end: number): number | undefined {
  let at = end;
  let found: number | undefined;
  for (let n = 0; n < MAX_WORDS_AFTER; n++) {
    const word = wordAfter(source, at);
    if (!word) break;
    const isOrganisationWord = endsInOrganisationWord(word.bare);
    if (found !== undefined && !isOrganisationWord) break;
    at += word.length;
    if (isOrganisationWord) found = at;
  }
  return found;
}

/** Start of an opening word right before `start` ("Grupo " before "Andes"), or undefined. */
function openingWordStart(source: string, start: number): number | undefined {
  const before = /(\p{Lu}[\p{L}\p{M}]+) $/u.exec(source.slice(Math.max(0, start - 32), start));
  if (!before || !isOpeningWord(before[1]!)) return undefined;
  return start - before[0].length;
}

const asOrganisation = (f: Finding, note: string): Finding =>
  ({ ...f, type: 'ORGANIZATION', explanation: [...(f.explanation ?? []), note] });

export function extendOrganisation(source: string, finding: Finding): Finding {
  if (finding.type !== 'PERSON' && finding.type !== 'ORGANIZATION') return finding;
  let f = finding;
  const end = organisationWordsEnd(source, f.end);
  if (end !== undefined && !(f.type === 'PERSON' && readsAsPerson(source.slice(f.start, end)))) {
    f = asOrganisation(respan(source, f, f.start, end, 'refine: organisation words after'), 'refine: organisation name');
  }
  const start = openingWordStart(source, f.start);
  if (start !== undefined) {
    f = asOrganisation(respan(source, f, start, f.end, 'refine: organisation word before'), 'refine: organisation name');
  }
  const service = SERVICE_AFTER.test(source.slice(f.end, f.end + 24));
  const employer = EMPLOYER_BEFORE.test(source.slice(Math.max(0, f.start - 32), f.start));
  return f.type === 'PERSON' && (service || employer) ? asOrganisation(f, 'refine: employer or service') : f;
}
