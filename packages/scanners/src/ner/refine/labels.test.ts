import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('field labels', () => {
  it('drops everyday words before a colon wherever they stand in the line', () => {
    expect(refined('Ticket 4411 | Severity: Low | Owner: Kemal Arslan', ['PERSON', 'Severity'], ['PERSON', 'Kemal Arslan'])).toEqual([
      ['PERSON', 'Kemal Arslan'],
    ]);
    expect(refined('Ward 3    Attending: Dr. Halvorsen', ['PERSON', 'Attending'])).toEqual([]);
    expect(refined('Notes from Lisbon   Themes: pricing', ['ORGANIZATION', 'Themes'])).toEqual([['LOCATION', 'Lisbon']]);
    expect(refined('Write to the Office for Civil Rights: they reply', ['ORGANIZATION', 'Civil Rights'])).toEqual([['ORGANIZATION', 'Civil Rights']]);
  });

  it('drops the key of a key=value pair, not the value', () => {
    expect(refined('level=warn src=10.1.2.3 trace=9f1c user=okafor', ['PERSON', 'src'], ['PERSON', 'trace'], ['PERSON', 'okafor'])).toEqual([
      ['PERSON', 'okafor'],
    ]);
    expect(refined('if Kemal==x then', ['PERSON', 'Kemal'])).toEqual([['PERSON', 'Kemal']]);
  });

  it('keeps speakers named with a given or family name, and names after a title', () => {
    const chat = 'Rose: the parcel never came\nGrace: sorry to hear that\nMS. BAKER: objection';
    expect(refined(chat, ['PERSON', 'Rose'], ['PERSON', 'Grace'], ['PERSON', 'BAKER'])).toEqual([
      ['PERSON', 'Rose'], ['PERSON', 'Grace'], ['PERSON', 'BAKER'],
    ]);
  });

  it('keeps names that are no everyday words, and words not followed by a colon', () => {
    expect(refined('Okonkwo: I will check', ['PERSON', 'Okonkwo'])).toEqual([['PERSON', 'Okonkwo']]);
    expect(refined('I met Summer Hale at the Component fair', ['PERSON', 'Summer Hale'])).toEqual([['PERSON', 'Summer Hale']]);
    expect(refined('see https://example.org', ['ORGANIZATION', 'https'])).toEqual([]);
  });
});
