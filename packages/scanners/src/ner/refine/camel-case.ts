/**
 * Brands written in camel case ("WhatsApp", "CoinHarbor", "PayPal") are organisations and products, not
 * people. Personal names have a capital inside a word only after a prefix: Mc/Mac ("McAllister"), O'/D' and
 * Romance or Dutch particles written together ("DeShawn", "LaToya", "DiMaggio", "VanDyke", "LeBlanc"), or in
 * hyphenated and apostrophe names, which are split there. A one-word PERSON with a capital after a lower-case
 * letter, not after such a prefix, becomes an ORGANIZATION; the span is kept, so the value stays redacted.
 */
import type { Finding } from '../../types.js';

const CAMEL_CASE = /^\p{Lu}\p{Ll}+\p{Lu}[\p{L}\p{M}]*$/u;
const NAME_PREFIX = /^(?:Mc|Mac|Fitz|De|Da|Di|Du|Del|Della|La|Le|Lo|Van|Von|Ten|Ter|St|San|Santa|Al|El|Ben|Abu|Bin)\p{Lu}/u;

export function retypeCamelCaseBrand(finding: Finding): Finding {
  if (finding.type !== 'PERSON' || !CAMEL_CASE.test(finding.text) || NAME_PREFIX.test(finding.text)) return finding;
  return { ...finding, type: 'ORGANIZATION', explanation: [...(finding.explanation ?? []), 'refine: camel-case brand'] };
}
