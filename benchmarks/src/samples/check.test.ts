import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Independent validators from the packages @veil/scanners depends on.
import validator from 'validator';
import { checkDocuments, findUnlabelledRepeats } from './check.js';
import { sliceCodePoints } from './dataset.js';
import type { SampleDocument } from './dataset.js';
import { compileMarkup, MarkupError } from './markup.js';
import { eip55 } from './values.js';

describe('checkDocuments reports broken labels', () => {
  const good = (): SampleDocument => ({
    id: 'doc-1',
    text: 'Call 😀 Ana Lima at 415-867-2309.',
    spans: [
      { start: 7, end: 16, label: 'PERSON', text: 'Ana Lima' },
      { start: 20, end: 32, label: 'PHONE_NUMBER', text: '415-867-2309' },
    ],
  });

  it('accepts code-point offsets past an emoji', () => {
    const doc = good();
    doc.spans[0] = { start: 7, end: 15, label: 'PERSON', text: 'Ana Lima' };
    doc.spans[1] = { start: 19, end: 31, label: 'PHONE_NUMBER', text: '415-867-2309' };
    expect(checkDocuments([doc])).toEqual([]);
  });

  it('reports a broken offset (UTF-16 offsets instead of code points)', () => {
    const doc = good();
    doc.spans[0] = { start: 8, end: 16, label: 'PERSON', text: 'Ana Lima' };
    const kinds = checkDocuments([doc]).map((issue) => issue.kind);
    expect(kinds).toContain('text-mismatch');
  });

  it('reports an overlap', () => {
    const doc = good();
    doc.spans = [
      { start: 7, end: 15, label: 'PERSON' },
      { start: 11, end: 15, label: 'PERSON' },
    ];
    expect(checkDocuments([doc])).toEqual([expect.objectContaining({ id: 'doc-1', span: 1, kind: 'overlap' })]);
  });

  it('reports out-of-range, unknown labels, outer whitespace, unsorted spans and duplicate ids', () => {
    const doc = good();
    doc.spans = [
      { start: 19, end: 31, label: 'PHONE_NUMBER' },
      { start: 6, end: 15, label: 'PERSON' },
      { start: 25, end: 99, label: 'PERSON' },
    ];
    const weird = { id: 'doc-1', text: 'x'.repeat(10), spans: [{ start: 0, end: 2, label: 'PER' }] };
    const kinds = checkDocuments([doc, weird, { text: 'no id' }]).map((issue) => issue.kind);
    expect(kinds).toEqual(['whitespace', 'unsorted', 'out-of-range', 'duplicate-id', 'label', 'record']);
  });

  it('never puts the span value in a message', () => {
    const doc = good();
    doc.spans[0] = { start: 7, end: 16, label: 'PERSON', text: 'Ana Lima' };
    const messages = checkDocuments([doc]).map((issue) => issue.message).join(' ');
    expect(messages).not.toContain('Ana');
  });

  it('rejects a lone surrogate in the text', () => {
    const kinds = checkDocuments([{ id: 'x', text: 'bad \ud800 text', spans: [] }]).map((issue) => issue.kind);
    expect(kinds).toEqual(['text']);
  });
});

describe('findUnlabelledRepeats', () => {
  it('reports a labelled value that occurs again without a span, but not the verb or a longer word', () => {
    const { text, spans } = compileMarkup('{{PERSON|Will}} said he will call Willa. Ask Will first.', 's');
    expect(findUnlabelledRepeats({ id: 'r', text, spans })).toEqual([{ id: 'r', label: 'PERSON', start: 34 }]);
  });

  it('finds nothing when every occurrence is labelled', () => {
    const { text, spans } = compileMarkup('{{PERSON|Zhang Wei}} met {{PERSON|Zhang Wei}}.', 's');
    expect(findUnlabelledRepeats({ id: 'r', text, spans })).toEqual([]);
  });
});

describe('markup compiler', () => {
  it('counts offsets in code points and keeps keyed values identical', () => {
    const { text, spans } = compileMarkup('🙂 {{PERSON|Nguyễn Thị Hoa}} paid with {{CREDIT_CARD|@visa#a}}, again {{CREDIT_CARD|@visa#a}}', 'seed');
    expect(spans[0]).toMatchObject({ start: 2, end: 16, label: 'PERSON' });
    expect(sliceCodePoints(text, spans[0]!.start, spans[0]!.end)).toBe('Nguyễn Thị Hoa');
    expect(spans[1]!.text).toBe(spans[2]!.text);
    expect(checkDocuments([{ id: 'm', text, spans }])).toEqual([]);
  });

  it('labels a value broken over a line break as one span', () => {
    const { text, spans } = compileMarkup('call {{PHONE_NUMBER|(415) 867-\n2309}} now', 's');
    expect(spans).toEqual([{ start: 5, end: 20, label: 'PHONE_NUMBER', text: '(415) 867-\n2309' }]);
    expect(text).toBe('call (415) 867-\n2309 now');
  });

  it('wraps a generated value at its middle separator with `:wrap`', () => {
    const { spans } = compileMarkup('{{CREDIT_CARD|@visa:wrap}} {{IBAN_CODE|@iban:DE:print:wrap}} {{US_SSN|@ssn:wrap}}', 's');
    const [card, iban, ssn] = spans.map((span) => span.text ?? '');
    expect(card).toMatch(/^\d{4} \d{4}\n\d{4} \d{4}$/);
    expect(iban).toMatch(/^DE\d{2} \d{4} \d{4}\n\d{4} \d{4} \d{2}$/);
    expect(ssn).toMatch(/^\d{3}-\n\d{2}-\d{4}$/);
    expect(validator.isCreditCard((card ?? '').replace(/\s/g, ''))).toBe(true);
  });

  it('rejects unknown labels, unknown generators and unclosed markup with the source line', () => {
    expect(() => compileMarkup('a\n{{PER|Ana}}', 's', 'f.txt')).toThrow(/f\.txt:2: unknown label/);
    expect(() => compileMarkup('{{CRYPTO|@dogecoin}}', 's')).toThrow(MarkupError);
    expect(() => compileMarkup('{{PERSON|Ana', 's')).toThrow(/unclosed/);
    expect(() => compileMarkup('{{Ana Lima}}', 's')).toThrow(/^(?!.*Ana).*unknown label$/);
    expect(() => compileMarkup('{{PERSON| Ana}}', 's')).toThrow(/outer whitespace/);
  });

  it('repeats blocks with fresh values', () => {
    const { spans } = compileMarkup('{{#repeat 3}}ip {{IP_ADDRESS|@ipv4}} at {{=@ts}}\n{{/repeat}}', 's');
    expect(spans).toHaveLength(3);
    expect(new Set(spans.map((span) => span.text)).size).toBe(3);
  });

  it('generates checksum-valid values for any seed', () => {
    const specs = '{{CREDIT_CARD|@visa}} {{CREDIT_CARD|@mastercard:dashed}} {{CREDIT_CARD|@amex:plain}} {{CREDIT_CARD|@discover}} ' +
      '{{IBAN_CODE|@iban:DE}} {{IBAN_CODE|@iban:FR:print}} {{IBAN_CODE|@iban:BE}} {{IBAN_CODE|@iban:GB}} {{IBAN_CODE|@iban:NL}} ' +
      '{{IBAN_CODE|@iban:CH}} {{IBAN_CODE|@iban:AT}} {{IBAN_CODE|@iban:IE}} ' +
      '{{CRYPTO|@btc}} {{CRYPTO|@btc:p2sh}} {{CRYPTO|@btc:bech32}} {{CRYPTO|@eth:checksum}} {{UUID|@uuid}}';
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (seed) => {
        const values = compileMarkup(specs, seed).spans.map((span) => ({ label: span.label, value: span.text ?? '' }));
        for (const { label, value } of values) {
          const compact = value.replace(/[\s-]/g, '');
          if (label === 'CREDIT_CARD') expect(validator.isCreditCard(compact), value).toBe(true);
          if (label === 'IBAN_CODE') expect(validator.isIBAN(compact), value).toBe(true);
          if (label === 'CRYPTO' && value.startsWith('0x')) expect(eip55(value)).toBe(value);
          else if (label === 'CRYPTO') expect(validator.isBtcAddress(value), value).toBe(true);
          if (label === 'UUID') expect(validator.isUUID(value, 4)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
