import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument, fuzzDocument, withBundledModel, withStandInModel } from './documents.js';
import type { FuzzDocument } from './documents.js';

/**
 * Failures found by `pnpm fuzz`, kept as regression tests: the seed and path fast-check printed, and the
 * shrunk document itself (so a change to the generators does not lose it).
 */
const REGRESSIONS: Array<{ seed: number; path: string; doc: FuzzDocument }> = [
  // An IP before a numbering word that has its own number ("Step 3:") was scored as a section number.
  { seed: 42, path: '63:2:1:1:4:3:3:3', doc: { text: 'IP 192.168.10.25 Step 3:  [EMAIL_ADDRESS_1]', values: ['192.168.10.25'] } },
  // Two ruler lines: the context window started between words and still dropped its first word, "SSN".
  {
    seed: 7,
    path: '870:1:0:0:1:3',
    doc: { text: `${'='.repeat(100)}\n ${'='.repeat(100)}\n SSN: 536221234`, values: ['536221234'] },
  },
  // A unit word after a printed North American number ("415-867-2309 tb") made it an amount.
  {
    seed: 20261203,
    path: '4736:1:0:0:1:1',
    doc: { text: `Phone:415-867-2309 tb ${'='.repeat(100)}\n`, values: ['415-867-2309'] },
  },
  // The widest valid run of groups started inside the number ("0142. 2024  2024", valid in AT) and left its head.
  {
    seed: 20261203,
    path: '7193:2:9:9:9:9:9:9:9:9:9:9:9:9:9:9:9',
    doc: { text: 'Phone:+1 212-555-0142. 2024  2024  Order 12345 \uFF14\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF12', values: ['+1 212-555-0142', '\uFF14\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF12'] },
  },
  // The card's validator preferred a longer Luhn-valid run starting one group later and left "4721" out.
  { seed: 20261203, path: '1462:1:0:0:1:18:23', doc: { text: 'Card 4721 3845 4046 4359 123 2024   ', values: ['4721 3845 4046 4359'] } },
  // A numbering word on the next line, its own number cut off by the window, marked the address as a section number.
  {
    seed: 1014791838,
    path: '1511:2:1:2:5:5:5:7:9:9:9:9:9:15',
    doc: { text: `IP 192.168.10.25 mail aaa_a@aaaaa.com; ${'-'.repeat(90)}\n Step 3:   `, values: ['192.168.10.25', 'aaa_a@aaaaa.com'] },
  },
  // A numbering word after an address labelled "IP" right before it demoted the address.
  { seed: 1015226085, path: '2962:1:0:0:1:1:1:8', doc: { text: 'IP 192.168.10.25 sdk  ', values: ['192.168.10.25'] } },
];

describe('fuzzing (issue 15)', () => {
  it('keeps every property on a few thousand generated documents', async () => {
    const seed = Number(process.env.VEIL_FUZZ_SEED ?? Date.now() % 2 ** 31);
    await fc.assert(fc.asyncProperty(fuzzDocument, (doc) => checkDocument(doc)), {
      numRuns: Number(process.env.VEIL_FUZZ_RUNS ?? 3000),
      seed,
    });
  }, 120_000);

  it('keeps every property when a stand-in model cuts into pattern values (overlaps, item 4)', async () => {
    const seed = Number(process.env.VEIL_FUZZ_SEED ?? Date.now() % 2 ** 31);
    await fc.assert(fc.asyncProperty(fuzzDocument, (doc) => checkDocument(doc, withStandInModel)), {
      numRuns: Math.ceil(Number(process.env.VEIL_FUZZ_RUNS ?? 3000) / 3),
      seed,
    });
  }, 120_000);

  it('keeps every property with the bundled model (the default configuration)', async () => {
    const seed = Number(process.env.VEIL_FUZZ_SEED ?? Date.now() % 2 ** 31);
    await fc.assert(fc.asyncProperty(fuzzDocument, (doc) => checkDocument(doc, withBundledModel)), {
      numRuns: Math.ceil(Number(process.env.VEIL_FUZZ_RUNS ?? 3000) / 10),
      seed,
    });
  }, 120_000);

  // A seed and path replay only under the generators that found them, so the shrunk document is what is checked.
  it.each(REGRESSIONS.map((r) => [r.seed, r.path, r.doc] as const))('regression seed %s path %s', async (_seed, _path, doc) => {
    await expect(checkDocument(doc)).resolves.toBeUndefined();
    await expect(checkDocument(doc, withStandInModel)).resolves.toBeUndefined();
  });
});
