import { describe, expect, it } from 'vitest';
import { resolveOverlaps, withoutOverlapsWith } from './overlaps.js';
import type { Finding } from './types.js';

const TEXT = 'abcdefghijklmnopqrstuvwxyz0123456789';
const f = (type: string, start: number, end: number, score: number, recognizer = 'r'): Finding => ({
  type, start, end, score, recognizer, text: TEXT.slice(start, end),
});
const spans = (list: Finding[]) => list.map((x) => [x.type, x.start, x.end]);

describe('resolveOverlaps', () => {
  it('keeps the higher score between types, over the union so no part of the loser is left', () => {
    expect(spans(resolveOverlaps([f('LOCATION', 5, 15, 0.8), f('PERSON', 0, 10, 0.9)], TEXT))).toEqual([['PERSON', 0, 15]]);
    // A loser spanning two winners and the gap between them takes them into one union.
    const out = resolveOverlaps([f('A', 0, 5, 0.9), f('B', 10, 20, 0.8), f('C', 3, 12, 0.5), f('D', 25, 30, 0.5)], TEXT);
    expect(spans(out)).toEqual([['A', 0, 20], ['D', 25, 30]]);
    // A loser wholly covered by winners changes nothing.
    expect(spans(resolveOverlaps([f('A', 0, 5, 0.9), f('B', 5, 10, 0.8), f('C', 3, 8, 0.5)], TEXT))).toEqual([['A', 0, 5], ['B', 5, 10]]);
  });

  it('keeps the longer span on equal scores', () => {
    expect(spans(resolveOverlaps([f('PERSON', 2, 6, 0.7), f('LOCATION', 0, 9, 0.7)], TEXT))).toEqual([['LOCATION', 0, 9]]);
  });

  it('merges overlapping findings of the same type into their union', () => {
    const [merged, ...rest] = resolveOverlaps([f('EMAIL_ADDRESS', 0, 6, 0.6, 'a'), f('EMAIL_ADDRESS', 4, 12, 0.9, 'b')], TEXT);
    expect(rest).toEqual([]);
    expect(merged).toMatchObject({ start: 0, end: 12, score: 0.9, recognizer: 'b', text: TEXT.slice(0, 12) });
  });

  it('keeps touching and separate findings, sorted by start', () => {
    const out = resolveOverlaps([f('URL', 20, 25, 0.6), f('PERSON', 0, 5, 0.6), f('LOCATION', 5, 9, 0.9)], TEXT);
    expect(spans(out)).toEqual([['PERSON', 0, 5], ['LOCATION', 5, 9], ['URL', 20, 25]]);
  });

  it('lets a finding that contains another of a different type win over it, whatever the scores', () => {
    // "jo dot ng at example dot com": the e-mail pattern (0.7) sees the whole address, the model (0.95) a name in it.
    const out = resolveOverlaps([f('PERSON', 2, 8, 0.95), f('EMAIL_ADDRESS', 0, 20, 0.7)], TEXT);
    expect(spans(out)).toEqual([['EMAIL_ADDRESS', 0, 20]]);
  });

  it('still redacts the contained piece when its container loses to a third finding', () => {
    const out = resolveOverlaps([f('PERSON', 2, 6, 0.8), f('EMAIL_ADDRESS', 0, 12, 0.5), f('URL', 10, 20, 0.99)], TEXT);
    // The e-mail loses to the URL it overlaps; the union covers it, and the person inside it with it.
    expect(spans(out)).toEqual([['URL', 0, 20]]);
  });

  it('never returns overlapping spans for many random findings', () => {
    const types = ['A', 'B', 'C'];
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const input = Array.from({ length: 300 }, () => {
      const start = rand(TEXT.length - 1);
      return f(types[rand(3)]!, start, start + 1 + rand(Math.min(8, TEXT.length - start - 1) + 1), rand(100) / 100);
    }).filter((x) => x.end <= TEXT.length);
    const out = resolveOverlaps(input, TEXT);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
    // The best finding wins every contest, so it (or a same-type union containing it) survives.
    const best = [...input].sort((a, b) => b.score - a.score || (b.end - b.start) - (a.end - a.start))[0]!;
    expect(out.some((o) => o.start <= best.start && o.end >= best.end)).toBe(true);
    // No finding is left partly uncovered.
    for (const x of input) {
      let at = x.start;
      for (const o of out) if (o.start <= at && o.end > at) at = o.end;
      const touched = out.some((o) => o.start < x.end && x.start < o.end);
      if (touched) expect(at).toBeGreaterThanOrEqual(x.end);
    }
  });
});

describe('withoutOverlapsWith', () => {
  it('drops findings touching any protected span and keeps the rest', () => {
    const protectedSpans = [{ start: 5, end: 10 }, { start: 20, end: 22 }];
    const input = [f('A', 0, 5, 1), f('B', 4, 6, 1), f('C', 9, 12, 1), f('D', 10, 20, 1), f('E', 21, 30, 1), f('F', 22, 23, 1), f('G', 6, 8, 1)];
    const kept = withoutOverlapsWith(input, protectedSpans).map((x) => x.type);
    expect(kept).toEqual(['A', 'D', 'F']);
    expect(withoutOverlapsWith(input, [])).toBe(input);
  });
});
