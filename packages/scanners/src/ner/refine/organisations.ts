/**
 * A name that ends in a company's legal form ("Inc.", "GmbH", "B.V.") or in a word that names a kind of
 * organisation ("Foods", "Credit Union", "Hospital") is an organisation, whatever type the model gave it: a
 * small model often reads a family name followed by such a word ("Okafor Logistics") as a person. The finding
 * keeps its span and is retyped, so the value stays redacted and gets the right placeholder.
 */
import type { Finding } from '../../types.js';

const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'llc', 'l.l.c', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'gmbh', 'ag',
  'kg', 'b.v', 'bv', 'n.v', 'nv', 's.a', 's.a.s', 'sas', 'sarl', 's.l', 'plc', 'llp', 'lp', 'lda', 'pty', 'pte',
  'oy', 'spa', 's.p.a', 's.r.l', 'srl', 'kk', 'k.k', 'bhd', 'sdn', 'ulc', 'pllc', 'p.c', 'a/s', 'as', 'asa',
]);

const ORGANISATION_KINDS: ReadonlySet<string> = new Set([
  'group', 'holdings', 'partners', 'associates', 'industries', 'enterprises', 'ventures', 'capital', 'bank',
  'bancorp', 'union', 'insurance', 'assurance', 'logistics', 'solutions', 'systems', 'technologies', 'labs',
  'laboratories', 'services', 'consulting', 'pharma', 'pharmaceuticals', 'hospital', 'clinic', 'university',
  'college', 'school', 'academy', 'foundation', 'institute', 'agency', 'council', 'ministry', 'department',
  'airlines', 'airways', 'motors', 'energy', 'telecom', 'networks', 'software', 'studios', 'foods', 'bakery',
  'restaurant', 'printing', 'realty', 'properties', 'construction', 'engineering', 'manufacturing', 'media',
  'publishing', 'press', 'freight', 'shipping', 'transport', 'healthcare', 'dental', 'orthopedics', 'pediatrics',
  'radiology', 'cardiology', 'neurology', 'pharmacy', 'appliances', 'electronics', 'auto', 'automotive',
]);

function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && /[.,;:)\s]/u.test(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !/\s/u.test(text[start - 1]!)) start--;
  return text.slice(start, end).toLowerCase();
}

/** Whether `text` ends in a legal form or an organisation word ("Ltd.", "Bank", "Software"). */
export function endsInOrganisationWord(text: string): boolean {
  const word = lastWord(text);
  return LEGAL_FORMS.has(word) || ORGANISATION_KINDS.has(word);
}

export function retypeOrganisation(finding: Finding): Finding {
  if (finding.type !== 'PERSON' || !/\s/u.test(finding.text.trim())) return finding;
  if (!endsInOrganisationWord(finding.text)) return finding;
  return { ...finding, type: 'ORGANIZATION', explanation: [...(finding.explanation ?? []), 'refine: organisation word at the end'] };
}
