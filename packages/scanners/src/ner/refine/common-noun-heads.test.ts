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

describe('names ending in a plural common noun', () => {
  it('retypes them as organisations', () => {
    expect(refined('She runs Maple Grove Kennels near town.', ['PERSON', 'Maple Grove Kennels'])).toEqual([['ORGANIZATION', 'Maple Grove Kennels']]);
    expect(refined('Booked through Bluewater Holidays again.', ['PERSON', 'Bluewater Holidays'])).toEqual([['ORGANIZATION', 'Bluewater Holidays']]);
  });

  it('keeps persons: given names, initials, titles, family names and singular heads', () => {
    expect(refined('Ask Gary Banks about it.', ['PERSON', 'Gary Banks'])).toEqual([['PERSON', 'Gary Banks']]);
    expect(refined('Ask J. Fields about it.', ['PERSON', 'J. Fields'])).toEqual([['PERSON', 'J. Fields']]);
    expect(refined('Ask Dr. Fields about it.', ['PERSON', 'Dr. Fields'])).toEqual([['PERSON', 'Dr. Fields']]);
    expect(refined('Minister Silvan Shalom spoke.', ['PERSON', 'Silvan Shalom'])).toEqual([['PERSON', 'Silvan Shalom']]);
    expect(refined('Commander Agha Shah was there.', ['PERSON', 'Agha Shah'])).toEqual([['PERSON', 'Agha Shah']]);
  });
});
