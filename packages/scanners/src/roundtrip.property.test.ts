import { PLACEHOLDER_PATTERN, Vault } from '@veil/vault';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Anonymize } from './anonymize.js';
import { Deanonymize } from './deanonymize.js';
import type { Finding, Recognizer } from './types.js';

const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const stripInvisible = (s: string) => s.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '');

/**
 * Filler text: letters, spaces, punctuation, emoji, zero-width characters and lone surrogates, but
 * nothing that can extend or form a value (no digits, `@`, `.`, `/`, `:`) or a placeholder (`[`, `]`).
 */
const fillerChar = fc.oneof(
  fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ      ,;!?-\'"()\n\téüßñ中文'.split('')),
  fc.constantFrom('😀', '👋🏽', '🇫🇷', 'é', '\uD800', '\uDC00', ...INVISIBLE),
);
const filler = fc.array(fillerChar, { maxLength: 30 }).map((chars) => chars.join(''));

/** Inserts zero-width characters at random places inside a value, as copy-paste does. */
const withInvisible = (value: fc.Arbitrary<string>) =>
  fc.tuple(value, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { maxLength: 2 })).map(([v, inserts]) => {
    let out = v;
    for (const [at, ch] of inserts) {
      const i = 1 + (at % Math.max(1, out.length - 1));
      out = out.slice(0, i) + ch + out.slice(i);
    }
    return out;
  });

/**
 * Text alternating filler and values; `lead` goes before each value so it keeps its edges (and, for
 * the built-in recognizers, is not read as e.g. a version number after a stray "v").
 *
 * `restored` is what Deanonymize must give back: the text itself, except that a value written again with other
 * invisible characters shares the first spelling's placeholder and so comes back as that first spelling. Values
 * written once, or always alike, come back byte for byte.
 */
const document = (value: fc.Arbitrary<string>, lead = ' ') =>
  fc.array(fc.tuple(filler, fc.option(withInvisible(value), { nil: undefined })), { minLength: 1, maxLength: 8 }).map((parts) => {
    const values: string[] = [];
    const firstSpelling = new Map<string, string>();
    const render = (spell: (v: string) => string) =>
      parts.map(([f, v]) => (v === undefined ? f : `${f}${lead}${spell(v)} `)).join('');
    for (const [, v] of parts) {
      if (v === undefined) continue;
      values.push(v);
      if (!firstSpelling.has(stripInvisible(v))) firstSpelling.set(stripInvisible(v), v);
    }
    return { text: render((v) => v), restored: render((v) => firstSpelling.get(stripInvisible(v))!), values };
  });

function recognizer(name: string, type: string, pattern: RegExp): Recognizer {
  return {
    name,
    types: [type],
    analyze: (text) => [...text.matchAll(pattern)].map((m): Finding => ({
      type, start: m.index, end: m.index + m[0].length, text: m[0], score: 0.9, recognizer: name,
    })),
  };
}

const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split(''));
const word = (min: number, max: number) => fc.array(lower, { minLength: min, maxLength: max }).map((a) => a.join(''));
const email = fc.tuple(word(1, 8), word(1, 8), word(2, 4)).map(([l, d, t]) => `${l}@${d}.${t}`);
const account = fc.array(fc.constantFrom(...'0123456789'.split('')), { minLength: 13, maxLength: 19 }).map((a) => a.join(''));

/** Puts values back by looking each placeholder up in the vault. */
async function restoreFromVault(vault: Vault, sanitized: string): Promise<string> {
  const parts: string[] = [];
  let cursor = 0;
  for (const m of sanitized.matchAll(PLACEHOLDER_PATTERN)) {
    const value = await vault.valueOf(m[0]);
    expect(value).toBeDefined();
    parts.push(sanitized.slice(cursor, m.index), value!);
    cursor = m.index + m[0].length;
  }
  parts.push(sanitized.slice(cursor));
  return parts.join('');
}

describe('anonymize then deanonymize', () => {
  it('restores the exact input and leaks no embedded value (custom recognizers)', async () => {
    const recognizers = [
      recognizer('prop_email', 'EMAIL_ADDRESS', /[a-z0-9]{1,64}@[a-z0-9]{1,63}\.[a-z]{2,10}/g),
      recognizer('prop_account', 'US_BANK_NUMBER', /[0-9]{13,19}/g),
    ];
    await fc.assert(
      fc.asyncProperty(document(fc.oneof(email, account)), async ({ text, restored, values }) => {
        const vault = new Vault();
        const { sanitized, findings } = await new Anonymize({ vault, ner: false, defaultRecognizers: false, recognizers }).scan(text);
        for (const v of values) {
          expect(sanitized).not.toContain(v);
          expect(sanitized).not.toContain(stripInvisible(v));
        }
        expect(findings.length).toBeGreaterThanOrEqual(values.length === 0 ? 0 : 1);
        // One placeholder per value, however many invisible characters its spellings carry.
        expect(new Set(sanitized.match(PLACEHOLDER_PATTERN)).size).toBe(new Set(values.map(stripInvisible)).size);
        expect(await restoreFromVault(vault, sanitized)).toBe(restored);
        expect((await new Deanonymize({ vault }).scan(text, sanitized)).sanitized).toBe(restored);
      }),
      { numRuns: 300 },
    );
  });

  it('restores the exact input and leaks no embedded value (built-in pattern recognizers)', async () => {
    const known = fc.constantFrom(
      'john.doe@example.com',
      '4111 1111 1111 1111',
      '4111111111111111',
      'DE89370400440532013000',
      '192.168.10.24',
      'https://example.org/x?y=1',
      '123e4567-e89b-12d3-a456-426614174000',
      '+1 212-555-0142',
      '1BoatSLRHtKNngkdXEeobR76b53LETtpyT',
    );
    const scanner = (vault: Vault) => new Anonymize({ vault, ner: false });
    await fc.assert(
      fc.asyncProperty(document(known, ' | '), async ({ text, restored, values }) => {
        const vault = new Vault();
        const { sanitized } = await scanner(vault).scan(text);
        for (const v of values) expect(sanitized).not.toContain(stripInvisible(v));
        // Idempotent: a sanitized prompt scanned again with the same vault comes back unchanged.
        expect((await scanner(vault).scan(sanitized)).sanitized).toBe(sanitized);
        expect(await restoreFromVault(vault, sanitized)).toBe(restored);
        expect((await new Deanonymize({ vault }).scan(text, sanitized)).sanitized).toBe(restored);
      }),
      { numRuns: 150 },
    );
  });

  it('restores any text exactly, whatever the recognizers find in it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        fc.pre(!text.includes('[REDACTED_'));
        const vault = new Vault();
        const { sanitized } = await new Anonymize({ vault, ner: false, hiddenNames: ['acme'] }).scan(text);
        expect(await restoreFromVault(vault, sanitized)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
