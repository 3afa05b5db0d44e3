import { describe, expect, it } from 'vitest';
import type { BenchDocument, Span } from './dataset.js';
import { leakedCharacters, matchDocument, scoreDocuments, spansMatch } from './metrics.js';
import { percentile, summarizeLatency } from './stats.js';

const span = (start: number, end: number, label = 'PERSON'): Span => ({ start, end, label });

describe('spansMatch (overlap rule)', () => {
  it('accepts an overlap of exactly half of the shorter span', () => {
    // gold 0..10, pred 5..9: overlap 4 of shorter 4 -> match; pred 8..16: overlap 2 of shorter 8 -> no
    expect(spansMatch(span(0, 10), span(5, 9), 'overlap')).toBe(true);
    expect(spansMatch(span(0, 10), span(8, 16), 'overlap')).toBe(false);
    expect(spansMatch(span(0, 10), span(6, 14), 'overlap')).toBe(true); // overlap 4 of shorter 8
    expect(spansMatch(span(0, 10), span(7, 14), 'overlap')).toBe(false); // overlap 3 of shorter 7
  });
  it('never matches across types or without overlap', () => {
    expect(spansMatch(span(0, 10), span(0, 10, 'LOCATION'), 'overlap')).toBe(false);
    expect(spansMatch(span(0, 5), span(5, 10), 'overlap')).toBe(false);
  });
  it('strict mode needs identical boundaries', () => {
    expect(spansMatch(span(0, 10), span(0, 10), 'strict')).toBe(true);
    expect(spansMatch(span(0, 10), span(0, 9), 'strict')).toBe(false);
  });
});

describe('matchDocument (one-to-one)', () => {
  it('lets each gold span match at most one prediction', () => {
    const m = matchDocument([span(0, 10)], [span(0, 6), span(4, 10)], 'overlap');
    expect(m.matched).toHaveLength(1);
    expect(m.spurious).toHaveLength(1);
    expect(m.missed).toHaveLength(0);
  });
  it('lets each prediction match at most one gold span', () => {
    // "John Smith" predicted as one span against two gold names
    const m = matchDocument([span(0, 4), span(5, 10)], [span(0, 10)], 'overlap');
    expect(m.matched).toHaveLength(1);
    expect(m.missed).toHaveLength(1);
    expect(m.spurious).toHaveLength(0);
  });
  it('pairs by largest overlap first so that both gold spans find a partner', () => {
    const m = matchDocument([span(0, 10), span(10, 14)], [span(2, 12), span(10, 14)], 'overlap');
    expect(m.matched.map((x) => [x.gold.start, x.pred.start])).toEqual([
      [0, 2],
      [10, 10],
    ]);
  });
  it('drops predictions that match an ignored gold span', () => {
    const m = matchDocument([], [span(0, 7, 'LOCATION'), span(20, 25, 'LOCATION')], 'overlap', [span(0, 7, 'LOCATION')]);
    expect(m.spurious).toEqual([span(20, 25, 'LOCATION')]);
  });
});

describe('scoreDocuments', () => {
  const text = 'Call Ann Lee at 415-867-2309 or ann@example.com today.';
  const doc: BenchDocument = {
    id: 'd1',
    text,
    spans: [span(5, 12), span(16, 28, 'PHONE_NUMBER'), span(32, 47, 'EMAIL_ADDRESS')],
    ignored: [],
  };

  it('computes per-type counts, micro and strict micro', () => {
    const predicted = [span(5, 8), span(16, 28, 'PHONE_NUMBER'), span(49, 54, 'LOCATION')];
    const sanitized = 'Call [P]Lee at [PH] or ann@example.com today.';
    const r = scoreDocuments([doc], [{ spans: predicted, sanitized }], ['PERSON', 'PHONE_NUMBER', 'EMAIL_ADDRESS', 'LOCATION']);
    expect(r.entities.PERSON).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(r.entities.EMAIL_ADDRESS).toMatchObject({ tp: 0, fn: 1, recall: 0 });
    expect(r.entities.LOCATION).toMatchObject({ tp: 0, fp: 1, precision: 0 });
    expect(r.micro).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(r.micro.precision).toBeCloseTo(2 / 3);
    // "Ann" vs "Ann Lee" passes the overlap rule but not the strict one
    expect(r.strict_micro).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    // the email (15 chars) leaks; "Ann Lee" does not occur verbatim; the phone is gone
    expect(r.leak_rate).toBeCloseTo(15 / (7 + 12 + 15));
    expect(r.errors).toEqual([{ id: 'd1', missed: [span(32, 47, 'EMAIL_ADDRESS')], spurious: [span(49, 54, 'LOCATION')] }]);
  });

  it('scores only the requested entity types', () => {
    const r = scoreDocuments([doc], [{ spans: [span(49, 54, 'LOCATION')], sanitized: text }], ['PHONE_NUMBER']);
    expect(Object.keys(r.entities)).toEqual(['PHONE_NUMBER']);
    expect(r.micro).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(r.leak_rate).toBe(1);
  });
});

describe('leakedCharacters', () => {
  it('counts a gold value as leaked when it occurs anywhere in the sanitized text', () => {
    const text = 'Ann met Ann.';
    expect(leakedCharacters([span(0, 3)], text, '[P] met Ann.')).toEqual({ leaked: 3, total: 3 });
    expect(leakedCharacters([span(0, 3)], text, '[P] met [P].')).toEqual({ leaked: 0, total: 3 });
  });
});

describe('latency statistics', () => {
  it('uses nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile([7], 99)).toBe(7);
    expect(summarizeLatency([1, 2, 3, 10]).mean).toBe(4);
    expect(summarizeLatency([]).p50).toBe(0);
  });
});
