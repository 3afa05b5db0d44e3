import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('lower-case words in a finding with capitals', () => {
  it('trims lower-case everyday words and lone letters, then judges what is left', () => {
    expect(refined('Ordered 3 x Walnut tea towels', ['PERSON', 'x Walnut'])).toEqual([['PERSON', 'Walnut']]);
    expect(refined('Lab results\nPrevious cardiologist: Dr. Ferrante', ['PERSON', 'Previous cardiologist'])).toEqual([]);
    expect(refined('The parcel went to Tomasz Wierzbicki yesterday', ['PERSON', 'Tomasz Wierzbicki yesterday'])).toEqual([
      ['PERSON', 'Tomasz Wierzbicki'],
    ]);
  });

  it('keeps particles, unknown lower-case words and all-lower-case names', () => {
    expect(refined('A painting by Vincent van Gogh hung there', ['PERSON', 'Vincent van Gogh'])).toEqual([['PERSON', 'Vincent van Gogh']]);
    expect(refined('Customer: Jess tran here', ['PERSON', 'Jess tran'])).toEqual([['PERSON', 'Jess tran']]);
    expect(refined('customer: jess tran here', ['PERSON', 'jess tran'])).toEqual([['PERSON', 'jess tran']]);
  });
});
