import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTokensToWindows, planWindows } from './windows.js';

describe('planWindows', () => {
  it('uses one window when the text fits', () => {
    expect(planWindows(5, 10, 2)).toEqual([{ start: 0, end: 5 }]);
    expect(planWindows(0, 10, 2)).toEqual([]);
  });

  it('overlaps neighbours by the stride and keeps the last window full length', () => {
    expect(planWindows(20, 8, 2)).toEqual([
      { start: 0, end: 8 }, { start: 6, end: 14 }, { start: 12, end: 20 },
    ]);
    expect(planWindows(21, 8, 2).at(-1)).toEqual({ start: 13, end: 21 });
  });

  it('rejects an overlap as long as the window', () => {
    expect(() => planWindows(10, 4, 4)).toThrow(RangeError);
  });

  it('covers every token with windows of the requested length, in a number linear in the length', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 2, max: 300 }), fc.nat(), (n, length, o) => {
      const overlap = o % Math.floor(length / 2);
      const windows = planWindows(n, length, overlap);
      expect(windows[0]!.start).toBe(0);
      expect(windows.at(-1)!.end).toBe(n);
      for (let i = 1; i < windows.length; i++) expect(windows[i]!.start).toBeLessThanOrEqual(windows[i - 1]!.end);
      for (const w of windows) expect(w.end - w.start).toBe(Math.min(length, n));
      expect(windows.length).toBeLessThanOrEqual(Math.ceil(n / (length - overlap)) + 1);
    }));
  });
});

describe('assignTokensToWindows', () => {
  it('reads each overlapped token from the window where it is farthest from a cut', () => {
    const windows = planWindows(20, 8, 4); // [0,8) [4,12) [8,16) [12,20)
    const owner = Array.from(assignTokensToWindows(20, windows));
    // Token 5 is 2 from window 1's left cut and 2 from window 0's right cut: the first window seen keeps it.
    expect(owner).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3]);
  });

  it('always picks a window that contains the token and maximises its distance to a cut edge', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 4, max: 64 }), fc.nat(), (n, length, o) => {
      const windows = planWindows(n, length, o % Math.floor(length / 2));
      const owner = assignTokensToWindows(n, windows);
      const distance = (t: number, w: { start: number; end: number }) => Math.min(
        w.start > 0 ? t - w.start : Infinity, w.end < n ? w.end - 1 - t : Infinity);
      for (let t = 0; t < n; t++) {
        const chosen = windows[owner[t]!]!;
        expect(t >= chosen.start && t < chosen.end).toBe(true);
        for (const w of windows) if (t >= w.start && t < w.end) expect(distance(t, chosen)).toBeGreaterThanOrEqual(distance(t, w));
      }
    }));
  });
});
