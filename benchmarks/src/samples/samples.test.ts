import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The validators come from the packages @veil/scanners depends on; they check the generated values
// independently of the generator code that made them.
import validator from 'validator';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { checkDocuments, findUnlabelledRepeats, summarize } from './check.js';
import { compileSources, SAMPLES_FILE } from './compile.js';
import { CORE_SAMPLE_LABELS, parseJsonl, SAMPLE_LABELS, sliceCodePoints, toJsonl } from './dataset.js';
import type { SampleDocument } from './dataset.js';
import { eip55 } from './values.js';

const committed = readFileSync(SAMPLES_FILE, 'utf8');
const documents = parseJsonl(committed) as SampleDocument[];
const spansOf = (label: string) =>
  documents.flatMap((doc) =>
    doc.spans.filter((span) => span.label === label).map((span) => ({ id: doc.id, value: sliceCodePoints(doc.text, span.start, span.end) })),
  );

/** The document text with every labelled span blanked out: where decoys must live. */
function unlabelledText(doc: SampleDocument): string {
  const chars = Array.from(doc.text);
  for (const span of doc.spans) for (let i = span.start; i < span.end; i++) chars[i] = ' ';
  return chars.join('');
}
const allUnlabelled = documents.map(unlabelledText).join('\n');
const countMatches = (pattern: RegExp) => allUnlabelled.match(pattern)?.length ?? 0;

describe('compiled samples', () => {
  it('are exactly what the sources compile to (deterministic and up to date)', () => {
    const first = toJsonl(compileSources());
    expect(toJsonl(compileSources())).toBe(first);
    expect(committed).toBe(first);
  });

  it('pass the labelling check', () => {
    expect(checkDocuments(documents)).toEqual([]);
  });

  it('label every occurrence of a labelled value within a document', () => {
    expect(documents.flatMap((doc) => findUnlabelledRepeats(doc))).toEqual([]);
  });

  it('record each span text as found at its code-point offsets, trimmed', () => {
    for (const doc of documents) {
      for (const span of doc.spans) {
        const value = sliceCodePoints(doc.text, span.start, span.end);
        expect(value, `${doc.id} ${span.start}`).toBe(span.text);
        expect(value.trim()).toBe(value);
      }
    }
  });

  it('meet the size requirements of issue 4', () => {
    const summary = summarize(documents);
    expect(summary.documents).toBeGreaterThanOrEqual(60);
    expect(summary.minLength).toBeGreaterThanOrEqual(200);
    expect(summary.maxLength).toBeLessThanOrEqual(20_000);
    expect(summary.maxLength).toBeGreaterThanOrEqual(18_000);
    const long = documents.filter((doc) => Array.from(doc.text).length >= 5_000);
    expect(long.length).toBeGreaterThanOrEqual(5);
  });

  it('label every core entity type at least 15 times, dates of birth 10 times, and every other type', () => {
    const { spansPerLabel } = summarize(documents);
    for (const label of CORE_SAMPLE_LABELS) expect(spansPerLabel[label] ?? 0, label).toBeGreaterThanOrEqual(15);
    expect(spansPerLabel.DATE_TIME ?? 0).toBeGreaterThanOrEqual(10);
    for (const label of SAMPLE_LABELS) expect(spansPerLabel[label] ?? 0, label).toBeGreaterThanOrEqual(1);
  });

  it('hold documents of numbers that are not personal data, with no label', () => {
    const unlabelled = documents.filter((doc) => doc.spans.length === 0);
    expect(unlabelled.length).toBeGreaterThanOrEqual(2);
  });

  it('match the counts stated in benchmarks/data/README.md', () => {
    const readme = readFileSync(new URL('../../data/README.md', import.meta.url), 'utf8');
    const spans = documents.reduce((sum, doc) => sum + doc.spans.length, 0);
    expect(readme).toContain(`| **all** | **${documents.length}** |`);
    expect(readme).toContain(`| **${spans.toLocaleString('en-US')}** |`);
  });

  it('cover every genre with several documents', () => {
    const { documentsPerGenre } = summarize(documents);
    const genres = ['court', 'deposition', 'complaint', 'medical', 'support', 'hr', 'sales', 'bank', 'meeting', 'ticket'];
    for (const genre of genres) expect(documentsPerGenre[genre] ?? 0, genre).toBeGreaterThanOrEqual(4);
  });
});

describe('labelled values are valid, so a precise detector should find them', () => {
  const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');

  it('credit cards pass Luhn with 12 to 19 digits (Mir, RuPay and Maestro ranges are outside validator.isCreditCard)', () => {
    for (const { id, value } of spansOf('CREDIT_CARD')) {
      expect(digitsOnly(value), id).toMatch(/^\d{12,19}$/);
      expect(validator.isLuhnNumber(digitsOnly(value)), id).toBe(true);
    }
  });

  it('IBANs pass mod-97 with the right country length', () => {
    for (const { id, value } of spansOf('IBAN_CODE')) expect(validator.isIBAN(value.replace(/\s/g, '')), id).toBe(true);
  });

  it('SSNs avoid never-issued areas, groups and serials', () => {
    for (const { id, value } of spansOf('US_SSN')) {
      const digits = value.replace(/[\s-]/g, '');
      expect(digits, id).toMatch(/^(?!000|666|9)\d{3}(?!00)\d{2}(?!0000)\d{4}$/);
    }
  });

  it('phone numbers are valid for libphonenumber (US, or GB/AU national numbers, unless international)', () => {
    for (const { id, value } of spansOf('PHONE_NUMBER')) {
      const joined = value.replace(/\n\s*/g, ' ');
      expect(['US', 'GB', 'AU'].some((region) => isValidPhoneNumber(joined, region as 'US')), `${id}`).toBe(true);
    }
  });

  it('crypto addresses have correct checksums', () => {
    for (const { id, value } of spansOf('CRYPTO')) {
      if (value.startsWith('0x')) {
        expect(validator.isEthereumAddress(value), id).toBe(true);
        if (value.slice(2) !== value.slice(2).toLowerCase()) expect(eip55(value), id).toBe(value);
      } else {
        expect(validator.isBtcAddress(value), id).toBe(true);
      }
    }
  });

  it('UUIDs, IP addresses and URLs are well formed', () => {
    for (const { id, value } of spansOf('UUID')) expect(validator.isUUID(value), id).toBe(true);
    for (const { id, value } of spansOf('IP_ADDRESS')) expect(validator.isIP(value), id).toBe(true);
    for (const { id, value } of spansOf('URL')) expect(validator.isURL(value), id).toBe(true);
  });

  it('plain email addresses are valid; obfuscated ones are present too', () => {
    const emails = spansOf('EMAIL_ADDRESS');
    const obfuscated = emails.filter(({ value }) => /\sat\s|\[at\]|\(at\)/i.test(value));
    for (const { id, value } of emails.filter((email) => !obfuscated.includes(email))) {
      expect(validator.isEmail(value), id).toBe(true);
    }
    expect(obfuscated.length).toBeGreaterThanOrEqual(4);
  });
});

describe('hard cases and decoys are present', () => {
  it('names in capitals, lower case, with initials, particles and non-English letters', () => {
    const people = spansOf('PERSON').map(({ value }) => value);
    expect(people.filter((name) => /^[^a-z]*[A-Z]{2}[^a-z]*$/.test(name)).length).toBeGreaterThanOrEqual(10);
    expect(people.filter((name) => /^[a-z]/.test(name)).length).toBeGreaterThanOrEqual(5);
    expect(people.filter((name) => /\b[A-Z]\.\s/.test(name)).length).toBeGreaterThanOrEqual(5);
    expect(people.filter((name) => /\b(van|de|da|del|al-|bin|von|le)\b/.test(name)).length).toBeGreaterThanOrEqual(5);
    expect(people.filter((name) => /[^\u0000-\u007f]/.test(name)).length).toBeGreaterThanOrEqual(10);
  });

  it('put emoji and other astral characters before spans, where code points and UTF-16 differ', () => {
    const astral = /[\u{10000}-\u{10FFFF}]/u;
    const exercised = documents.filter((doc) => {
      const first = Array.from(doc.text).findIndex((char) => astral.test(char));
      return first >= 0 && doc.spans.some((span) => span.start > first);
    });
    expect(exercised.length).toBeGreaterThanOrEqual(5);
  });

  it('numbers broken over a line break are labelled as one span', () => {
    const broken = documents.flatMap((doc) => doc.spans.filter((span) => (span.text ?? '').includes('\n')));
    expect(broken.length).toBeGreaterThanOrEqual(3);
  });

  it('decoys sit outside every span', () => {
    expect(countMatches(/\b[0-9a-f]{40}\b/g), 'git hashes').toBeGreaterThanOrEqual(5);
    expect(countMatches(/\b\d{9}\b/g), 'nine-digit ticket numbers').toBeGreaterThanOrEqual(5);
    expect(countMatches(/\b\d+\.\d+\.\d+\.\d+\b/g), 'version strings').toBeGreaterThanOrEqual(3);
    expect(countMatches(/\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/g), 'timestamps').toBeGreaterThanOrEqual(20);
    expect(countMatches(/\$\d{1,3}(,\d{3})*\.\d{2}\b/g), 'prices').toBeGreaterThanOrEqual(10);
    expect(countMatches(/\bSKU-[0-9A-Z-]+/g), 'SKUs').toBeGreaterThanOrEqual(3);
    expect(countMatches(/\b(Monday|Tuesday|Wednesday|Thursday|Friday)\b/g), 'weekdays').toBeGreaterThanOrEqual(10);
    expect(countMatches(/\b(Will|Hope|Apple)\b/g), 'capitalised common words').toBeGreaterThanOrEqual(5);
  });
});
