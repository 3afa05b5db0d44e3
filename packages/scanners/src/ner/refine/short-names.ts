/**
 * Short names of organisations. A text names an organisation in full once ("Brightwater Analytics, Inc.", "Harbor
 * Point Bank") and then by its first word or two ("Brightwater", "Harbor Point"); out of that context a small model
 * often reads the short form as a person. A PERSON finding whose text is the first word or two of an
 * ORGANIZATION finding in the same text becomes an ORGANIZATION, unless the text also holds a person's full
 * name ending in it: "Dana Okafor" founded "Okafor Logistics", and "Okafor" alone may be either, so it stays
 * as the model typed it. Retyping keeps the span, so the value stays redacted either way.
 */
import type { Finding } from '../../types.js';

const SPACES = /\s+/u;

/** The first word and the first two words of a name, without the punctuation that follows them. */
function leadingWords(text: string): string[] {
  const words = text.split(SPACES).map((w) => w.replace(/[,;:]+$/u, ''));
  const out = words[0] ? [words[0]] : [];
  if (words.length > 2) out.push(`${words[0]} ${words[1]}`);
  return out;
}

export function retypeShortOrganisationNames(findings: readonly Finding[]): Finding[] {
  const shortForms = new Set<string>();
  const surnames = new Set<string>();
  for (const f of findings) {
    if (f.type === 'ORGANIZATION' && SPACES.test(f.text)) for (const w of leadingWords(f.text)) shortForms.add(w);
  }
  if (shortForms.size === 0) return [...findings];
  for (const f of findings) {
    if (f.type === 'PERSON' && SPACES.test(f.text) && !shortForms.has(f.text)) surnames.add(f.text.split(SPACES).pop()!);
  }
  return findings.map((f) => {
    if (f.type !== 'PERSON' || !shortForms.has(f.text) || surnames.has(f.text.split(SPACES).pop()!)) return f;
    return { ...f, type: 'ORGANIZATION', explanation: [...(f.explanation ?? []), 'refine: short name of an organisation in the text'] };
  });
}
