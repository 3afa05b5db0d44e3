import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { refineNameFindings } from './index.js';
import { NAME_PAIR_SCORE } from './given-name-pairs.js';

const added = (text: string, findings: Finding[] = []) =>
  refineNameFindings(text, findings, 'ner:test').filter((f) => f.score === NAME_PAIR_SCORE && f.type === 'PERSON').map((f) => [f.type, f.text]);

describe('known given names with a family name the model missed', () => {
  it('adds a PERSON for a given name and family-name words', () => {
    expect(added('The treasurer, Desmond Ferrago, signed the minutes.')).toEqual([['PERSON', 'Desmond Ferrago']]);
    expect(added('PLAINTIFF v. MARTHA BRANDVOLD, Defendant')).toEqual([['PERSON', 'MARTHA BRANDVOLD']]);
    expect(added('Uncle, Dmitri Volkonsky-Hale, lives nearby.')).toEqual([['PERSON', 'Dmitri Volkonsky-Hale']]);
    expect(added('Send it to Dr. Helen Marchetti today')).toEqual([['PERSON', 'Helen Marchetti']]);
  });

  it('adds nothing for places, organisations, everyday words or what a finding covers', () => {
    expect(added('We met at Victoria Station and then at Jordan Valley')).toEqual([]);
    expect(added('Invoices from Desmond Ferrago Consulting are late')).toEqual([]);
    expect(added('She lives in Santa Clara now')).toEqual([]);
    expect(added('The Grace Period Policy applies')).toEqual([]);
    expect(added('North Desmond Ferrago Park is closed')).toEqual([]);
    expect(added('hazel moreno wrote back')).toEqual([]);
    const text = 'Desmond Ferrago called';
    expect(added(text, [{ type: 'LOCATION', start: 0, end: 13, text: 'Desmond Ferrago', score: 0.9, recognizer: 'ner:test' }])).toEqual([]);
  });

  it('handles a megabyte of names and of capitalised runs', () => {
    const text = 'Desmond Ferrago and '.repeat(20_000) + 'Abc Def Ghi '.repeat(40_000);
    const result = refineNameFindings(text, [], 'ner:test');
    expect(result).toHaveLength(20_000);
    expect(result.every((f) => f.text === 'Desmond Ferrago' && text.slice(f.start, f.end) === f.text)).toBe(true);
    expect(refineNameFindings(`Gordon ${'A'.repeat(1_000_000)}`, [], 'ner:test')).toEqual([]);
  });
});

describe('known given names as the subject of what people do', () => {
  const subjects = (text: string, findings: Finding[] = []) =>
    refineNameFindings(text, findings, 'ner:test').filter((f) => f.score === NAME_PAIR_SCORE && f.type === 'PERSON').map((f) => f.text);

  it('adds a lone given name before a verb of a person', () => {
    expect(subjects('Minutes. Florian asked about the budget.')).toEqual(['Florian']);
    expect(subjects('- Will said the vendor is late')).toEqual(['Will']);
    expect(subjects('Update: Ingrid flagged two issues')).toEqual(['Ingrid']);
  });

  it('adds nothing for months, places, titles, other verbs or what a finding covers', () => {
    expect(subjects('In May said changes apply')).toEqual([]);
    expect(subjects('Jordan said it would close the border')).toEqual([]);
    expect(subjects('General said nothing')).toEqual([]);
    expect(subjects('Will this work?')).toEqual([]);
    expect(subjects('Florian asked', [{ type: 'PERSON', start: 0, end: 8, text: 'Florian', score: 0.9, recognizer: 'ner:test' }])).toEqual([]);
  });

  it('adds the sentence after a name that ends with a full stop', () => {
    expect(subjects('It was Cornelius. Cornelius Ashdown. Noted.')).toContain('Cornelius Ashdown');
  });
});
