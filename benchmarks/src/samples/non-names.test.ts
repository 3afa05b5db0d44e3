/**
 * The bundled model issue asks that, together with the pattern recognizers, nothing in the sample transcripts
 * that is a timestamp, SKU, hash, version or weekday name comes out as a PERSON. This runs the default scanner
 * (patterns + bundled model + span refinement) over every sample and lists the PERSON findings that look like
 * such a value and are not a labelled person.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET } from '../cli.js';
import { loadDataset } from '../dataset.js';
import { createVeilDetector } from '../detectors/veil.js';

// Each alternative is the shortest form that still says "this value holds one" (a search, not a parse), which
// keeps every branch free of unbounded repetition: times, ISO dates, codes (SKU-12, 4B), hex hashes, versions,
// weekday names, and their abbreviations when they stand alone (the "Sun" of "Desert Sun Appliance" is a word).
const NON_NAME = /\d:\d\d|\d{4}-\d\d-\d\d|[A-Z]{2}-?\d|\d[A-Z]|[0-9a-f]{7}|\d\.\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|^(?:mon|tue|wed|thu|fri|sat|sun)\.?$/iu;

describe('sample transcripts through the default scanner', () => {
  it('never tag a timestamp, SKU, hash, version or weekday name as a person', async () => {
    const docs = await loadDataset(DEFAULT_DATASET);
    const veil = createVeilDetector('bundled');
    await veil.load();
    const wrong: string[] = [];
    let people = 0;
    for (const doc of docs) {
      const gold = doc.spans.filter((s) => s.label === 'PERSON');
      for (const span of (await veil.detect(doc.text)).spans) {
        if (span.label !== 'PERSON') continue;
        people++;
        const value = doc.text.slice(span.start, span.end);
        const isPerson = gold.some((g) => g.start < span.end && span.start < g.end);
        if (!isPerson && NON_NAME.test(value)) wrong.push(`${doc.id}: ${value}`);
      }
    }
    expect(people).toBeGreaterThan(400); // the check ran over real PERSON output
    expect(wrong).toEqual([]);
  }, 120_000);

  it('would notice such a value (the pattern is not vacuous)', () => {
    for (const value of ['10:42', '2024-03-15', 'SKU-4471', '4B', '9f8e7d6', 'v2.3', 'Tuesday', 'Sat'])
      expect(NON_NAME.test(value), value).toBe(true);
    for (const value of ['Maria Gonzalez', 'Okafor', 'Sunita Rao', 'Monique', 'Desert Sun Appliance'])
      expect(NON_NAME.test(value), value).toBe(false);
  });
});
