/**
 * Issue 15's fuzzing suite: documents made of real-looking (fake) values, glued labels and punctuation,
 * Unicode forms, zero-width characters, forged placeholders and noise. `checkDocument` states the properties:
 *
 * 1. no crash other than Veil's typed errors (VeilError and its subclasses);
 * 2. no inserted value left verbatim in the sanitized text, nor any part of one (each occurrence is covered by findings);
 * 3. exact round trip: Deanonymize(Anonymize(x)) === x, with exact and combined matching;
 * 4. every finding's offsets lie inside the text and its `text` is the original slice.
 *
 * Used by fuzz.test.ts (a few thousand documents in `pnpm test`) and run.ts (`pnpm fuzz`, 100,000).
 */
import { Vault } from '@veil/vault';
import fc from 'fast-check';
import { Anonymize } from '../../src/anonymize.js';
import { Deanonymize } from '../../src/deanonymize.js';
import { VeilError } from '../../src/errors.js';
import type { Recognizer } from '../../src/types.js';

export interface FuzzDocument {
  text: string;
  /** Values inserted, as they appear in `text`: each must be gone from the sanitized text. */
  values: string[];
}

export const HIDDEN_NAMES = ['Maria Gonzalez', 'Project Falcon', 'Jordan Hill'];

const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split(''));
const word = (min: number, max: number) => fc.array(lower, { minLength: min, maxLength: max }).map((a) => a.join(''));
const digit = fc.integer({ min: 0, max: 9 });

export const email = fc
  .tuple(word(2, 8), fc.constantFrom('', '.', '_'), word(0, 4), word(3, 8), fc.constantFrom('com', 'org', 'net', 'io', 'de'))
  .map(([a, sep, b, d, t]) => `${a}${b ? sep + b : ''}@${d}.${t}`);

function luhnComplete(body: number[]): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body[body.length - 1 - i]!;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return [...body, (10 - (sum % 10)) % 10].join('');
}

/** Visa or Mastercard numbers with a valid check digit, compact or grouped by four. */
const cardDigits = fc
  .tuple(fc.constantFrom([4], [5, 1], [5, 5]), fc.array(digit, { minLength: 14, maxLength: 14 }))
  .map(([prefix, rest]) => luhnComplete([...prefix, ...rest].slice(0, 15)))
  .filter((n) => !/^(\d)\1+$/.test(n));
const grouped = (n: string, sep: string) => (sep === '' ? n : n.replace(/(\d{4})(?=\d)/g, `$1${sep}`));
const card = fc.tuple(cardDigits, fc.constantFrom('', ' ', '-', '\u00A0')).map(([n, sep]) => grouped(n, sep));
/** A grouped number wrapped over two lines after its second group, the separator kept at the line end or not. */
const wrappedCard = fc.tuple(cardDigits, fc.constantFrom(' ', '-'), fc.constantFrom('\n', '\r\n', 'keep')).map(([n, sep, wrap]) => {
  const line = grouped(n, sep);
  // line.slice(9, 10) is the separator after the second group.
  return `${line.slice(0, 9)}${wrap === 'keep' ? `${sep}\n` : wrap}${line.slice(10)}`;
});

const PHONES = ['415-867-2309', '(415) 867-2309', '+1 212-555-0142', '+14158672309', '+44 20 7946 0958', '212.555.0142'];
const phone = fc.constantFrom(...PHONES);
const ip = fc.constantFrom('192.168.10.25', '10.0.3.17', '2001:db8:85a3::8a2e:370:7334', '172.16.254.1');
const hidden = fc.constantFrom(...HIDDEN_NAMES, 'maria gonzalez', 'PROJECT FALCON');

/** Full-width digits for a value (NFKC folds them back). */
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

type Labelled = fc.Arbitrary<[string, string, string]>;

/**
 * The attacks: a value with what may be glued before and after it (the label is not part of the value), by
 * name, so that the leak report (leak-report.ts) can count each one apart.
 */
export const ATTACKS: Record<string, Labelled> = {
  'glued phone labels': fc.tuple(fc.constantFrom('Phone:', 'Tel:', 'Phone #', 'call ', 'Mobile: ', 'phone: '), phone, fc.constantFrom('', ':', '.', ',', ': after 5pm')),
  // Chinese and Japanese glue words to values and names without a space.
  'phone after a CJK label': fc.tuple(fc.constantFrom('電話', '电话', '電話番号 ', '携帯:'), phone, fc.constantFrom('', '。', ' Order 12345')),
  'card shapes': fc.tuple(fc.constantFrom('Card ', 'card: ', 'Visa ', 'cc '), card, fc.constantFrom('', ' 12/29', ' 123', '.', ',')),
  'card wrapped over two lines': fc.tuple(fc.constantFrom('Card ', 'card number ', 'cc '), wrappedCard, fc.constantFrom('', ' exp 12/29', '.')),
  'full-width cards': fc.tuple(fc.constantFrom('Card ', 'Order 12345 '), cardDigits.map(fullWidth), fc.constantFrom('', '.')),
  'e-mails': fc.tuple(fc.constantFrom('mail ', 'Email: ', '<', 'to '), email, fc.constantFrom('', '>', '.', ',', ';')),
  'IPs near labels and numbering words': fc.tuple(fc.constantFrom('IP ', 'Host ', 'IPv6:', 'server ', 'Step 3: connect to '), ip, fc.constantFrom('', ': down', '.', ',')),
  'hidden names': fc.tuple(fc.constantFrom('', 'by ', 'from '), hidden, fc.constantFrom('', '.', ',', '!')),
  'hidden names glued to CJK': fc.tuple(fc.constantFrom('電話', '由', '担当'), hidden, fc.constantFrom('', '様', '负责', 'さん')),
  'zero-width characters inside e-mails': fc.tuple(fc.constantFrom('mail ', 'Email: '), fc.tuple(email, fc.constantFrom('\u200B', '\u200D', '\u00AD', '\uFEFF'))
    .map(([e, zw]) => `${e.slice(0, 2)}${zw}${e.slice(2)}`), fc.constantFrom('', '.')),
  'SSNs with odd dashes': fc.tuple(fc.constantFrom('SSN: ', 'SSN '), fc.constantFrom('536-22-1234', '536221234', '536\u201122\u20111234'), fc.constantFrom('', '.')),
};

const labelled = fc.oneof(...Object.values(ATTACKS));

/** Placeholder-like text in the shapes Deanonymize's fuzzy matching reads. */
export const forged = fc
  .record({
    type: fc.constantFrom('EMAIL_ADDRESS', 'PERSON', 'CREDIT_CARD', 'PHONE_NUMBER', 'CUSTOM', 'PLACEHOLDER', 'US_SSN', 'IP_ADDRESS'),
    n: fc.integer({ min: 1, max: 3 }),
    sep: fc.constantFrom('_', ' ', '-', '', ' - '),
    bracket: fc.constantFrom('[]', '{}', '<>', ''),
    redacted: fc.boolean(),
    lowerCase: fc.boolean(),
  })
  .map(({ type, n, sep, bracket, redacted, lowerCase }) => {
    let inner = [...(redacted || bracket === '' ? ['REDACTED'] : []), ...type.split('_'), String(n)].join(sep);
    if (lowerCase) inner = inner.toLowerCase();
    return bracket === '' ? inner : `${bracket[0]}${inner}${bracket[1]}`;
  });

/** Noise between values: words, punctuation, rulers, odd spaces and characters that never form a value. */
/**
 * Words that by design mark a nearby dotted quad as a version or section number ("sdk 10.2.3.4"): a known
 * trade-off of the IP recognizer, so noise does not use them (an "IP" label right before the address still wins).
 */
const NUMBERING_WORDS = new Set(['version', 'versions', 'build', 'release', 'released', 'upgrade', 'upgraded', 'downgrade', 'downgraded',
  'firmware', 'patch', 'commit', 'rollback', 'changelog', 'sdk', 'ver', 'section', 'sections', 'chapter', 'clause',
  'paragraph', 'article', 'figure', 'table', 'step', 'appendix', 'v']);
export const noise = fc.oneof(
  word(1, 8).filter((w) => !NUMBERING_WORDS.has(w)),
  fc.constantFrom(' ', '  ', ', ', '\n', '\t', ' - ', ' | ', '; ', '(', ')', '"', '…', '😀', '中文', 'é', '\u00A0', '\u200B', '\uD800'),
  fc.constantFrom('='.repeat(100) + '\n', '-'.repeat(90) + '\n', 'Step 3: ', 'v2 ', '12 ', '2024 '),
);

type Part = { kind: 'value'; before: string; value: string; after: string } | { kind: 'text'; text: string };

const part: fc.Arbitrary<Part> = fc.oneof(
  { weight: 3, arbitrary: labelled.map(([before, value, after]): Part => ({ kind: 'value', before, value, after })) },
  { weight: 1, arbitrary: forged.map((text): Part => ({ kind: 'text', text })) },
  { weight: 4, arbitrary: noise.map((text): Part => ({ kind: 'text', text })) },
);

/** A document: parts joined by a space, so a value never runs into its neighbour. */
export const fuzzDocument: fc.Arbitrary<FuzzDocument> = fc.array(part, { minLength: 1, maxLength: 14 }).map((parts) => {
  const values: string[] = [];
  const text = parts
    .map((p) => {
      if (p.kind === 'text') return p.text;
      values.push(p.value);
      return `${p.before}${p.value}${p.after}`;
    })
    .join(' ');
  return { text, values };
});

export interface FuzzScanners {
  anonymize: (vault: Vault) => Anonymize;
}

export const patternsOnly: FuzzScanners = {
  anonymize: (vault) => new Anonymize({ vault, ner: false, hiddenNames: HIDDEN_NAMES }),
};

/**
 * A stand-in for the NER model that overreaches the way models do: every capitalised word together with the
 * token after it is a LOCATION at 0.99 ("Said 3782", "Card 4111"), so its spans cut into pattern values.
 */
export const overreachingModel: Recognizer = {
  name: 'stand_in_model',
  types: ['LOCATION'],
  analyze: (text) =>
    [...text.matchAll(/\b[A-Z][a-z]{1,10}[:#]? ?[^\s]{1,8}/g)].map((m) => ({
      type: 'LOCATION', start: m.index, end: m.index + m[0].length, text: m[0], score: 0.99, recognizer: 'stand_in_model',
    })),
};

export const withStandInModel: FuzzScanners = {
  anonymize: (vault) => new Anonymize({ vault, ner: false, hiddenNames: HIDDEN_NAMES, recognizers: [overreachingModel] }),
};

/** The default configuration: the bundled NER model beside the patterns (loaded once per process). */
export const withBundledModel: FuzzScanners = {
  anonymize: (vault) => new Anonymize({ vault, hiddenNames: HIDDEN_NAMES }),
};

const FUZZ_MODES: Record<string, { scanners: FuzzScanners; label: string }> = {
  patterns: { scanners: patternsOnly, label: 'patterns only' },
  // An overreaching stand-in model whose spans cut into pattern values.
  standin: { scanners: withStandInModel, label: 'stand-in model' },
  bundled: { scanners: withBundledModel, label: 'bundled model' },
};

/** The configuration VEIL_FUZZ_MODEL names (patterns, standin or bundled; default patterns), for the fuzz scripts. */
export function fuzzModeFromEnv(): { scanners: FuzzScanners; label: string } {
  const mode = FUZZ_MODES[process.env.VEIL_FUZZ_MODEL ?? 'patterns'];
  if (mode === undefined) {
    console.error(`VEIL_FUZZ_MODEL must be one of ${Object.keys(FUZZ_MODES).join(', ')}`);
    process.exit(2);
  }
  return mode;
}

export class PropertyFailure extends Error {}

function fail(property: string, detail: string): never {
  throw new PropertyFailure(`${property}: ${detail}`);
}

/**
 * The inserted values that are left, whole or in part: each occurrence must lie wholly inside redacted spans,
 * so no piece of it is left either.
 */
export function valuesLeft({ text, values }: FuzzDocument, { sanitized, findings }: { sanitized: string; findings: ReadonlyArray<{ start: number; end: number }> }): string[] {
  const spans = [...findings].sort((a, b) => a.start - b.start);
  return values.filter((v) => {
    if (sanitized.includes(v)) return true;
    for (let at = text.indexOf(v); at !== -1; at = text.indexOf(v, at + 1)) {
      let covered = at;
      for (const f of spans) {
        // A space between two redacted pieces is not part of any value's content.
        while (covered < f.start && /\s/.test(text[covered]!)) covered++;
        if (f.start <= covered && f.end > covered) covered = f.end;
      }
      if (covered < at + v.length) return true;
    }
    return false;
  });
}

/** Checks the four properties on one document; throws PropertyFailure naming the first one broken. */
export async function checkDocument({ text, values }: FuzzDocument, scanners: FuzzScanners = patternsOnly): Promise<void> {
  const vault = new Vault();
  let result;
  try {
    result = await scanners.anonymize(vault).scan(text);
  } catch (error) {
    if (error instanceof VeilError) return;
    fail('no crash', `threw ${error instanceof Error ? error.name : typeof error}`);
  }
  const left = valuesLeft({ text, values }, result);
  if (left.length > 0) fail('no value left', JSON.stringify(left[0]));
  const { sanitized, findings } = result;
  for (const f of findings) {
    if (!(Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.start < f.end && f.end <= text.length)) {
      fail('offsets', `${f.start}..${f.end} outside 0..${text.length}`);
    }
    if (text.slice(f.start, f.end) !== f.text) fail('offsets', `text of ${f.type} at ${f.start} is not the original slice`);
  }
  for (const matching of ['exact', 'combined'] as const) {
    const back = (await new Deanonymize({ vault, matching }).scan('', sanitized)).sanitized;
    if (back !== text) fail('round trip', `${matching} matching did not give the input back`);
  }
}
