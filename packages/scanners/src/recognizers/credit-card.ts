/**
 * CREDIT_CARD: 12-19 digit card numbers, compact or grouped with spaces or dashes. A number is a card when
 * Luhn holds and an issuer's range and length match it, or, beside a card word ("card", "visa", "cc"), when
 * Luhn alone holds. A 15-digit IMEI is Luhn-valid too: next to "IMEI" a number is never a card.
 */
import validator from 'validator';
import { findContextWord, type ContextOptions } from './context.js';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

interface Brand {
  name: string;
  /** Inclusive prefix ranges, compared on the first `String(from).length` digits. */
  prefixes: ReadonlyArray<readonly [from: number, to: number]>;
  lengths: readonly number[];
}

const LONG = [16, 17, 18, 19];
const ALL = [12, 13, 14, 15, ...LONG];

/**
 * Issuer identification ranges (ISO/IEC 7812 IINs as the networks publish them). Checked in order: the
 * narrow co-branded ranges (RuPay, Verve, Troy, Elo, Dankort) come before the broad ones that contain them,
 * and Maestro last, since it takes whatever is left of 50 and 56-69.
 */
const BRANDS: readonly Brand[] = [
  { name: 'amex', prefixes: [[34, 34], [37, 37]], lengths: [15] },
  { name: 'jcb', prefixes: [[1800, 1800], [2131, 2131]], lengths: [15] },
  { name: 'uatp', prefixes: [[1, 1]], lengths: [15] },
  { name: 'jcb', prefixes: [[3528, 3589]], lengths: LONG },
  { name: 'diners', prefixes: [[300, 305], [3095, 3095], [36, 36], [38, 39]], lengths: [14, ...LONG] },
  { name: 'mir', prefixes: [[2200, 2204]], lengths: LONG },
  { name: 'mastercard', prefixes: [[51, 55], [2221, 2720]], lengths: [16] },
  { name: 'elo', prefixes: [[401178, 401179], [431274, 431274], [438935, 438935], [451416, 451416], [457393, 457393], [457631, 457632], [504175, 504175], [506699, 506778], [509000, 509999], [627780, 627780], [636297, 636297], [636368, 636368], [650031, 650033], [650035, 650051], [650405, 650439], [650485, 650538], [650541, 650598], [650700, 650718], [650720, 650727], [650901, 650978], [651652, 651679], [655000, 655019], [655021, 655058]], lengths: [16] },
  { name: 'visa', prefixes: [[4, 4]], lengths: [13, 16, 19] },
  { name: 'verve', prefixes: [[506099, 506198], [507865, 507964], [650002, 650027]], lengths: [16, 18, 19] },
  { name: 'rupay', prefixes: [[508500, 508999], [606985, 607984], [608001, 608500], [652150, 653149], [817200, 819899], [820000, 822199], [353, 353], [356, 356]], lengths: [16] },
  { name: 'troy', prefixes: [[9792, 9792]], lengths: [16] },
  { name: 'dankort', prefixes: [[5019, 5019]], lengths: [16] },
  { name: 'hipercard', prefixes: [[606282, 606282], [3841, 3841]], lengths: [16, 19] },
  { name: 'discover', prefixes: [[6011, 6011], [644, 649], [65, 65], [622126, 622925]], lengths: LONG },
  { name: 'unionpay', prefixes: [[62, 62], [81, 81]], lengths: [...ALL.filter((n) => n >= 14)] },
  { name: 'interpayment', prefixes: [[636, 636]], lengths: LONG },
  { name: 'instapayment', prefixes: [[637, 639]], lengths: [16] },
  { name: 'maestro', prefixes: [[50, 50], [56, 69]], lengths: ALL },
];

export function cardBrand(digits: string): string | undefined {
  for (const brand of BRANDS) {
    if (!brand.lengths.includes(digits.length)) continue;
    for (const [from, to] of brand.prefixes) {
      const prefix = Number(digits.slice(0, String(from).length));
      if (prefix >= from && prefix <= to) return brand.name;
    }
  }
  return undefined;
}

// Printed groupings use groups of 3 to 6 digits (4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3).
const MIN_GROUP = 3;
const MAX_GROUP = 6;

const CONTEXT: ContextOptions = {
  words: ['card', 'cards', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'maestro', 'jcb', 'discover', 'unionpay', 'cc', 'payment', 'pan', 'cardholder'],
  boost: 0.05,
};
// Words that vouch for a number no issuer range claims: "payment" alone does not.
const CARD_WORDS: ContextOptions = {
  words: ['card', 'cards', 'credit card', 'debit card', 'card number', 'card no', 'cardholder', 'visa', 'mastercard', 'amex', 'maestro', 'jcb', 'discover', 'unionpay', 'cc', 'pan'],
  boost: 0,
};
// Device identifiers are Luhn-checked 15-digit numbers: a device word beside one rules out a card.
const DEVICE_WORDS: ContextOptions = { words: ['imei', 'imeisv', 'imei1', 'imei2', 'meid', 'device id', 'handset'], window: 4, boost: 0 };

const UNKNOWN_ISSUER_SCORE = 0.6;
/** Between two digit groups: a separator, or a line break where the text wrapped (with or without one). */
const LINE_WRAP_OR_SEPARATOR = /[ -]?\r?\n|[ -]/;

interface Surroundings {
  cardWord: boolean;
  deviceWord: boolean;
}

function checkDigits(digits: string, around: () => Surroundings): Validation | undefined {
  if (digits.length < 12 || digits.length > 19) return undefined;
  if (!validator.isLuhnNumber(digits) || /^(\d)\1+$/.test(digits)) return undefined;
  const { cardWord, deviceWord } = around();
  if (deviceWord) return undefined;
  const brand = cardBrand(digits);
  if (brand !== undefined) return { ok: true, explanation: `${brand}, luhn ok` };
  if (cardWord) return { ok: true, explanation: 'no issuer range, luhn ok, card word beside it', score: UNKNOWN_ISSUER_SCORE };
  return undefined;
}

/** Length of the text covering the first `count` digit groups. */
function groupsLength(text: string, count: number): number {
  const group = /\d+/g;
  let end = 0;
  for (let i = 0; i < count; i++) {
    const match = group.exec(text);
    if (!match) break;
    end = match.index + match[0].length;
  }
  return end;
}

/**
 * Accepts the longest run of groups that forms a valid card: a number followed by an unrelated
 * digit group ("4111 1111 1111 1111 5 times") keeps only the card.
 */
function validateCard(candidate: Candidate): Validation {
  let surroundings: Surroundings | undefined;
  const around = (): Surroundings =>
    (surroundings ??= {
      cardWord: findContextWord(candidate.source, candidate.start, candidate.end, CARD_WORDS) !== undefined,
      deviceWord: findContextWord(candidate.source, candidate.start, candidate.end, DEVICE_WORDS) !== undefined,
    });
  if (!/\D/.test(candidate.text)) return checkDigits(candidate.text, around) ?? { ok: false, explanation: 'not a card number' };
  // A line break where the text wrapped stands for whichever separator the number uses; a different
  // separator ends it ("4111-1111-1111-1111 123": the CVV after a space is not part of it).
  const first = /[ -]/.exec(candidate.text)?.[0];
  const other = first === undefined ? -1 : candidate.text.search(first === ' ' ? /-/ : / /);
  const text = other === -1 ? candidate.text : candidate.text.slice(0, other);
  const groups = text.split(LINE_WRAP_OR_SEPARATOR);
  // An unrelated number may come before the card ("Order 12345 4111 1111 1111 1111") or after it
  // (an expiry, a CVV, a second card): the earliest valid run of groups wins, the longest at that start.
  // A run an issuer's range claims is preferred to a longer one only Luhn and a card word vouch for
  // ("5190 0550 4093 5994 123": the Mastercard, not 19 digits with the CVV).
  // The earliest run first: what validation skips before a card is never looked at again, what follows it is.
  for (const branded of [true, false])
  for (let from = 0; from < groups.length - 1; from++) {
    for (let count = groups.length - from; count >= 2; count--) {
      const kept = groups.slice(from, from + count);
      if (kept.some((g) => g.length < MIN_GROUP || g.length > MAX_GROUP)) continue;
      const verdict = checkDigits(kept.join(''), around);
      if (!verdict || (branded && verdict.score !== undefined)) continue;
      const skip = from === 0 ? 0 : groupsLength(candidate.text, from);
      const skipTo = from === 0 ? 0 : skip + (/^\D+/.exec(candidate.text.slice(skip))?.[0].length ?? 0);
      return { ...verdict, skip: skipTo, length: groupsLength(candidate.text, from + count) };
    }
  }
  return { ok: false, explanation: 'not a card number' };
}

export function creditCardRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'credit_card',
    type: 'CREDIT_CARD',
    patterns: [
      // A digit group may follow (an expiry, a CVV): the number is still read, and validation keeps the card.
      { name: 'card_digits', regex: /(?<![\w-])\d{12,19}(?!\w|-\d)/, score: 0.9 },
      // Up to nine groups: a card between other numbers, or two cards in a row ("4111 1111 1111 1111 5500 ...").
      // A group may end a line with its separator still in place ("4111-1111-" then "1111-1111").
      { name: 'card_grouped', regex: /(?<![\w-])\d{1,6}(?:(?:[ -]?\r?\n|[ -])\d{1,6}){1,8}(?!\w)/, score: 0.95 },
    ],
    validate: validateCard,
    context: CONTEXT,
  });
}
