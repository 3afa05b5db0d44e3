import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSegments } from './segments.js';

describe('planSegments', () => {
  it('reads a short text as one segment without margins', () => {
    expect(planSegments('short text', { size: 100, margin: 10 })).toEqual([{ start: 0, end: 10, coreStart: 0, coreEnd: 10 }]);
    expect(planSegments('', { size: 100, margin: 10 })).toEqual([{ start: 0, end: 0, coreStart: 0, coreEnd: 0 }]);
  });

  it('cuts after a line break, else after a space, in the last quarter of the core', () => {
    const lines = `${'a'.repeat(85)}\n${'b'.repeat(50)}`;
    expect(planSegments(lines, { size: 100, margin: 5 })[0]).toEqual({ start: 0, end: 91, coreStart: 0, coreEnd: 86 });
    const words = `${'word '.repeat(30)}`;
    expect(planSegments(words, { size: 100, margin: 0 })[0]!.coreEnd).toBe(100);
    expect(planSegments(`${'x'.repeat(98)} ${'y'.repeat(50)}`, { size: 100, margin: 0 })[0]!.coreEnd).toBe(99);
  });

  it('cuts at the size when there is no break, never inside a surrogate pair', () => {
    const text = `${'x'.repeat(99)}😀${'x'.repeat(100)}`;
    const [first] = planSegments(text, { size: 100, margin: 0 });
    expect(first!.coreEnd).toBe(99);
  });

  it('tiles the text with cores and reads each with its margins', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '😀', '中'), maxLength: 3000 });
    fc.assert(fc.property(text, fc.integer({ min: 4, max: 400 }), fc.integer({ min: 0, max: 100 }), (t, size, margin) => {
      const segments = planSegments(t, { size, margin });
      expect(segments[0]!.coreStart).toBe(0);
      expect(segments.at(-1)!.coreEnd).toBe(t.length);
      for (let i = 0; i < segments.length; i++) {
        const s = segments[i]!;
        if (i > 0) expect(s.coreStart).toBe(segments[i - 1]!.coreEnd);
        expect(s.coreEnd - s.coreStart).toBeLessThanOrEqual(size);
        if (t.length > 0) expect(s.coreEnd).toBeGreaterThan(s.coreStart);
        expect(s.start).toBe(Math.max(0, s.coreStart - margin));
        expect(s.end).toBe(Math.min(t.length, s.coreEnd + margin));
      }
    }));
  });

  it('rejects a plan it cannot follow', () => {
    expect(() => planSegments('x', { size: 2, margin: 0 })).toThrow(RangeError);
    expect(() => planSegments('x', { size: 10, margin: -1 })).toThrow(RangeError);
  });
});
