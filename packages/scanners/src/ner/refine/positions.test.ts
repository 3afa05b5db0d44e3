import { describe, expect, it } from 'vitest';
import { atSentenceStart } from './words.js';

describe('where a capital tells nothing', () => {
  it('counts table cells and column gaps as starts, not words inside a sentence', () => {
    const row = 'INC-2291 | Submitted 2024-05-02 | owner Lina';
    expect(atSentenceStart(row, row.indexOf('Submitted'))).toBe(true);
    const form = 'MRN: 55120    Ward 4B';
    expect(atSentenceStart(form, form.indexOf('Ward'))).toBe(true);
    const csv = 'Rui Matsuda,Matsuda Seiki,Purchasing,a@b.example';
    expect(atSentenceStart(csv, csv.indexOf('Purchasing'))).toBe(true);
    const list = 'Ana, Ward and Kemal';
    expect(atSentenceStart(list, list.indexOf('Ward'))).toBe(false);
    const prose = 'We met Ward at noon';
    expect(atSentenceStart(prose, prose.indexOf('Ward'))).toBe(false);
    const log = 'ok\n09:41:07 Socket closed by peer';
    expect(atSentenceStart(log, log.indexOf('Socket'))).toBe(true);
    const menu = 'Go to Preferences > Display and pick one';
    expect(atSentenceStart(menu, menu.indexOf('Display'))).toBe(true);
    const dated = 'On 12 May Ward called';
    expect(atSentenceStart(dated, dated.indexOf('Ward'))).toBe(false);
  });
});
