/**
 * A name that ends in a company's legal form ("Inc.", "GmbH", "B.V.") or in a word that names a kind of
 * organisation ("Foods", "Credit Union", "Hospital"), or starts with a word that opens organisation names
 * ("Grupo", "Banco", see `organisation-context.ts`), is an organisation, whatever type the model gave it: a
 * small model often reads a family name followed by such a word ("Okafor Logistics") as a person. The finding
 * keeps its span and is retyped, so the value stays redacted and gets the right placeholder.
 */
import type { Finding } from '../../types.js';
import { isGivenName } from './gazetteer.js';

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
  // Heads of shop, service and trade names ("Fernhill Home Care", "Osterby Print Studio", "Lakeside Outlet").
  'appliance', 'apparel', 'boutique', 'brewery', 'builders', 'café', 'cafe', 'care', 'catering', 'cleaners',
  'collective', 'consultants', 'cooperative', 'credit', 'dealership', 'diner', 'distributors', 'farms', 'fitness',
  'florist', 'furniture', 'gallery', 'garage', 'goods', 'grill', 'hardware', 'health', 'hotels', 'imports',
  'interiors', 'landscaping', 'law', 'living', 'lodge', 'management', 'market', 'markets', 'mart', 'medical',
  'motel', 'movers', 'nursery', 'optical', 'outfitters', 'outlet', 'payments', 'pizzeria', 'plumbing', 'realtors',
  'rentals', 'resorts', 'salon', 'security', 'shop', 'spa', 'store', 'stores', 'studio', 'supplies', 'supply',
  'tours', 'trading', 'travel', 'veterinary', 'wholesale', 'works',
]);

/** Words that open organisation names ("Grupo Andes", "Banco Sol", "Sparkasse Ulm"). */
const OPENING_WORDS: ReadonlySet<string> = new Set([
  'grupo', 'gruppo', 'groupe', 'grupa', 'banco', 'banca', 'banque', 'bank', 'caja', 'caixa', 'sparkasse',
  'volksbank', 'raiffeisenbank', 'seguros', 'compañía', 'companhia', 'compagnie', 'société', 'sociedad',
  'sociedade', 'industrias', 'laboratorios', 'laboratoires', 'inversiones', 'construcciones', 'constructora',
  'distribuidora', 'importadora', 'comercial', 'transportes', 'editorial', 'editora', 'fundación', 'fundação',
  'fondation', 'stiftung', 'universidad', 'universidade', 'université', 'universität', 'hochschule', 'instituto',
  'institut', 'hospital', 'hôpital', 'klinikum', 'clínica', 'clinique', 'farmacia', 'farmácia', 'pharmacie',
  'colegio', 'escuela', 'escola', 'école', 'lycée', 'gymnasium', 'club', 'clube', 'hotel', 'hôtel',
]);

export const isOpeningWord = (word: string): boolean => OPENING_WORDS.has(word.toLowerCase());

/** Whether a PERSON's first word opens organisation names ("Seguros Andinos", "Sparkasse Ulm"). */
export function startsWithOpeningWord(text: string): boolean {
  const first = /^\p{L}+/u.exec(text)?.[0];
  return first !== undefined && /\s/u.test(text) && isOpeningWord(first);
}

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

/**
 * A known given name and one more word reads as a person even when that word names a kind of organisation:
 * family names are such words too ("Jude Law", "Mary Lodge"). Legal forms are no family names.
 */
export function readsAsPerson(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  const last = words[words.length - 1]!.replace(/[.,;:)]+$/u, '');
  return words.length === 2 && !LEGAL_FORMS.has(last.toLowerCase()) && isGivenName(words[0]!);
}

export function retypeOrganisation(finding: Finding): Finding {
  if (finding.type !== 'PERSON' || !/\s/u.test(finding.text.trim())) return finding;
  if (!endsInOrganisationWord(finding.text) && !startsWithOpeningWord(finding.text)) return finding;
  if (readsAsPerson(finding.text)) return finding;
  return { ...finding, type: 'ORGANIZATION', explanation: [...(finding.explanation ?? []), 'refine: organisation word at the end'] };
}
