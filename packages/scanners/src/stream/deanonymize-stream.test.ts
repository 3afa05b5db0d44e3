import { Vault } from '@veil/vault';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deanonymize, deanonymizeText } from '../deanonymize.js';
import { InvalidInputError } from '../errors.js';
import { MATCHING_STRATEGIES, PlaceholderMatcher } from '../placeholder-match.js';
import type { MatchingStrategy, PlaceholderEntry } from '../placeholder-match.js';
import { DeanonymizeTransformStream, deanonymizeStream } from './deanonymize-stream.js';
import { StreamingDeanonymizer } from './streaming-deanonymizer.js';

const ENTRIES: PlaceholderEntry[] = [
  { placeholder: '[REDACTED_PERSON_1]', type: 'PERSON', value: 'John Smith' },
  { placeholder: '[REDACTED_PERSON_2]', type: 'PERSON', value: 'Jane Roe' },
  { placeholder: '[REDACTED_PERSON_12]', type: 'PERSON', value: 'Max Mustermann' },
  { placeholder: '[REDACTED_EMAIL_ADDRESS_1]', type: 'EMAIL_ADDRESS', value: 'john@example.com' },
  { placeholder: '[REDACTED_US_SSN_1]', type: 'US_SSN', value: '078-05-1120' },
  // Shares its letters with US_SSN_1: written without separators the two are equally close.
  { placeholder: '[REDACTED_USS_SN_1]', type: 'USS_SN', value: 'other' },
];

/** Placeholder forms a model produces, for vault entries and for ones the vault does not know. */
const placeholderText = fc.oneof(
  fc.constantFrom(...ENTRIES.map((e) => e.placeholder)),
  fc.constantFrom(
    '[redacted_person_1]', 'REDACTED PERSON 2', 'redacted_person_12', '[REDACTED_PERSON1]', '(REDACTED-EMAIL-ADDRESS-1)', '{REDACTED_PERSON_2}',
    '[PERSON_2]', 'REDACTEDUSSSN1', 'REDACTED US SSN 1', '[REDACTED_\u200bPERSON_1]', '<Redacted_Person_2>',
    '[REDACTED_PERSON_9]', '[REDACTED_LOCATION_1]', '[REDACTED_PERSON_', 'REDACTED_PERSON_1x', 'REDACTED',
  ),
);

/** Filler rich in characters that can start or continue a placeholder. */
const filler = fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '<', 'R', 'r', 'E', 'D', '_', ' ', '-', '1', '2', 'a', 'x', '\n', '\u200b', '🙂'), maxLength: 12 });

const textWithPlaceholders = fc.array(fc.oneof(filler, placeholderText), { maxLength: 14 }).map((parts) => parts.join(''));

/** Splits `text` at the given cut points (taken modulo its length), giving every possible chunking. */
function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => (text.length === 0 ? 0 : c % (text.length + 1))))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

function streamAll(matcher: PlaceholderMatcher, chunks: string[]): { output: string; maxHeld: number } {
  const restorer = new StreamingDeanonymizer(matcher);
  let output = '';
  let maxHeld = 0;
  for (const chunk of chunks) {
    output += restorer.push(chunk);
    maxHeld = Math.max(maxHeld, restorer.heldBack);
  }
  return { output: output + restorer.end(), maxHeld };
}

const strategy = fc.constantFrom<MatchingStrategy>(...MATCHING_STRATEGIES);

describe('deanonymizeStream equals Deanonymize', () => {
  it('for every text and every way to cut it into chunks', () => {
    fc.assert(
      fc.property(textWithPlaceholders, fc.array(fc.nat(), { maxLength: 20 }), strategy, (text, cuts, matching) => {
        const matcher = new PlaceholderMatcher(ENTRIES, matching);
        const expected = deanonymizeText(matcher, text).sanitized;
        expect(streamAll(matcher, splitAt(text, cuts)).output).toBe(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('with one character per chunk', () => {
    fc.assert(
      fc.property(textWithPlaceholders, strategy, (text, matching) => {
        const matcher = new PlaceholderMatcher(ENTRIES, matching);
        const expected = deanonymizeText(matcher, text).sanitized;
        // Code units, not code points: a chunk boundary may even split a surrogate pair.
        expect(streamAll(matcher, text.split('')).output).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('lets no placeholder of a vault value through', () => {
    fc.assert(
      fc.property(textWithPlaceholders, fc.array(fc.nat(), { maxLength: 20 }), strategy, (text, cuts, matching) => {
        const { output } = streamAll(new PlaceholderMatcher(ENTRIES, matching), splitAt(text, cuts));
        for (const entry of ENTRIES) expect(output).not.toContain(entry.placeholder);
      }),
      { numRuns: 500 },
    );
  });
});

describe('holdback', () => {
  it('never exceeds the longest placeholder plus the fuzzy slack', () => {
    fc.assert(
      fc.property(textWithPlaceholders, fc.array(fc.nat(), { maxLength: 20 }), strategy, (text, cuts, matching) => {
        const matcher = new PlaceholderMatcher(ENTRIES, matching);
        const expected = deanonymizeText(matcher, text).sanitized;
        const restorer = new StreamingDeanonymizer(matcher);
        let output = '';
        for (const chunk of splitAt(text, cuts)) {
          output += restorer.push(chunk);
          // Delay between input and output, in input characters.
          expect(restorer.heldBack).toBeLessThanOrEqual(matcher.holdbackLimit);
          // What was released is final: it is a prefix of the batch result.
          expect(expected.startsWith(output)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('holds back only a possible placeholder prefix', () => {
    const exact = new StreamingDeanonymizer(new PlaceholderMatcher(ENTRIES, 'exact'));
    expect(exact.push('Hello ')).toBe('Hello ');
    expect(exact.push('[')).toBe('');
    expect(exact.heldBack).toBe(1);
    expect(exact.push('REDAC')).toBe('');
    expect(exact.push('TED_PERSON_1] and [x')).toBe('John Smith and [x');
    expect(exact.heldBack).toBe(0);
    expect(exact.push('[REDACTED_PERSON_1')).toBe('');
    expect(exact.push('2] ok')).toBe('Max Mustermann ok');
    expect(exact.end()).toBe('');

    const fuzzy = new StreamingDeanonymizer(new PlaceholderMatcher(ENTRIES, 'fuzzy'));
    expect(fuzzy.push('Dear R')).toBe('Dear ');
    expect(fuzzy.push('obert')).toBe('Robert');
    expect(fuzzy.push(', REDACTED PERSON 1')).toBe(', ');
    // `1` may still become `12`: the next character decides.
    expect(fuzzy.push('2')).toBe('');
    expect(fuzzy.push('.')).toBe('Max Mustermann.');
    expect(fuzzy.push(' Bye REDACTED_PERSON_1')).toBe(' Bye ');
    expect(fuzzy.end()).toBe('John Smith');
  });

  it('stays within the bound one character at a time through a long answer', () => {
    const matcher = new PlaceholderMatcher(ENTRIES, 'combined');
    const text = 'Write to [REDACTED_EMAIL_ADDRESS_1] or ask redacted person 2 about (REDACTED_US_SSN_1). '.repeat(50);
    const restorer = new StreamingDeanonymizer(matcher);
    let maxHeld = 0;
    let output = '';
    for (const ch of text) {
      output += restorer.push(ch);
      maxHeld = Math.max(maxHeld, restorer.heldBack);
    }
    output += restorer.end();
    expect(output).toBe(deanonymizeText(matcher, text).sanitized);
    expect(output).toContain('Write to john@example.com or ask Jane Roe about (078-05-1120).');
    expect(maxHeld).toBeGreaterThan(0);
    expect(maxHeld).toBeLessThanOrEqual(matcher.holdbackLimit);
  });
});

describe('stream APIs', () => {
  async function* chunksOf(parts: string[]): AsyncGenerator<string> {
    for (const part of parts) yield part;
  }

  it('deanonymizeStream restores a placeholder split across chunks', async () => {
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'John Smith');
    const out: string[] = [];
    for await (const piece of deanonymizeStream(chunksOf(['Hi [REDAC', 'TED_PERSON_1]', '!']), { vault })) out.push(piece);
    expect(out.join('')).toBe('Hi John Smith!');
    expect(out[0]).toBe('Hi ');
  });

  it('accepts a Deanonymize instance as options', async () => {
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'John Smith');
    const deanonymize = new Deanonymize({ vault, matching: 'fuzzy' });
    const out: string[] = [];
    for await (const piece of deanonymizeStream(['Hi redacted', ' person 1', '!'], deanonymize)) out.push(piece);
    expect(out.join('')).toBe('Hi John Smith!');
  });

  it('DeanonymizeTransformStream works in a WHATWG pipeline', async () => {
    const vault = new Vault();
    await vault.placeholderFor('EMAIL_ADDRESS', 'ann@example.com');
    const source = new ReadableStream<string>({
      start(controller) {
        for (const chunk of ['Mail [', 'REDACTED_EMAIL_ADD', 'RESS_1', '] now']) controller.enqueue(chunk);
        controller.close();
      },
    });
    const reader = source.pipeThrough(new DeanonymizeTransformStream({ vault })).getReader();
    let out = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      out += value;
    }
    expect(out).toBe('Mail ann@example.com now');
  });

  it('surfaces a source error as an error', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'Hello [REDACTED_';
      throw new Error('connection reset');
    }
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'John Smith');
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const piece of deanonymizeStream(failing(), { vault })) seen.push(piece);
      })(),
    ).rejects.toThrow('connection reset');
    expect(seen.join('')).toBe('Hello ');
  });

  it('rejects non-string chunks with a typed error', async () => {
    const restorer = new StreamingDeanonymizer(new PlaceholderMatcher(ENTRIES));
    expect(() => restorer.push(7 as unknown as string)).toThrow(InvalidInputError);
    restorer.end();
    expect(() => restorer.push('late')).toThrow(InvalidInputError);
  });
});
