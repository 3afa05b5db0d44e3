import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { refineNameFindings } from './index.js';

const places = (text: string, findings: Finding[] = []) =>
  refineNameFindings(text, findings, 'ner:test').filter((f) => f.explanation?.includes('refine: known place')).map((f) => f.text);

describe('well-known places the model left alone', () => {
  it('adds cities, states and countries that no finding covers', () => {
    expect(places('Moving to Tulsa in May, then on')).toEqual(['Tulsa']);
    expect(places('user=42 geo=Omaha rule=7')).toEqual(['Omaha']);
    expect(places('We ship to Oregon, Idaho and Sweden.')).toEqual(['Oregon', 'Idaho', 'Sweden']);
    expect(places('She moved to Las Vegas last year')).toEqual(['Las Vegas']);
  });

  it('adds nothing inside longer names, for everyday words and names, or where a finding is', () => {
    expect(places('Tickets for the Denver Broncos game')).toEqual([]);
    expect(places('An account with Bank of Ireland')).toEqual([]);
    expect(places('Reading the file; Sparks flew; Jordan said so')).toEqual([]);
    expect(places('12 Main Street')).toEqual([]);
    expect(places('Flew to Denver', [{ type: 'LOCATION', start: 8, end: 14, text: 'Denver', score: 0.9, recognizer: 'ner:test' }])).toEqual([]);
  });

  it('handles a megabyte of capitalised words', () => {
    const text = 'Denver and '.repeat(50_000) + 'Abc Def Ghi Jkl '.repeat(30_000);
    expect(places(text)).toHaveLength(50_000);
  });
});
