import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelNotFoundError } from '@veil/ner-models';
import { Vault } from '@veil/vault';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeLookupModel } from '../../../ner-models/src/__fixtures__/lookup-model.js';
import { Anonymize } from '../anonymize.js';
import { ConfigurationError, RecognizerError } from '../errors.js';
import type { Recognizer } from '../types.js';
import { CompromiseRecognizer, compromiseScore, createNerRecognizer, ModelRecognizer, REFINE_RULES } from './index.js';
import type { RefineRuleName } from './index.js';

let modelDir: string;
beforeAll(() => {
  modelDir = writeLookupModel(join(mkdtempSync(join(tmpdir(), 'veil-scanner-ner-')), 'lookup'));
});

describe('createNerRecognizer', () => {
  it('returns a given recognizer as is', () => {
    const own: Recognizer = { name: 'own', types: ['PERSON'], analyze: () => [] };
    expect(createNerRecognizer(own)).toBe(own);
  });

  it("builds the light tier for 'compromise' and model recognizers for names, paths and configs", () => {
    expect(createNerRecognizer('compromise')).toBeInstanceOf(CompromiseRecognizer);
    expect(createNerRecognizer().name).toBe('ner:veil-ner-small');
    expect(createNerRecognizer('bundled').name).toBe('ner:veil-ner-small');
    expect(createNerRecognizer('dslim/bert-base-NER').name).toBe('ner:dslim/bert-base-NER');
    expect(createNerRecognizer(modelDir)).toBeInstanceOf(ModelRecognizer);
    expect(createNerRecognizer({ model: modelDir, load: { quantized: false } })).toBeInstanceOf(ModelRecognizer);
  });

  it('rejects options it cannot use with a ConfigurationError', () => {
    expect(() => createNerRecognizer(42 as never)).toThrow(ConfigurationError);
    expect(() => createNerRecognizer({ name: 'x', onnxFile: '', labels: {}, aggregation: 'first', maxLength: 64, stride: 8, thresholds: { default: 0.5 } })).toThrow(ConfigurationError);
  });
});

describe('ModelRecognizer', () => {
  it('returns findings with offsets, text, score, recognizer and explanation', async () => {
    const recognizer = createNerRecognizer(modelDir);
    await recognizer.ready!();
    const text = 'Yesterday JOHN SMITH flew to Washington.';
    const findings = await recognizer.analyze(text);
    expect(findings.map(({ type, start, end, text: value, recognizer: by }) => ({ type, start, end, value, by }))).toEqual([
      { type: 'PERSON', start: 10, end: 20, value: 'JOHN SMITH', by: `ner:${modelDir}` },
      { type: 'LOCATION', start: 29, end: 39, value: 'Washington', by: `ner:${modelDir}` },
    ]);
    expect(findings[0]!.score).toBeGreaterThan(0.85);
    expect(findings[0]!.explanation).toEqual([`model ${modelDir}`, 'label PER', 'aggregation first']);
  });

  it('refines the model spans by default and returns them raw with refine: false', async () => {
    // The lookup model knows no "Hope" and tags "Jackson" as a person: refinement adds the name the greeting
    // introduces and makes "Jackson, MS" a place.
    const text = 'Hi Hope,\nJohn Smith is in Jackson, MS.';
    const spans = async (recognizer: Recognizer) => (await recognizer.analyze(text)).map((f) => [f.type, f.text]);
    const raw = [['PERSON', 'John Smith'], ['PERSON', 'Jackson']];
    const refined = [['PERSON', 'Hope'], ['PERSON', 'John Smith'], ['LOCATION', 'Jackson']];
    expect(await spans(createNerRecognizer(modelDir))).toEqual(refined);
    expect(await spans(new ModelRecognizer(modelDir, { refine: false }))).toEqual(raw);
    expect(await spans(createNerRecognizer({ model: modelDir, refine: false }))).toEqual(raw);
    // Rules can be switched off by name: without `cues` and `places` the raw spans stay.
    expect(await spans(createNerRecognizer({ model: modelDir, refine: {} }))).toEqual(refined);
    expect(await spans(new ModelRecognizer(modelDir, { refine: { skip: new Set(['cues', 'places']) } }))).toEqual(raw);
    expect(await spans(createNerRecognizer({ model: modelDir, refine: { skip: new Set(REFINE_RULES) } }))).toEqual(raw);
    const unknown = new Set(['no-such-rule']) as unknown as ReadonlySet<RefineRuleName>;
    expect(() => new ModelRecognizer(modelDir, { refine: { skip: unknown } })).toThrow(ConfigurationError);
  });

  it('fails closed with a RecognizerError that names the model, not the text, when the model is missing', async () => {
    const recognizer = createNerRecognizer({ model: 'dslim/bert-large-NER', load: { cacheDir: join(modelDir, 'none'), hubCache: null } });
    const error = await Promise.resolve(recognizer.analyze('Secret Person lives here')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecognizerError);
    expect((error as RecognizerError).cause).toBeInstanceOf(ModelNotFoundError);
    expect((error as Error).message).toContain('dslim/bert-large-NER');
    expect((error as Error).message).not.toContain('Secret');
    await expect(recognizer.ready!()).rejects.toThrow(RecognizerError);
  });
});

describe('CompromiseRecognizer', () => {
  it('finds people, places and organizations with exact offsets and calibrated scores', () => {
    const text = '😀 Samuel L. Jackson flew to Paris to meet Microsoft Inc. staff.';
    const findings = new CompromiseRecognizer().analyze(text);
    expect(findings.map((f) => [f.type, f.text, text.slice(f.start, f.end) === f.text])).toEqual([
      ['PERSON', 'Samuel L. Jackson', true], ['LOCATION', 'Paris', true], ['ORGANIZATION', 'Microsoft Inc.', true],
    ]);
    expect(findings[0]!.start).toBe(3);
    expect(findings.map((f) => f.score)).toEqual([compromiseScore('PERSON', false), compromiseScore('LOCATION', true), compromiseScore('ORGANIZATION', false)]);
    for (const f of findings) expect(f.score).toBeGreaterThan(0.5);
    for (const f of findings) expect(f.score).toBeLessThanOrEqual(0.6);
  });

  it('drops a sentence full stop but keeps the period of initials and abbreviations', () => {
    const texts = (t: string) => new CompromiseRecognizer().analyze(t).map((f) => f.text);
    expect(texts('She moved to Paris.')).toEqual(['Paris']);
    expect(texts('He works at Acme Inc.')).toEqual(['Acme Inc.']);
    expect(texts('They flew to Washington, D.C.')).toContain('Washington, D.C.');
  });

  it('cuts titles and roles off the start of a person', () => {
    const texts = (t: string) => new CompromiseRecognizer().analyze(t).filter((f) => f.type === 'PERSON').map((f) => f.text);
    expect(texts("Plaintiff Maria Gonzalez sued. Mr. O'Malley met Dr. Ann Lee.")).toEqual(['Maria Gonzalez', "O'Malley", 'Ann Lee']);
    expect(texts('MR. WHITCOMBE: Thank you.')).toEqual(['WHITCOMBE']);
  });

  it('ends a person where the name ends after a list bullet', () => {
    const text = 'Attendees:\n- Fiona needs the deck\n- Gabe will follow up';
    const people = new CompromiseRecognizer().analyze(text).filter((f) => f.type === 'PERSON');
    expect(people.map((f) => [f.text, text.slice(f.start, f.end)])).toEqual([['Fiona', 'Fiona'], ['Gabe', 'Gabe']]);
  });

  it('returns nothing for blank text', () => {
    expect(new CompromiseRecognizer().analyze('   ')).toEqual([]);
  });
});

describe('Anonymize with NER', () => {
  it('redacts names, places and organizations found by the model', async () => {
    const anonymize = new Anonymize({ vault: new Vault(), ner: modelDir });
    const result = await anonymize.scan('Ann met JOHN SMITH at Acme Corp in Paris.');
    expect(result.sanitized).toBe('[REDACTED_PERSON_1] met [REDACTED_PERSON_2] at [REDACTED_ORGANIZATION_1] in [REDACTED_LOCATION_1].');
    expect(result.isValid).toBe(false);
  });

  it('lets the model win overlaps with the light tier when both run', async () => {
    const anonymize = new Anonymize({ vault: new Vault(), ner: modelDir, recognizers: [new CompromiseRecognizer()] });
    const result = await anonymize.scan('Samuel L. Jackson lives in Paris.');
    expect(result.findings.map((f) => [f.text, f.recognizer])).toEqual([
      ['Samuel L. Jackson', `ner:${modelDir}`], ['Paris', `ner:${modelDir}`],
    ]);
  });

  it('keeps patterns-only available', async () => {
    const anonymize = new Anonymize({ vault: new Vault(), ner: false });
    const result = await anonymize.scan('JOHN SMITH lives in Paris.');
    expect(result.sanitized).toBe('JOHN SMITH lives in Paris.');
  });

  it('fails the scan instead of returning the prompt when the configured model is missing', async () => {
    const anonymize = new Anonymize({ vault: new Vault(), ner: join(modelDir, 'missing') });
    await expect(anonymize.scan('JOHN SMITH lives in Paris.')).rejects.toThrow(RecognizerError);
  });
});

describe('compromise on long text', () => {
  it('tags long text in pieces and keeps offsets into the whole text', () => {
    const sentence = 'Yesterday Maria Gonzalez flew to Paris with her dog. ';
    const text = sentence.repeat(120);
    const findings = new CompromiseRecognizer().analyze(text);
    const people = findings.filter((f) => f.type === 'PERSON');
    expect(people).toHaveLength(120);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(people.at(-1)!.start).toBe(sentence.length * 119 + 10);
  });

  it('cuts chunks at line breaks, sentence ends or spaces, never inside a surrogate pair', async () => {
    const { sentenceChunks } = await import('./compromise-recognizer.js');
    const text = `${'a'.repeat(1500)}\n${'b'.repeat(1500)}. ${'😀'.repeat(1500)}`;
    const chunks = sentenceChunks(text, 2000);
    expect(chunks[0]).toEqual({ start: 0, end: 1501 });
    expect(chunks[1]).toEqual({ start: 1501, end: 3002 });
    expect(chunks.map((c) => text.slice(c.start, c.end)).join('')).toBe(text);
    for (const c of chunks) expect(text.charCodeAt(c.start)).not.toBe(0xde00);
  });
});
