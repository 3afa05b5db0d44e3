import type { Finding } from '../../../types.js';
import { refineNameFindings } from '../index.js';

/** Refines findings over the first occurrence of each value, as a model would return them; gives [type, text]. */
export function refined(text: string, ...hits: Array<[string, string]>): Array<[string, string]> {
  const findings: Finding[] = hits.map(([type, value]) => {
    const start = text.indexOf(value);
    if (start < 0) throw new Error(`test setup: "${value}" not in text`);
    return { type, start, end: start + value.length, text: value, score: 0.8, recognizer: 'ner:test' };
  });
  return refineNameFindings(text, findings).map((f) => [f.type, f.text]);
}
