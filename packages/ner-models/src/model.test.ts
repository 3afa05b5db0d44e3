import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKENS, VOCAB, writeLookupModel } from './__fixtures__/lookup-model.js';
import { defaultModelConfig, loadNerModel, type NerModel, type NerModelConfig } from './index.js';

let dir: string;
let model: NerModel;

const found = (text: string, entities: Array<{ start: number; end: number; type: string }>) =>
  entities.map((e) => [text.slice(e.start, e.end), e.type]);

function configFor(path: string, overrides: Partial<NerModelConfig> = {}): NerModelConfig {
  return { ...defaultModelConfig(`lookup-${overrides.maxLength ?? 512}-${overrides.aggregation ?? 'first'}`, { path }), ...overrides };
}

beforeAll(async () => {
  dir = writeLookupModel(join(mkdtempSync(join(tmpdir(), 'veil-ner-')), 'lookup'));
  model = await loadNerModel(dir);
});

describe('NerModel on a real tokenizer and ONNX graph', () => {
  it('maps entities to exact UTF-16 offsets: initials, ALL-CAPS, sub-words, astral characters, CJK', async () => {
    const text = '😀 I met Samuel L. Jackson and JOHN SMITH in Washington, at Acme Corp. 我在北京';
    const entities = await model.predict(text);
    expect(found(text, entities)).toEqual([
      ['Samuel L. Jackson', 'PERSON'], ['JOHN SMITH', 'PERSON'], ['Washington', 'LOCATION'],
      ['Acme Corp', 'ORGANIZATION'], ['北京', 'LOCATION'],
    ]);
    expect(entities[0]).toMatchObject({ start: 9, end: 26, label: 'PER' });
    expect(entities[0]!.score).toBeGreaterThan(0.85);
  });

  it('keeps a zero-width character inside the value it splits', async () => {
    const text = 'met Jo\u200Bhn Smith';
    // "Jo" + "hn" is not in the vocabulary as such: the normalizer drops the zero-width space, giving "John".
    expect(found(text, await model.predict(text))).toEqual([['Jo\u200Bhn Smith', 'PERSON']]);
  });

  it('rejects non-string input with a TypeError', async () => {
    await expect(model.predict(42 as never)).rejects.toThrow(TypeError);
    await expect(model.predictBatch(['ok', null as never])).rejects.toThrow(TypeError);
  });

  it('handles a megabyte-long word without entities or runaway memory', async () => {
    const text = `John ${'x'.repeat(1_000_000)} Smith`;
    expect(found(text, await model.predict(text))).toEqual([['John', 'PERSON'], ['Smith', 'PERSON']]);
  });

  it('reads a long text segment by segment with the same entities as whole', async () => {
    const sentence = 'I met Samuel L. Jackson and JOHN SMITH in Washington, at Acme Corp.';
    const text = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `${sentence}\n` : `${sentence} `)).join('');
    const whole = await model.predict(text, { segments: { size: text.length, margin: 0 } });
    expect(whole.length).toBe(40 * 4);
    for (const segments of [{ size: 300, margin: 100 }, { size: 97, margin: 40 }, { size: 1000, margin: 200 }]) {
      expect(await model.predict(text, { segments })).toEqual(whole);
    }
  });

  it('drops a person or organization without a single letter', async () => {
    const text = '1 . John Smith met Ann';
    expect(found(text, await model.predict(text))).toEqual([['John Smith', 'PERSON'], ['Ann', 'PERSON']]);
  });

  it('returns nothing for empty or blank text and for text without entities', async () => {
    expect(await model.predict('')).toEqual([]);
    expect(await model.predict(' \n ')).toEqual([]);
    expect(await model.predict('the word is a word.')).toEqual([]);
  });

  it('applies per-type thresholds from the config and per call', async () => {
    const text = 'Faint met John';
    expect(found(text, await model.predict(text))).toEqual([['John', 'PERSON']]);
    expect(found(text, await model.predict(text, { thresholds: { PERSON: 0.2 } }))).toEqual([['Faint', 'PERSON'], ['John', 'PERSON']]);
    expect(await model.predict(text, { thresholds: { PERSON: 0.95 } })).toEqual([]);
  });

  it('finds an entity split by a window boundary once and whole', async () => {
    // 12-token windows (10 content tokens) overlapping by 2: "Samuel L. Jackson" sits on the first cut.
    const small = await loadNerModel(configFor(dir, { maxLength: 12, stride: 2 }));
    const text = 'the and the and the and Samuel L. Jackson met the and the and the and Acme Corp';
    const windowed = await small.predict(text);
    expect(found(text, windowed)).toEqual([['Samuel L. Jackson', 'PERSON'], ['Acme Corp', 'ORGANIZATION']]);
    expect(windowed).toEqual(await model.predict(text));
  });

  it('gives the same entities with any window length as with one window', async () => {
    const words = TOKENS.filter((t) => !t.startsWith('[') && !t.startsWith('##') && VOCAB[t]![1] > 2);
    const small = await loadNerModel(configFor(dir, { maxLength: 10, stride: 3 }));
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...words), { maxLength: 60 }), async (picked) => {
      const text = picked.join(' ');
      expect(await small.predict(text)).toEqual(await model.predict(text));
    }), { numRuns: 40 });
  });

  it('batching several texts gives the same results as one by one', async () => {
    const small = await loadNerModel(configFor(dir, { maxLength: 10, stride: 2, batchSize: 3 }));
    const texts = ['John Smith met Ann', '', 'Acme Corp in Paris and Berlin with Mary-Jane and JOHN SMITH', 'Washington'];
    const batched = await small.predictBatch(texts);
    const single = await Promise.all(texts.map((t) => small.predict(t)));
    expect(batched).toEqual(single);
    expect(batched.map((entities, i) => found(texts[i]!, entities))).toEqual([
      [['John Smith', 'PERSON'], ['Ann', 'PERSON']],
      [],
      [['Acme Corp', 'ORGANIZATION'], ['Paris', 'LOCATION'], ['Berlin', 'LOCATION'], ['Mary-Jane', 'PERSON'], ['JOHN SMITH', 'PERSON']],
      [['Washington', 'LOCATION']],
    ]);
  });

  it('serves concurrent requests on one shared instance', async () => {
    const texts = Array.from({ length: 24 }, (_, i) => `${'the and '.repeat(i)}John Smith met Ann in Paris`);
    const concurrent = await Promise.all(texts.map((t) => model.predict(t)));
    for (let i = 0; i < texts.length; i++) expect(concurrent[i]).toEqual(await model.predict(texts[i]!));
    expect(found(texts[5]!, concurrent[5]!)).toEqual([['John Smith', 'PERSON'], ['Ann', 'PERSON'], ['Paris', 'LOCATION']]);
  });

  it('aggregation strategy changes how a word with disagreeing sub-words is labelled', async () => {
    const text = 'met Zedex and Quark';
    const result = async (aggregation: NerModelConfig['aggregation']) =>
      found(text, await (await loadNerModel(configFor(dir, { aggregation }))).predict(text));
    expect(await result('first')).toEqual([['Zedex', 'ORGANIZATION']]);
    expect(await result('max')).toEqual([['Zedex', 'ORGANIZATION'], ['Quark', 'LOCATION']]);
    // Averaging the disagreeing sub-words of Zedex pulls it (0.48) under the 0.5 threshold.
    expect(await result('average')).toEqual([['Quark', 'LOCATION']]);
    expect(await result('simple')).toEqual([['Zedex', 'ORGANIZATION'], ['Quark', 'LOCATION']]);
  });

  it('handles a long text with many windows, every entity once', async () => {
    const small = await loadNerModel(configFor(dir, { maxLength: 64, stride: 8 }));
    const sentence = 'the and John Smith met Ann in Paris at Acme Corp . ';
    const text = sentence.repeat(400);
    const entities = await small.predict(text);
    expect(entities).toHaveLength(400 * 4);
    expect(new Set(entities.map((e) => e.start)).size).toBe(entities.length);
    expect(found(text, entities.slice(-4))).toEqual([['John Smith', 'PERSON'], ['Ann', 'PERSON'], ['Paris', 'LOCATION'], ['Acme Corp', 'ORGANIZATION']]);
  });
});
