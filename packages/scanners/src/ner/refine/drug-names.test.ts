import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { refineNameFindings } from './index.js';

function refined(text: string, ...hits: Array<[string, string]>): Array<[string, string]> {
  const findings: Finding[] = hits.map(([type, value]) => {
    const start = text.indexOf(value);
    if (start < 0) throw new Error(`test setup: "${value}" not in text`);
    return { type, start, end: start + value.length, text: value, score: 0.8, recognizer: 'ner:test' };
  });
  return refineNameFindings(text, findings).map((f) => [f.type, f.text]);
}

describe('drug names', () => {
  it('drops one-word findings built on a drug-name stem', () => {
    const note = 'Started doxycycline, then Ramipril 5 mg and atorvastatin; metoprolol held.';
    expect(refined(note, ['PERSON', 'doxycycline'], ['PERSON', 'Ramipril'], ['PERSON', 'atorvastatin'], ['ORGANIZATION', 'metoprolol'])).toEqual([]);
  });

  it('keeps given names and multi-word names that merely end like a stem', () => {
    expect(refined('April signed the chart.', ['PERSON', 'April'])).toEqual([['PERSON', 'April']]);
    expect(refined('Seen by Dana Kessler today', ['PERSON', 'Dana Kessler'])).toEqual([['PERSON', 'Dana Kessler']]);
  });
});
