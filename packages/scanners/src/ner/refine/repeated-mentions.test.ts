import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { refineNameFindings } from './index.js';

const hit = (text: string, type: string, value: string): Finding => {
  const start = text.indexOf(value);
  return { type, start, end: start + value.length, text: value, score: 0.9, recognizer: 'ner:test' };
};
const repeats = (text: string, ...findings: Finding[]) =>
  refineNameFindings(text, findings, 'ner:test')
    .filter((f) => f.explanation?.includes('refine: the same name elsewhere in the text'))
    .map((f) => [f.type, f.text]);

describe('names said again', () => {
  it('finds the repeats of a name, a family name and a defined short name', () => {
    const complaint = 'Defendant Quorvane Cloudworks, Inc. ("Quorvane") sells payroll software. Quorvane\'s servers leaked data.';
    expect(repeats(complaint, hit(complaint, 'ORGANIZATION', 'Quorvane Cloudworks, Inc.'))).toEqual([['ORGANIZATION', 'Quorvane'], ['ORGANIZATION', 'Quorvane']]);
    const minutes = 'Present: Ingrid Solberg, Tomas Berg. Solberg opened the meeting.';
    expect(repeats(minutes, hit(minutes, 'PERSON', 'Ingrid Solberg'), hit(minutes, 'PERSON', 'Tomas Berg'))).toEqual([['PERSON', 'Solberg']]);
    const chat = 'Lumora: your card is locked.\nYou: why?\nLumora: fraud check.';
    expect(repeats(chat, hit(chat, 'ORGANIZATION', 'Lumora'))).toEqual([['ORGANIZATION', 'Lumora']]);
  });

  it('leaves everyday words, places, titles and longer names alone', () => {
    const text = 'Will Park met Judge Okafor. Will the park open? Judge for yourself.';
    expect(repeats(text, hit(text, 'PERSON', 'Will Park'), hit(text, 'PERSON', 'Judge Okafor'))).toEqual([]);
    const things = 'Social Security Administration wrote. Send the Social Security number, the IBAN and BRIGHTCART.COM receipt. IBAN: none; BRIGHTCART.COM refunded.';
    expect(repeats(things, hit(things, 'ORGANIZATION', 'Social Security'), hit(things, 'LOCATION', 'IBAN'), hit(things, 'ORGANIZATION', 'BRIGHTCART.COM'))).toEqual([]);
    const names = 'Okonjo wrote. Okonjo Foods Ltd replied.';
    expect(repeats(names, hit(names, 'PERSON', 'Okonjo'))).toEqual([]);
  });

  it('handles a megabyte with thousands of findings', () => {
    const unit = 'Ingrid Solberg met Berglund. ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const findings = [hit(text, 'PERSON', 'Ingrid Solberg'), hit(text, 'PERSON', 'Berglund')];
    const out = refineNameFindings(text, findings, 'ner:test');
    expect(out.filter((f) => f.text === 'Ingrid Solberg')).toHaveLength(Math.ceil(1_000_000 / unit.length));
  });
});
