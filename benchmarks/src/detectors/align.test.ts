import { describe, expect, it } from 'vitest';
import { spansFromRedaction } from './align.js';

const markers = new Map([
  ['<P>', 'PERSON'],
  ['<PHONE>', 'PHONE_NUMBER'],
]);

describe('spansFromRedaction', () => {
  it('recovers the replaced regions from the literal text around each marker', () => {
    const original = 'Hi Ann Lee, call 415-867-2309 now. Bye Ann';
    const redacted = 'Hi <P>, call <PHONE> now. Bye <P>';
    const spans = spansFromRedaction(original, redacted, markers);
    expect(spans.map((s) => [original.slice(s.start, s.end), s.label])).toEqual([
      ['Ann Lee', 'PERSON'],
      ['415-867-2309', 'PHONE_NUMBER'],
      ['Ann', 'PERSON'],
    ]);
  });

  it('handles a marker at the start and text with emoji', () => {
    const original = 'Ann 😀 called 415-867-2309';
    const spans = spansFromRedaction(original, '<P> 😀 called <PHONE>', markers);
    expect(spans.map((s) => original.slice(s.start, s.end))).toEqual(['Ann', '415-867-2309']);
  });

  it('returns nothing when nothing was redacted', () => {
    expect(spansFromRedaction('plain text', 'plain text', markers)).toEqual([]);
  });
});
