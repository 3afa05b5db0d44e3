import { describe, expect, it } from 'vitest';
import { PROMPT_317, measureDeanonymize, measureSpeed, textOfLength } from './speed.js';

describe('speed inputs', () => {
  it('uses a prompt of exactly 317 characters and texts of exact lengths', () => {
    expect(PROMPT_317).toHaveLength(317);
    for (const n of [50, 500, 2000, 200_000]) expect(textOfLength(n)).toHaveLength(n);
    expect(textOfLength(2000)).toBe(textOfLength(2000));
  });

  it('measures every planned size with the scanner it is given', async () => {
    const seen: number[] = [];
    const row = await measureSpeed('fake', 12, { scan: async (t: string) => void seen.push(t.length) }, {
      latency: [{ label: '50 chars', chars: 50, runs: 3 }],
      throughput: [{ label: '2 KB', chars: 2000, runs: 2 }],
      warmup: 1,
    });
    expect(seen).toEqual([317, 50, 50, 50, 2000, 2000, 2000]);
    expect(row.loadMs).toBe(12);
    expect(row.latency[0]!.summary.p50).toBeGreaterThanOrEqual(0);
    expect(row.throughput[0]!.charsPerSecond).toBeGreaterThan(0);
  });
});

describe('deanonymize latency', () => {
  it('times a kept matcher against one built per call, on a vault of the size asked for', async () => {
    const d = await measureDeanonymize(3000, 5);
    expect(d).toMatchObject({ entries: 3000, runs: 5 });
    // Building covers 3,000 entries; scanning a short answer with a kept matcher does not: two orders apart.
    expect(d.cachedMs).toBeLessThan(d.rebuiltMs);
  });
});
