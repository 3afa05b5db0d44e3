import { describe, expect, it } from 'vitest';
import { InvalidInputError, RecognizerError } from '../errors.js';
import { definePatternRecognizer } from './pattern-recognizer.js';

const digits = definePatternRecognizer({
  name: 'test_digits',
  type: 'CUSTOM',
  patterns: [
    { name: 'four', regex: /(?<!\d)\d{4}(?!\d)/, score: 0.6 },
    { name: 'six', regex: /(?<!\d)\d{6}(?!\d)/, score: 0.3, requireContext: true },
  ],
  validate: (c) => (c.text.startsWith('0') ? { ok: false, explanation: 'leading zero' } : { ok: true, explanation: 'ok' }),
  context: { words: ['pin'], boost: 0.35 },
});

describe('definePatternRecognizer', () => {
  it('reports matches with offsets, type, recognizer name and explanation', () => {
    const [finding, ...rest] = digits.analyze('code 1234 here');
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      type: 'CUSTOM', start: 5, end: 9, text: '1234', score: 0.6, recognizer: 'test_digits', explanation: ['pattern four', 'ok'],
    });
  });

  it('lets validation reject a candidate', () => {
    expect(digits.analyze('code 0123 here')).toEqual([]);
  });

  it('raises the score with a context word and explains it', () => {
    const findings = digits.analyze('pin 1234');
    expect(findings[0]?.score).toBe(0.95);
    expect(findings[0]?.explanation).toContain('context word "pin" +0.35');
  });

  it('drops a requireContext pattern without context and keeps it with context', () => {
    expect(digits.analyze('number 123456')).toEqual([]);
    const findings = digits.analyze('pin 123456');
    expect(findings.map((f) => [f.text, f.score])).toEqual([['123456', 0.65]]);
  });

  it('applies a recognizer-level requireContext to every pattern', () => {
    const contextual = definePatternRecognizer({
      name: 'contextual', type: 'CUSTOM', patterns: [{ name: 'x', regex: /\d{3}/, score: 0.3 }],
      context: { words: ['code'], boost: 0.4 }, requireContext: true,
    });
    expect(contextual.analyze('ref 123')).toEqual([]);
    expect(contextual.analyze('code 123')).toMatchObject([{ text: '123', score: 0.7 }]);
  });

  it('rejects a context-requiring candidate labelled as something else nearer than the context word', () => {
    const account = definePatternRecognizer({
      name: 'account', type: 'CUSTOM', patterns: [{ name: 'digits', regex: /\d{8}/, score: 0.3, requireContext: true }],
      context: { words: ['account'], boost: 0.4, otherLabels: ['order'] },
    });
    expect(account.analyze('account details. Order 12345678')).toEqual([]);
    expect(account.analyze('order for account 12345678')).toMatchObject([{ text: '12345678' }]);
  });

  it('caps scores at 1', () => {
    const strong = definePatternRecognizer({
      name: 'strong', type: 'CUSTOM', patterns: [{ name: 'x', regex: /x/, score: 0.9 }], context: { words: ['y'], boost: 0.5 },
    });
    expect(strong.analyze('y x')[0]?.score).toBe(1);
  });

  it('narrows a candidate with skip and length', () => {
    const narrowing = definePatternRecognizer({
      name: 'narrow', type: 'CUSTOM', patterns: [{ name: 'abc', regex: /abcd/, score: 0.9 }],
      validate: () => ({ ok: true, explanation: 'inner', skip: 1, length: 3 }),
    });
    expect(narrowing.analyze('..abcd..')).toMatchObject([{ start: 3, end: 5, text: 'bc' }]);
  });

  it('offers the rest of a candidate again when validation keeps only a prefix', () => {
    const pairs = definePatternRecognizer({
      name: 'pairs', type: 'CUSTOM', patterns: [{ name: 'run', regex: /\d{2}(?: \d{2}){0,9}/, score: 0.9 }],
      // Accepts the first two groups of whatever it is given, and nothing shorter.
      validate: (c) => (c.text.length >= 5 ? { ok: true, explanation: 'pair', length: 5 } : { ok: false, explanation: 'short' }),
    });
    expect(pairs.analyze('11 22 33 44 55').map((f) => f.text)).toEqual(['11 22', '33 44']);
  });

  it('keeps the higher-scoring of overlapping matches from different patterns', () => {
    const overlapping = definePatternRecognizer({
      name: 'overlap', type: 'CUSTOM',
      patterns: [{ name: 'short', regex: /ab/, score: 0.5 }, { name: 'long', regex: /abc/, score: 0.8 }],
    });
    expect(overlapping.analyze('abc')).toMatchObject([{ text: 'abc', score: 0.8 }]);
  });

  it('is safe to call repeatedly and concurrently (no shared regex state)', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => Promise.resolve(digits.analyze('1234 5678'))));
    for (const r of results) expect(r).toHaveLength(2);
  });

  it('rejects non-string input with a typed error', () => {
    expect(() => digits.analyze(42 as unknown as string)).toThrow(InvalidInputError);
    expect(() => digits.analyze(null as unknown as string)).toThrow(InvalidInputError);
  });

  it('fails closed with a RecognizerError that does not quote the text when validation throws', () => {
    const broken = definePatternRecognizer({
      name: 'broken', type: 'CUSTOM', patterns: [{ name: 'x', regex: /\d+/, score: 0.9 }],
      validate: (c) => {
        throw new Error(`bad value ${c.text}`);
      },
    });
    let error: unknown;
    try {
      broken.analyze('secret 987654321');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RecognizerError);
    expect(String((error as Error).message)).not.toContain('987654321');
    expect((error as Error & { cause?: unknown }).cause).toBeUndefined();
  });

  it('returns nothing for empty text', () => {
    expect(digits.analyze('')).toEqual([]);
  });
});
