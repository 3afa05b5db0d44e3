import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('numerals and suffixes next to names', () => {
  it('drops section numerals and suffixes that stand alone', () => {
    expect(refined('costs as the court allows. V. JURY DEMAND follows', ['PERSON', 'V'])).toEqual([]);
    expect(refined('as pleaded in Count II of the complaint', ['PERSON', 'II'])).toEqual([]);
    expect(refined('Respectfully, Kwame Asante, Esq. 12 Main Street', ['PERSON', 'Kwame Asante'], ['PERSON', 'Esq'])).toEqual([['PERSON', 'Kwame Asante']]);
  });

  it('keeps numerals and suffixes of a name, and a name that looks like a numeral', () => {
    expect(refined('King Letsie III spoke', ['PERSON', 'Letsie III'])).toEqual([['PERSON', 'Letsie III']]);
    expect(refined('Ask Vi about it', ['PERSON', 'Vi'])).toEqual([['PERSON', 'Vi']]);
  });
});
