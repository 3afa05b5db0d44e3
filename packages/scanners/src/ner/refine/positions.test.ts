import { describe, expect, it } from 'vitest';
import { atSentenceStart } from './words.js';
import { refined } from './__fixtures__/refined.js';

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

  it('drops a dictionary word before a verb that things do, keeps one before what people do', () => {
    expect(refined('ok\n09:41:07 Socket closed by peer', ['PERSON', 'Socket'])).toEqual([]);
    expect(refined('Notes.\nLantern flickered twice.', ['PERSON', 'Lantern'])).toEqual([]);
    expect(refined('Notes.\nManning said it twice.', ['PERSON', 'Manning'])).toEqual([['PERSON', 'Manning']]);
  });

  it('drops a capitalised dictionary word typed PERSON at such a start unless a verb follows or it is a known name', () => {
    expect(refined('Case 14 | Docket pending | Clerk: Amara Osei', ['PERSON', 'Docket'], ['PERSON', 'Amara Osei'])).toEqual([
      ['PERSON', 'Amara Osei'],
    ]);
    expect(refined('Notes.\nProcurement team approved it.', ['PERSON', 'Procurement'])).toEqual([]);
    expect(refined('Notes.\nHunter signed the form.', ['PERSON', 'Hunter'])).toEqual([['PERSON', 'Hunter']]);
    expect(refined('Notes.\nDuval, the agent, signed.', ['PERSON', 'Duval'])).toEqual([['PERSON', 'Duval']]);
  });

  it('leaves organisations named by a common noun', () => {
    expect(refined('Report.\nArmy officials declined to comment.', ['ORGANIZATION', 'Army'])).toEqual([['ORGANIZATION', 'Army']]);
  });
});
