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

describe('camel-case brands', () => {
  it('retypes a one-word camel-case PERSON as an organisation', () => {
    expect(refined('I paid through ParcelHub yesterday', ['PERSON', 'ParcelHub'])).toEqual([['ORGANIZATION', 'ParcelHub']]);
  });

  it('keeps names with a capital after a prefix, and multi-word names', () => {
    for (const name of ['McAllister', 'MacLeod', 'DeShawn', 'LaToya', 'DiMaggio', 'VanDyke', 'LeBlanc']) {
      expect(refined(`Ask ${name} today`, ['PERSON', name])).toEqual([['PERSON', name]]);
    }
    expect(refined('Ask Rosa DeLuca today', ['PERSON', 'Rosa DeLuca'])).toEqual([['PERSON', 'Rosa DeLuca']]);
  });
});
