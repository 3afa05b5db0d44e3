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

describe('initials and lone letters', () => {
  it('completes a first initial over further initials and the surname', () => {
    expect(refined('Minutes taken by R. J. Okafor today', ['PERSON', 'R'])).toEqual([['PERSON', 'R. J. Okafor']]);
  });

  it('drops capital letters without full stops that no surname follows', () => {
    expect(refined('Take vitamin D daily', ['PERSON', 'D'])).toEqual([]);
    expect(refined('He spelled it G B, then stopped', ['PERSON', 'G B'])).toEqual([]);
  });

  it('keeps an initial with its full stop', () => {
    expect(refined('Signed, K. on behalf of the board', ['PERSON', 'K'])).toEqual([['PERSON', 'K']]);
  });
});
