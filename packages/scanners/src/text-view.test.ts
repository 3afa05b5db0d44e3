import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTextView } from './text-view.js';

describe('createTextView', () => {
  it('returns the text itself when nothing is invisible', () => {
    const view = createTextView('plain text');
    expect(view.text).toBe('plain text');
    expect(view.changed).toBe(false);
    expect(view.toOriginalStart(3)).toBe(3);
    expect(view.toOriginalEnd(5)).toBe(5);
  });

  it('removes zero-width characters and maps spans back over them', () => {
    const original = '\u200Bmail jo\u200Bhn\u00AD@ex\uFEFFample.com\u2060!';
    const view = createTextView(original);
    expect(view.text).toBe('mail john@example.com!');
    const start = view.text.indexOf('john');
    const end = start + 'john@example.com'.length;
    const s = view.toOriginalStart(start);
    const e = view.toOriginalEnd(end);
    expect(original.slice(s, e)).toBe('jo\u200Bhn\u00AD@ex\uFEFFample.com');
    expect(view.toOriginalStart(0)).toBe(1);
    expect(view.toOriginalEnd(view.text.length)).toBe(original.length);
    expect(view.toOriginalEnd(view.text.length - 1)).toBe(original.length - 2);
    expect(view.toOriginalStart(view.text.length)).toBe(original.length);
  });

  it('handles text made only of invisible characters', () => {
    const view = createTextView('\u200B\u200C\u200D');
    expect(view.text).toBe('');
    expect(view.toOriginalEnd(0)).toBe(0);
  });

  it('maps every view span to an original span with the same visible text', () => {
    const char = fc.constantFrom('a', 'b', ' ', '😀', '\uD800', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const original = chars.join('');
        const view = createTextView(original);
        expect(view.text).toBe(original.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ''));
        if (view.text.length === 0) return;
        const start = a % view.text.length;
        const end = start + 1 + (b % (view.text.length - start));
        const s = view.toOriginalStart(start);
        const e = view.toOriginalEnd(end);
        const covered = original.slice(s, e);
        expect(covered.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')).toBe(view.text.slice(start, end));
        // The span starts and ends on visible characters.
        expect(createTextView(covered[0]!).changed).toBe(false);
        expect(createTextView(covered[covered.length - 1]!).changed).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
