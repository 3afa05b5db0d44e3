import { describe, expect, it } from 'vitest';
import { findContextWord } from './context.js';
import { LayoutContext } from './layout-context.js';
import { usPassportRecognizer } from './us-passport.js';
import { usSsnRecognizer } from './us-ssn.js';

const headerAbove = (text: string, value: string) => new LayoutContext(text).headerCell(text.indexOf(value));

describe('LayoutContext', () => {
  it('finds the header cell above a value in CSV, TSV and pipe tables', () => {
    expect(headerAbove('name,ssn,passport\nAnn,x1,y1\nBob,x2,y2', 'y2')).toBe('passport');
    expect(headerAbove('name\tssn\tpassport\nAnn\tx1\ty1', 'x1')).toBe('ssn');
    expect(headerAbove('a,b,c\n1,2,3\n4,x1,6', 'x1')).toBe('b');
    expect(headerAbove('| name | ssn | passport |\n|---|---|---|\n| Ann | x1 | y1 |', 'y1')).toBe(' passport ');
  });

  it('ignores delimiters inside quotes and aligns rows with stray delimiters from the right', () => {
    const csv = 'id,name,address,ssn,passport\n7,"Doe, Ann","1 Main St, Town",x1,y1\n8,NGUYEN, VAN,"2 Elm St, Town",x2,y2';
    expect(headerAbove(csv, 'x1')).toBe('ssn');
    expect(headerAbove(csv, 'y2')).toBe('passport');
  });

  it('has no header for prose, for the header row itself, or when the top row is data', () => {
    expect(headerAbove('just a line of prose with x1 in it', 'x1')).toBeUndefined();
    expect(headerAbove('name,ssn,passport\nAnn,x1,y1', 'ssn')).toBeUndefined();
    expect(headerAbove('Ann,123456789,y0\nBob,x1,y1', 'x1')).toBeUndefined();
    expect(headerAbove('We met Ann, her brother, and the whole family of the groom,\nthen Bob, x1, and y1 arrived', 'x1')).toBeUndefined();
  });

  it('stops the table at a line that is not a row', () => {
    const text = 'a,ssn,c\n1,2,3\n\nfree text\nname,phone,passport\nAnn,x1,y1';
    expect(headerAbove(text, 'x1')).toBe('phone');
  });

  it('reports a header match as context of a fixed distance', () => {
    const text = 'name,ssn,dob\nAnn,x1,2000';
    const start = text.indexOf('x1');
    expect(findContextWord(text, start, start + 2, { words: ['ssn'], boost: 0.3 }, new LayoutContext(text))).toEqual({
      word: 'ssn', distance: 2, inColumnHeader: true,
    });
  });
});

describe('list headings', () => {
  const notes = [
    '- Passport details for the delegation list (needed by Wednesday):',
    '    Rafaela Duarte: 675170426',
    '    Kenji Watanabe-Ortiz: E02426407',
    '- Registration opens Monday',
    '    Ticket: 912803456',
  ].join('\n');

  it('finds the colon-ended heading above an indented item', () => {
    const table = new LayoutContext(notes);
    expect(table.listHeadingAt(notes.indexOf('E02426407'))).toMatch(/^- Passport details/);
    expect(table.listHeadingAt(notes.indexOf('912803456'))).toBeUndefined();
    expect(table.listHeadingAt(notes.indexOf('Registration'))).toBeUndefined();
  });

  it('lets a heading label the items under it', () => {
    const found = usPassportRecognizer().analyze(notes);
    expect(found.map((f) => f.text)).toEqual(['675170426', 'E02426407']);
    expect(found[1]?.explanation).toContain('context word "passport" (list heading) +0.32');
  });
});

describe('column headers as recognizer context', () => {
  const csv = [
    'member_id,name,phone,ssn,dl,passport',
    'LHP-1,"NGUYEN, VAN",(971) 244-1876,550887207,,660242029',
    'LHP-2,KIM,360-352-7719,564257437,WDLZ36QM682N,A32367862',
  ].join('\n');

  it('finds plain 9-digit SSNs and passports under their column headers', () => {
    expect(usSsnRecognizer().analyze(csv).map((f) => f.text)).toEqual(['550887207', '564257437']);
    const passports = usPassportRecognizer().analyze(csv);
    expect(passports.map((f) => f.text)).toEqual(['660242029', 'A32367862']);
    expect(passports[0]?.explanation).toContain('context word "passport" (column header) +0.36');
  });

  it('does not take a value from another column', () => {
    expect(usPassportRecognizer().analyze(csv).map((f) => f.text)).not.toContain('550887207');
  });

  it('is linear on a large table', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},Name,${100 + (i % 500)}${10 + (i % 80)}${1000 + (i % 9000)}`);
    const big = ['id,name,ssn', ...rows].join('\n');
    expect(usSsnRecognizer().analyze(big)).toHaveLength(20_000);
  });
});
