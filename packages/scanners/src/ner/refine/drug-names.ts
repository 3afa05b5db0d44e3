/**
 * Drug names typed as names ("clarithromycin", "Enalapril", "atorvastatin"). Generic drug names are built from
 * the stems of the USAN / INN naming schemes (-mycin antibiotics, -pril ACE inhibitors, -statin, -olol, -sartan,
 * ...), which no personal name ends in: of some 28,000 given and family names in @faker-js/faker's locales only
 * "April" does, and known given names are kept. A one-word finding ending in such a stem is a drug: no PII.
 */
import type { Finding } from '../../types.js';
import { isGivenName } from './gazetteer.js';

const DRUG_STEM =
  /^\p{L}{2,30}(?:mycin|micin|cillin|floxacin|cycline|sartan|olol|dipine|statin|prazole|tidine|azepam|azolam|oxetine|triptan|navir|ciclovir|tinib|zumab|ximab|parin|semide|thiazide|formin|gliptin|glitazone|profen|pril)$/iu;

export function isDrugName(finding: Finding): boolean {
  return DRUG_STEM.test(finding.text) && !isGivenName(finding.text);
}
