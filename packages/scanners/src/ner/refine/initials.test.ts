import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('initials and lone letters', () => {
  it('completes a first initial over further initials and the surname', () => {
    expect(refined('Minutes taken by R. J. Okafor today', ['PERSON', 'R'])).toEqual([['PERSON', 'R. J. Okafor']]);
  });

  it('drops capital letters without full stops that no surname follows', () => {
    expect(refined('Take vitamin D daily', ['PERSON', 'D'])).toEqual([]);
    expect(refined('He spelled it G B, then stopped', ['PERSON', 'G B'])).toEqual([]);
  });

  it('keeps an initial with its full stop', () => {
    expect(refined('Signed, K. on behalf of the board', ['PERSON', 'K'])).toEqual([['PERSON', 'K']]);
  });
});
