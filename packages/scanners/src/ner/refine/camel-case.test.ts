import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('camel-case brands', () => {
  it('retypes a one-word camel-case PERSON as an organisation', () => {
    expect(refined('I paid through ParcelHub yesterday', ['PERSON', 'ParcelHub'])).toEqual([['ORGANIZATION', 'ParcelHub']]);
  });

  it('keeps names with a capital after a prefix, and multi-word names', () => {
    for (const name of ['McAllister', 'MacLeod', 'DeShawn', 'LaToya', 'DiMaggio', 'VanDyke', 'LeBlanc']) {
      expect(refined(`Ask ${name} today`, ['PERSON', name])).toEqual([['PERSON', name]]);
    }
    expect(refined('Ask Rosa DeLuca today', ['PERSON', 'Rosa DeLuca'])).toEqual([['PERSON', 'Rosa DeLuca']]);
  });
});
