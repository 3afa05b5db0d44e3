import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('family name first', () => {
  it('joins a family name and the given names and initials after its comma', () => {
    expect(refined('Patient: OKONJO-BAINES, MARGARET L.  Room 4', ['PERSON', 'OKONJO-BAINES'], ['PERSON', 'MARGARET L.'])).toEqual([
      ['PERSON', 'OKONJO-BAINES, MARGARET L.'],
    ]);
    expect(refined('row 7,van Dijk, Anna,1990-01-02', ['PERSON', 'van Dijk'], ['PERSON', 'Anna'])).toEqual([['PERSON', 'van Dijk, Anna']]);
  });

  it('leaves lists of full names, lists of given names and places before names apart', () => {
    expect(refined('Present: Ana Duarte, Kwame Osei', ['PERSON', 'Ana Duarte'], ['PERSON', 'Kwame Osei'])).toEqual([
      ['PERSON', 'Ana Duarte'], ['PERSON', 'Kwame Osei'],
    ]);
    expect(refined('Thanks Rose, Anna will call', ['PERSON', 'Rose'], ['PERSON', 'Anna'])).toEqual([['PERSON', 'Rose'], ['PERSON', 'Anna']]);
    expect(refined('Okafor, Lindqvist and Brandt signed', ['PERSON', 'Okafor'], ['PERSON', 'Lindqvist'])).toEqual([['PERSON', 'Okafor'], ['PERSON', 'Lindqvist']]);
    expect(refined('In Leeds, Michael spoke first', ['LOCATION', 'Leeds'], ['PERSON', 'Michael'])).toEqual([['LOCATION', 'Leeds'], ['PERSON', 'Michael']]);
  });
});
