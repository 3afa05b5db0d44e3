import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { refineNameFindings } from './index.js';

function refined(text: string, ...hits: Array<[string, string, number?]>): Array<[string, string]> {
  const findings: Finding[] = hits.map(([type, value, nth = 0]) => {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.indexOf(value, start + 1);
    if (start < 0) throw new Error(`test setup: "${value}" not in text`);
    return { type, start, end: start + value.length, text: value, score: 0.8, recognizer: 'ner:test' };
  });
  return refineNameFindings(text, findings).map((f) => [f.type, f.text]);
}

describe('short names of organisations', () => {
  it('retypes a person that is the first word or two of an organisation named in the text', () => {
    const text = 'Brightwater Analytics, Inc. ("Brightwater") lost the files. Later Brightwater said nothing.';
    expect(refined(text, ['ORGANIZATION', 'Brightwater Analytics, Inc.'], ['PERSON', 'Brightwater', 1], ['PERSON', 'Brightwater', 2])).toEqual([
      ['ORGANIZATION', 'Brightwater Analytics, Inc.'], ['ORGANIZATION', 'Brightwater'], ['ORGANIZATION', 'Brightwater'],
    ]);
    expect(refined('Call Harbor Point Mutual now; Harbor Point will pay.', ['ORGANIZATION', 'Harbor Point Mutual'], ['PERSON', 'Harbor Point', 1])).toEqual([
      ['ORGANIZATION', 'Harbor Point Mutual'], ['ORGANIZATION', 'Harbor Point'],
    ]);
  });

  it('keeps a surname that a person in the text carries, and persons without such an organisation', () => {
    const text = 'Dana Okafor founded Okafor Freight Lines. Okafor said so.';
    expect(refined(text, ['PERSON', 'Dana Okafor'], ['ORGANIZATION', 'Okafor Freight Lines'], ['PERSON', 'Okafor', 2])).toEqual([
      ['PERSON', 'Dana Okafor'], ['ORGANIZATION', 'Okafor Freight Lines'], ['PERSON', 'Okafor'],
    ]);
    expect(refined('Ines met Tobias.', ['PERSON', 'Ines'], ['PERSON', 'Tobias'])).toEqual([['PERSON', 'Ines'], ['PERSON', 'Tobias']]);
  });
});
