/**
 * Names that end in a plural common noun ("Lotus Petal Nails", "Sunrise Holidays", "Copperline Outfitters",
 * "Harbor Lights") name businesses and groups, not people: a person's name ends in a family name, and a family
 * name that is also a plural word ("Banks", "Mills", "Fields") is in the name lists or follows a given name.
 * So a PERSON of several capitalised words becomes an ORGANIZATION when its last word and that word's singular
 * are everyday words that no name list knows as a name, and its first word is neither a known given name
 * ("Gary Banks"), an initial ("J. Banks") nor a title ("Dr. Banks"). Singular heads are left alone: family
 * names from many languages are English words too ("Shah", "Sultan", "Shalom", "Rock"). The span is kept, so
 * the value stays redacted either way.
 */
import type { Finding } from '../../types.js';
import { isDictionaryWord } from './dictionary.js';
import { isGivenName, isPersonName } from './gazetteer.js';
import { isTitle } from './words.js';

const INITIAL = /^\p{Lu}\.?$/u;
const CAPITALISED_WORDS = /^\p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*){1,3}$/u;

export function retypeCommonNounName(finding: Finding): Finding {
  if (finding.type !== 'PERSON' || !CAPITALISED_WORDS.test(finding.text)) return finding;
  const words = finding.text.split(' ');
  const first = words[0]!;
  const last = words[words.length - 1]!.replace(/['’]s$/u, '');
  if (INITIAL.test(first) || isTitle(first) || isGivenName(first)) return finding;
  const head = last.toLowerCase();
  // A plural: the word and its singular are both everyday words ("Nails", "Holidays", "Outfitters").
  const singular = /^\p{Ll}{2,}[^s]s$/u.test(head) ? head.slice(0, -1) : undefined;
  if (!singular || !isDictionaryWord(head) || !isDictionaryWord(singular) || isPersonName(last) || isPersonName(singular)) return finding;
  return { ...finding, type: 'ORGANIZATION', explanation: [...(finding.explanation ?? []), 'refine: ends in a common noun'] };
}
