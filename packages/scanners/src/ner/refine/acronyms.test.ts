import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('acronyms typed PERSON', () => {
  it('drops a lone acronym in a mixed-case line', () => {
    expect(refined('Please confirm your SSN and the VLAN id', ['PERSON', 'SSN'], ['PERSON', 'VLAN'])).toEqual([]);
    expect(refined('The gateway masks PANs in logs', ['PERSON', 'PANs'])).toEqual([]);
    expect(refined('Name: Ravi Iyer SSN: 000-00-0000', ['PERSON', 'SSN'])).toEqual([]);
    expect(refined('Date of birth given\nMRN: 5521904\nseen today', ['PERSON', 'MRN'])).toEqual([]);
    expect(refined('Please check that My SSN field is masked', ['PERSON', 'SSN'])).toEqual([]);
    expect(refined('The VIN is on the door', ['PERSON', 'VIN'])).toEqual([]);
  });

  it('keeps known names in capitals, quoted nicknames, split names, shouted lines and other types', () => {
    expect(refined('Signed by Denise NG on Monday', ['PERSON', 'NG'])).toEqual([['PERSON', 'NG']]);
    expect(refined('Paid to KIM last week', ['PERSON', 'KIM'])).toEqual([['PERSON', 'KIM']]);
    expect(refined('Derek "DJ" Okafor called', ['PERSON', 'DJ'])).toEqual([['PERSON', 'DJ']]);
    expect(refined('WITNESS: TBD\nCASE NO. 12', ['PERSON', 'TBD'])).toEqual([['PERSON', 'TBD']]);
    expect(refined('She joined NATO staff', ['ORGANIZATION', 'NATO'])).toEqual([['ORGANIZATION', 'NATO']]);
  });
});
