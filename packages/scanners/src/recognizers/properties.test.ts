import fc from 'fast-check';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { creditCardRecognizer } from './credit-card.js';
import { defaultRecognizers } from './index.js';
import { withLuhnDigit } from './__fixtures__/support.js';

const recognizers = defaultRecognizers();
const cards = creditCardRecognizer();
const visaNumber = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }).map((digits) => withLuhnDigit(`4${digits.join('')}`));
// Digits, separators and lone surrogate halves, so the text often looks almost like an entity.
const nearEntityChar = fc.oneof(
  fc.constantFrom('\uD83D', '\uDE00', '4', '1', '0', '5', ' ', '-', '.', '@', ':', 'a', 'F', '\n', '(', ')', '+'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const prose = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', ' ', ',', '.', '\n'), maxLength: 40 });

describe('recognizer properties', () => {
  it('every recognizer returns consistent, in-bounds findings on arbitrary text, broken surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: nearEntityChar, maxLength: 200 }), (text) => {
        for (const recognizer of recognizers) {
          for (const finding of recognizer.analyze(text) as ReturnType<typeof cards.analyze>) {
            expect(finding.start).toBeGreaterThanOrEqual(0);
            expect(finding.end).toBeLessThanOrEqual(text.length);
            expect(finding.start).toBeLessThan(finding.end);
            expect(text.slice(finding.start, finding.end)).toBe(finding.text);
            expect(finding.score).toBeGreaterThanOrEqual(0);
            expect(finding.score).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds any Luhn-valid Visa number wherever it sits in prose', () => {
    fc.assert(
      fc.property(visaNumber, prose, prose, (card, before, after) => {
        const text = `${before} ${card} ${after}`;
        const found = cards.analyze(text);
        expect(found.map((f) => [f.start, f.text])).toEqual([[before.length + 1, card]]);
      }),
    );
  });

  it('rejects every single-digit substitution of a valid card number', () => {
    fc.assert(
      fc.property(visaNumber, fc.nat({ max: 15 }), fc.integer({ min: 1, max: 9 }), (card, at, shift) => {
        const digit = (Number(card[at]) + shift) % 10;
        const mutated = `${card.slice(0, at)}${digit}${card.slice(at + 1)}`;
        expect(validator.isLuhnNumber(mutated)).toBe(false);
        expect(cards.analyze(`pay ${mutated} now`)).toEqual([]);
      }),
    );
  });
});
