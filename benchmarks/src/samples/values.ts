import { createHash } from 'node:crypto';
import { base58, bech32, keccak_256 } from './crypto-deps.js';
import type { SeededRandom } from './rng.js';

/**
 * Value generators for `{{LABEL|@name:opt1:opt2}}` markup. Every value that carries a checksum is
 * generated valid (Luhn, IBAN mod-97, base58check, bech32, EIP-55), so a precise detector has no
 * excuse to skip it. Decoy generators (git hashes, ticket numbers, timestamps) produce look-alikes
 * that must NOT be flagged.
 */
export interface GeneratorContext {
  rng: SeededRandom;
  /** Seconds since the document's base time; advanced by `@ts` so log timestamps increase. */
  clockSeconds: number;
}

type Generator = (ctx: GeneratorContext, options: readonly string[]) => string;

export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // Double every second digit counting from the right of the full number (the check digit is rightmost).
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

function groupDigits(value: string, sizes: readonly number[], separator: string): string {
  const parts: string[] = [];
  let offset = 0;
  for (const size of sizes) {
    parts.push(value.slice(offset, offset + size));
    offset += size;
  }
  if (offset < value.length) parts.push(value.slice(offset));
  return parts.filter((part) => part !== '').join(separator);
}

function formatCard(number: string, options: readonly string[]): string {
  const sizes = number.length === 15 ? [4, 6, 5] : number.length === 14 ? [4, 6, 4] : [4, 4, 4, 4];
  if (options.includes('plain')) return number;
  if (options.includes('dashed')) return groupDigits(number, sizes, '-');
  return groupDigits(number, sizes, ' ');
}

function cardGenerator(prefixes: readonly string[], length: number): Generator {
  return ({ rng }, options) => {
    const prefix = rng.pick(prefixes);
    const payload = prefix + rng.digits(length - prefix.length - 1);
    return formatCard(payload + luhnCheckDigit(payload), options);
  };
}

/** ISO 13616 mod-97 over the rearranged IBAN with letters as 10..35; big numbers folded piecewise. */
export function mod97(numericOrAlnum: string): number {
  let remainder = 0;
  for (const char of numericOrAlnum) {
    const code = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Builders of national account numbers (BBAN); where the country has its own check digits they are computed too. */
const BBAN_BUILDERS: Record<string, (rng: SeededRandom) => string> = {
  DE: (rng) => rng.digits(18),
  AT: (rng) => rng.digits(16),
  GB: (rng) => rng.pick(['NWBK', 'BARC', 'LOYD', 'MIDL', 'HBUK']) + rng.digits(14),
  IE: (rng) => rng.pick(['AIBK', 'BOFI', 'IPBS']) + rng.digits(14),
  NL: (rng) => rng.pick(['ABNA', 'RABO', 'INGB', 'TRIO']) + rng.digits(10),
  CH: (rng) => rng.digits(17),
  BE: (rng) => {
    const body = rng.digits(10);
    const check = Number(BigInt(body) % 97n) || 97;
    return body + String(check).padStart(2, '0');
  },
  FR: (rng) => {
    const bank = rng.digits(5);
    const branch = rng.digits(5);
    const account = rng.digits(11);
    const key = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
    return bank + branch + account + String(key).padStart(2, '0');
  },
};

function iban({ rng }: GeneratorContext, options: readonly string[]): string {
  const country = options.find((option) => option in BBAN_BUILDERS) ?? 'DE';
  const build = BBAN_BUILDERS[country];
  if (!build) throw new RangeError(`no IBAN builder for ${country}`);
  const bban = build(rng);
  const check = String(98 - mod97(bban + country + '00')).padStart(2, '0');
  const electronic = country + check + bban;
  return options.includes('print') ? electronic.replace(/(.{4})(?=.)/g, '$1 ') : electronic;
}

function ssn({ rng }: GeneratorContext, options: readonly string[]): string {
  // Area 000, 666 and 900-999, group 00 and serial 0000 are never issued.
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  const parts = [
    String(area).padStart(3, '0'),
    String(rng.int(1, 99)).padStart(2, '0'),
    String(rng.int(1, 9999)).padStart(4, '0'),
  ];
  if (options.includes('plain')) return parts.join('');
  if (options.includes('spaced')) return parts.join(' ');
  return parts.join('-');
}

function ipv4({ rng }: GeneratorContext, options: readonly string[]): string {
  if (options.includes('private')) {
    return rng.pick([
      `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      `192.168.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      `172.${rng.int(16, 31)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    ]);
  }
  let first = rng.int(11, 223);
  if (first === 127) first = 128;
  return `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

function ipv6({ rng }: GeneratorContext, options: readonly string[]): string {
  const groups = Array.from({ length: 6 }, () => rng.hex(4).replace(/^0+(?=.)/, ''));
  if (options.includes('full')) return ['2001', 'db8', ...groups].join(':');
  // The compressed form with `::` is what logs usually show.
  return `2a02:${rng.hex(3)}:${groups[0]}::${groups[1]}:${groups[2]}`;
}

function uuid({ rng }: GeneratorContext, options: readonly string[]): string {
  const hex = rng.hex(32).split('');
  hex[12] = '4';
  hex[16] = rng.pick(['8', '9', 'a', 'b']);
  const text = hex.join('');
  const value = `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  return options.includes('upper') ? value.toUpperCase() : value;
}

function sha256(bytes: Uint8Array): Uint8Array {
  return createHash('sha256').update(bytes).digest();
}

function base58check(version: number, payload: Uint8Array): string {
  const body = new Uint8Array([version, ...payload]);
  const checksum = sha256(sha256(body)).subarray(0, 4);
  return base58.encode(new Uint8Array([...body, ...checksum]));
}

function bitcoin({ rng }: GeneratorContext, options: readonly string[]): string {
  const program = rng.bytes(20);
  if (options.includes('bech32')) return bech32.encode('bc', [0, ...bech32.toWords(program)]);
  if (options.includes('p2sh')) return base58check(0x05, program);
  return base58check(0x00, program);
}

export function eip55(lowerHexAddress: string): string {
  const body = lowerHexAddress.replace(/^0x/, '').toLowerCase();
  const hash = Buffer.from(keccak_256(new TextEncoder().encode(body))).toString('hex');
  let out = '0x';
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? '';
    out += Number.parseInt(hash[i] ?? '0', 16) >= 8 ? char.toUpperCase() : char;
  }
  return out;
}

function ethereum({ rng }: GeneratorContext, options: readonly string[]): string {
  const lower = '0x' + rng.hex(40);
  return options.includes('checksum') ? eip55(lower) : lower;
}

function bankAccount({ rng }: GeneratorContext, options: readonly string[]): string {
  const length = Number(options.find((option) => /^\d+$/.test(option)) ?? rng.int(9, 12));
  return String(rng.int(1, 9)) + rng.digits(length - 1);
}

/** US driver licence numbers in the shapes the issuing states use. */
function driverLicense({ rng }: GeneratorContext, options: readonly string[]): string {
  const state = options[0] ?? 'CA';
  switch (state) {
    case 'CA':
      return rng.letters(1) + rng.digits(7);
    case 'NY':
      return groupDigits(rng.digits(9), [3, 3, 3], options.includes('plain') ? '' : ' ');
    case 'FL':
      return rng.letters(1) + groupDigits(rng.digits(12), [3, 3, 2, 3, 1], '-');
    case 'IL':
      return rng.letters(1) + groupDigits(rng.digits(11), [3, 4, 4], '-');
    case 'TX':
      return String(rng.int(1, 4)) + rng.digits(7);
    case 'WA':
      return 'WDL' + rng.letters(1) + rng.digits(2) + rng.letters(2) + rng.digits(3) + rng.letters(1);
    default:
      throw new RangeError(`no driver licence shape for ${state}`);
  }
}

function passport({ rng }: GeneratorContext, options: readonly string[]): string {
  // Next-generation US passport books start with a letter; older ones are nine digits.
  return options.includes('ng') ? rng.pick(['A', 'B', 'C', 'E']) + rng.digits(8) : String(rng.int(1, 9)) + rng.digits(8);
}

// ---- decoys: look-alikes that a detector must leave alone ----

function gitSha({ rng }: GeneratorContext, options: readonly string[]): string {
  return options.includes('short') ? rng.hex(7) : rng.hex(40);
}

function ticketNumber({ rng }: GeneratorContext): string {
  return String(rng.int(1, 9)) + rng.digits(8);
}

const BASE_TIME_MS = Date.UTC(2024, 2, 15, 14, 22, 7);

function timestamp(ctx: GeneratorContext, options: readonly string[]): string {
  ctx.clockSeconds += ctx.rng.int(0, 9);
  const iso = new Date(BASE_TIME_MS + ctx.clockSeconds * 1000).toISOString();
  if (options.includes('iso')) return iso.replace(/\.\d{3}Z$/, 'Z');
  if (options.includes('time')) return iso.slice(11, 19);
  return iso.slice(0, 19).replace('T', ' ');
}

function hexId({ rng }: GeneratorContext, options: readonly string[]): string {
  return rng.hex(Number(options[0] ?? 16));
}

const GENERATORS: Record<string, Generator> = {
  visa: cardGenerator(['4'], 16),
  mastercard: cardGenerator(['51', '52', '53', '54', '55', '2221', '2720'], 16),
  amex: cardGenerator(['34', '37'], 15),
  discover: cardGenerator(['6011', '65'], 16),
  jcb: cardGenerator(['3528', '3541', '3566', '3589'], 16),
  maestro: cardGenerator(['5018', '5020', '6304', '6759'], 16),
  unionpay: cardGenerator(['62'], 16),
  mir: cardGenerator(['2200', '2202', '2204'], 16),
  diners: cardGenerator(['300', '305', '36', '38'], 14),
  rupay: cardGenerator(['6521', '6522', '508'], 16),
  iban,
  ssn,
  ipv4,
  ipv6,
  uuid,
  btc: bitcoin,
  eth: ethereum,
  bank: bankAccount,
  dl: driverLicense,
  passport,
  gitsha: gitSha,
  ticket: ticketNumber,
  ts: timestamp,
  hexid: hexId,
};

export const GENERATOR_NAMES: readonly string[] = Object.keys(GENERATORS);

/** Runs `@name:opt:opt`; throws a RangeError for an unknown name so typos in the sources fail the build. */
export function generateValue(ctx: GeneratorContext, spec: string): string {
  const [name = '', ...options] = spec.split(':');
  const generator = GENERATORS[name];
  if (!generator) throw new RangeError(`unknown value generator @${name}`);
  const value = generator(ctx, options);
  return options.includes('wrap') ? wrapAtMiddleSeparator(value) : value;
}

/** `:wrap` breaks the value over a line at its middle separator, as a mail client wrapping a long line does. */
function wrapAtMiddleSeparator(value: string): string {
  const separators = [...value.matchAll(/[ -]/g)].map((match) => match.index);
  const middle = separators[Math.floor((separators.length - 1) / 2)];
  if (middle === undefined) throw new RangeError('`:wrap` needs a value with separators');
  // A hyphen stays at the end of the line; a space becomes the line break.
  return value[middle] === '-' ? `${value.slice(0, middle + 1)}\n${value.slice(middle + 1)}` : `${value.slice(0, middle)}\n${value.slice(middle + 1)}`;
}
