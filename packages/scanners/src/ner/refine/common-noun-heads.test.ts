import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('names ending in a plural common noun', () => {
  it('retypes them as organisations', () => {
    expect(refined('She runs Maple Grove Kennels near town.', ['PERSON', 'Maple Grove Kennels'])).toEqual([['ORGANIZATION', 'Maple Grove Kennels']]);
    expect(refined('Booked through Bluewater Holidays again.', ['PERSON', 'Bluewater Holidays'])).toEqual([['ORGANIZATION', 'Bluewater Holidays']]);
  });

  it('keeps persons: given names, initials, titles, family names and singular heads', () => {
    expect(refined('Ask Gary Banks about it.', ['PERSON', 'Gary Banks'])).toEqual([['PERSON', 'Gary Banks']]);
    expect(refined('Ask J. Fields about it.', ['PERSON', 'J. Fields'])).toEqual([['PERSON', 'J. Fields']]);
    expect(refined('Ask Dr. Fields about it.', ['PERSON', 'Dr. Fields'])).toEqual([['PERSON', 'Dr. Fields']]);
    expect(refined('Minister Silvan Shalom spoke.', ['PERSON', 'Silvan Shalom'])).toEqual([['PERSON', 'Silvan Shalom']]);
    expect(refined('Commander Agha Shah was there.', ['PERSON', 'Agha Shah'])).toEqual([['PERSON', 'Agha Shah']]);
  });
});
