import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vault } from '@veil/vault';
import { countRestored } from './restore-check.js';
import { runRoundTrip } from './roundtrip.js';
import { mangle, renderSegments, standInModel } from './stand-in-model.js';

const sanitized =
  'Please call [REDACTED_PERSON_1] about the refund. The customer said [REDACTED_EMAIL_ADDRESS_1] is wrong. ' +
  'Ask [REDACTED_PERSON_1] for help! Card [REDACTED_CREDIT_CARD_1] was charged twice.\nThanks, [REDACTED_PERSON_2].';

describe('stand-in model', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(renderSegments(standInModel(sanitized, 'a'))).toBe(renderSegments(standInModel(sanitized, 'a')));
    expect(renderSegments(standInModel(sanitized, 'a'))).not.toBe(renderSegments(standInModel(sanitized, 'b')));
  });

  it('keeps every placeholder occurrence, rewords and reorders', () => {
    const segs = standInModel(sanitized, 'doc-1', { mangleRate: 0 });
    const out = renderSegments(segs);
    const placeholders = segs.filter((s) => s.kind === 'placeholder').map((s) => (s.kind === 'placeholder' ? s.placeholder : ''));
    expect(placeholders.sort()).toEqual(sanitized.match(/\[REDACTED_[A-Z_]+_\d+\]/g)!.sort());
    expect(out).not.toBe(sanitized);
    expect(out.length).toBeGreaterThan(sanitized.length / 2);
  });

  it('mangles placeholders the way models do', () => {
    expect(mangle('[REDACTED_PERSON_1]', 'no_brackets')).toBe('REDACTED_PERSON_1');
    expect(mangle('[REDACTED_PERSON_1]', 'lower_case')).toBe('[redacted_person_1]');
    expect(mangle('[REDACTED_EMAIL_ADDRESS_2]', 'spaces')).toBe('REDACTED EMAIL ADDRESS 2');
    expect(mangle('[REDACTED_PERSON_1]', 'missing_underscore')).toBe('[REDACTED_PERSON1]');
    const segs = standInModel(sanitized, 'x', { mangleRate: 1 });
    expect(segs.filter((s) => s.kind === 'placeholder').every((s) => s.kind === 'placeholder' && s.rendered !== s.placeholder)).toBe(true);
  });
});

describe('countRestored', () => {
  const segs = standInModel(sanitized, 'doc-2', { mangleRate: 0.5 });
  const values: Record<string, string> = {
    '[REDACTED_PERSON_1]': 'Ann Lee',
    '[REDACTED_PERSON_2]': 'Bo Chen',
    '[REDACTED_EMAIL_ADDRESS_1]': 'ann@lee.io',
    '[REDACTED_CREDIT_CARD_1]': '4111 1111 1111 1111',
  };
  const perfect = segs.map((s) => (s.kind === 'text' ? s.text : values[s.placeholder])).join('');

  it('counts every occurrence when all are restored', () => {
    expect(countRestored(segs, perfect, (p) => values[p])).toMatchObject({ placed: 5, restored: 5 });
  });

  it('does not count an occurrence left as a placeholder', () => {
    const first = segs.find((s) => s.kind === 'placeholder');
    if (first?.kind !== 'placeholder') throw new Error('no placeholder');
    const partial = segs
      .map((s) => (s.kind === 'text' ? s.text : s === first ? s.rendered : values[s.placeholder]))
      .join('');
    expect(countRestored(segs, partial, (p) => values[p])).toMatchObject({ placed: 5, restored: 4 });
  });
});

describe('countRestored on damaged text', () => {
  it('does not count a value whose surrounding characters were lost, and still counts the next one', () => {
    const segs = [
      { kind: 'text' as const, text: 'From: Ruth <' },
      { kind: 'placeholder' as const, placeholder: '[REDACTED_EMAIL_ADDRESS_1]', rendered: 'REDACTED EMAIL ADDRESS 1', mangling: 'spaces' as const },
      { kind: 'text' as const, text: '> wrote. Call ' },
      { kind: 'placeholder' as const, placeholder: '[REDACTED_PERSON_1]', rendered: '[REDACTED_PERSON_1]', mangling: null },
      { kind: 'text' as const, text: '.' },
    ];
    const values: Record<string, string> = { '[REDACTED_EMAIL_ADDRESS_1]': 'ruth@a.io', '[REDACTED_PERSON_1]': 'Ann Lee' };
    // a restorer that ate the angle brackets around the mangled placeholder
    expect(countRestored(segs, 'From: Ruth ruth@a.io wrote. Call Ann Lee.', (p) => values[p])).toEqual({ placed: 2, restored: 1, mangled: 1 });
    expect(countRestored(segs, 'From: Ruth <ruth@a.io> wrote. Call Ann Lee.', (p) => values[p])).toEqual({ placed: 2, restored: 2, mangled: 1 });
  });
});

describe('runRoundTrip', () => {
  it('restores through a deanonymizer and reports the rate', async () => {
    const vault = new Vault();
    const p = await vault.placeholderFor('PERSON', 'Ann Lee');
    const text = `Call ${p} today. ${p} is waiting.`;
    // A deanonymizer that only knows exact placeholders: mangled ones stay, so the rate drops below 1.
    const exactOnly = async (_prompt: string, output: string) => ({ sanitized: output.replaceAll(p, 'Ann Lee') });
    const docs = Array.from({ length: 20 }, (_, i) => ({ id: `d${i}`, sanitized: text }));
    const report = await runRoundTrip(docs, { deanonymize: exactOnly, valueOf: (x) => vault.valueOf(x) });
    expect(report.placed).toBe(40);
    expect(report.mangled).toBeGreaterThan(0);
    expect(report.restored).toBe(40 - report.mangled);
    expect(report.unresolved).toBe(report.mangled);
    expect(report.restoreRate).toBeCloseTo(report.restored / 40);
  });
});

describe('stand-in model properties', () => {
  it('never loses or invents a placeholder, whatever the text around them', () => {
    const placeholder = fc.constantFrom('[REDACTED_PERSON_1]', '[REDACTED_EMAIL_ADDRESS_2]', '[REDACTED_US_SSN_10]');
    const prose = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '!', '?', '\n', 'please ', 'said ', '😀'), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(prose, placeholder), { maxLength: 8 }), prose, fc.string({ maxLength: 6 }), (pairs, tail, seed) => {
        const sanitized = pairs.map(([t, p]) => t + p).join('') + tail;
        const segs = standInModel(sanitized, seed);
        const kept = segs.flatMap((s) => (s.kind === 'placeholder' ? [s.placeholder] : []));
        const original = sanitized.match(/\[REDACTED_[A-Z_]+_\d+\]/g) ?? [];
        expect(kept.sort()).toEqual([...original].sort());
        const rendered = renderSegments(segs);
        for (const s of segs) if (s.kind === 'placeholder') expect(rendered).toContain(s.rendered);
      }),
      { numRuns: 200 },
    );
  });
});
