import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('drug names', () => {
  it('drops one-word findings built on a drug-name stem', () => {
    const note = 'Started doxycycline, then Ramipril 5 mg and atorvastatin; metoprolol held.';
    expect(refined(note, ['PERSON', 'doxycycline'], ['PERSON', 'Ramipril'], ['PERSON', 'atorvastatin'], ['ORGANIZATION', 'metoprolol'])).toEqual([]);
  });

  it('keeps given names and multi-word names that merely end like a stem', () => {
    expect(refined('April signed the chart.', ['PERSON', 'April'])).toEqual([['PERSON', 'April']]);
    expect(refined('Seen by Dana Kessler today', ['PERSON', 'Dana Kessler'])).toEqual([['PERSON', 'Dana Kessler']]);
  });
});
