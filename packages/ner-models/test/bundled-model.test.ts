/**
 * The model shipped in models/veil-ner-small: its files are what the Hugging Face layout promises, transformers.js
 * encodes exactly like the Python tokenizer it was trained with, and through the package's runtime it finds
 * names, organisations and places in sentences written for this test (several cultures and casings) while
 * leaving hard negatives alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoTokenizer, env } from '@huggingface/transformers';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../src/loader.js';
import {
  bundledModelDirectory, loadNerModel, tokenCaseClasses, WordEncoder, type NerEntity, type NerModel,
} from '../src/index.js';

const MODEL_DIR = bundledModelDirectory();
const TOKENIZER_CHECK = fileURLToPath(new URL('./fixtures/veil-ner-small.tokenizer-check.json', import.meta.url));

interface ModelConfigJson {
  model_type: string;
  architectures: string[];
  id2label: Record<string, string>;
  label2id: Record<string, number>;
  vocab_size: number;
  max_position_embeddings: number;
  type_vocab_size: number;
  veil?: { onnx_file?: string; token_type_ids?: string };
}
const config = JSON.parse(readFileSync(join(MODEL_DIR, 'config.json'), 'utf8')) as ModelConfigJson;
const onnxFile = join(MODEL_DIR, 'onnx', config.veil?.onnx_file ?? 'model.onnx');

function directoryBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    return sum + (stat.isDirectory() ? directoryBytes(path) : stat.size);
  }, 0);
}

describe('bundled model files', () => {
  // transformers.js' env is process-wide: put it back for the test files that share this worker.
  const saved = { allowRemoteModels: env.allowRemoteModels, localModelPath: env.localModelPath };
  afterAll(() => Object.assign(env, saved));

  it('has a BERT token-classification config with BIO labels for the three entity types', () => {
    expect(config.model_type).toBe('bert');
    expect(config.architectures).toEqual(['BertForTokenClassification']);
    const labels = Object.values(config.id2label).sort();
    expect(labels).toEqual(['B-LOCATION', 'B-ORGANIZATION', 'B-PERSON', 'I-LOCATION', 'I-ORGANIZATION', 'I-PERSON', 'O']);
    for (const [id, label] of Object.entries(config.id2label)) expect(config.label2id[label]).toBe(Number(id));
  });

  it('stays under the 30 MB package budget', () => {
    expect(directoryBytes(MODEL_DIR)).toBeLessThan(30 * 1024 * 1024);
  });

  it('loads in transformers.js and encodes exactly like the Python tokenizer', async () => {
    env.allowRemoteModels = false;
    env.localModelPath = join(MODEL_DIR, '..');
    const tokenizer = await AutoTokenizer.from_pretrained('veil-ner-small');
    const checks = JSON.parse(readFileSync(TOKENIZER_CHECK, 'utf8')) as Array<{ text: string; ids: number[]; types?: number[] }>;
    expect(checks.length).toBeGreaterThan(3);
    for (const { text, ids } of checks) expect(Array.from(tokenizer.encode(text), Number)).toEqual(ids);
  });

  it('encodes through the runtime loader (@huggingface/tokenizers) exactly like the Python tokenizer', async () => {
    const tokenizer = await loadTokenizer('veil-ner-small', MODEL_DIR);
    const checks = JSON.parse(readFileSync(TOKENIZER_CHECK, 'utf8')) as Array<{ text: string; ids: number[] }>;
    for (const { text, ids } of checks) expect(tokenizer.encode(text)).toEqual(ids);
    expect(tokenizer.pad_token_id).toBe(0);
  });

  it('reads case classes through token_type_ids, computed exactly as in training', async () => {
    expect(config.veil?.token_type_ids).toBe('case');
    expect(config.type_vocab_size).toBe(6);
    env.allowRemoteModels = false;
    env.localModelPath = join(MODEL_DIR, '..');
    const encoder = new WordEncoder(await AutoTokenizer.from_pretrained('veil-ner-small'));
    const checks = JSON.parse(readFileSync(TOKENIZER_CHECK, 'utf8')) as Array<{ text: string; types: number[] }>;
    for (const { text, types } of checks) {
      // Python's list frames the text with [CLS] and [SEP] (class 0); the runtime adds those per window.
      expect(Array.from(tokenCaseClasses(text, encoder.encode(text)))).toEqual(types.slice(1, -1));
    }
    expect((await loadNerModel()).tokenTypes).toBe('case');
  });

  it('runs in onnxruntime-node with int64 inputs and dynamic batch and sequence axes', async () => {
    const session = await ort.InferenceSession.create(onnxFile, { intraOpNumThreads: 1 });
    expect([...session.inputNames].sort()).toEqual(['attention_mask', 'input_ids', 'token_type_ids']);
    expect(session.outputNames).toEqual(['logits']);
    const int64 = (rows: number[][]) =>
      new ort.Tensor('int64', BigInt64Array.from(rows.flat().map(BigInt)), [rows.length, rows[0]!.length]);
    const ids = [[2, 100, 200, 300, 3, 0], [2, 400, 500, 600, 700, 3]];
    const mask = [[1, 1, 1, 1, 1, 0], [1, 1, 1, 1, 1, 1]];
    const out = await session.run({ input_ids: int64(ids), attention_mask: int64(mask), token_type_ids: int64(ids.map((r) => r.map(() => 0))) });
    expect(out.logits!.dims).toEqual([2, 6, Object.keys(config.id2label).length]);
  });
});

/** The DESIGN.md overlap rule: same type, overlapping by at least half of the shorter span. */
function finds(entities: NerEntity[], text: string, value: string, type: string): boolean {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`test sentence lacks its expected value`);
  const end = start + value.length;
  return entities.some((e) => {
    const overlap = Math.min(e.end, end) - Math.max(e.start, start);
    return e.type === type && overlap * 2 >= Math.min(e.end - e.start, end - start);
  });
}

describe('bundled model predictions', () => {
  let model: NerModel;
  beforeAll(async () => {
    model = await loadNerModel();
  });

  const positives: Array<[string, Array<[string, string]>]> = [
    ['Yesterday I had lunch with Siobhan Gallagher and Takeshi Moriyama near the station.',
      [['Siobhan Gallagher', 'PERSON'], ['Takeshi Moriyama', 'PERSON']]],
    ['lol @jsmith42 and @maria_k are coming to the game tonight',
      [['@jsmith42', 'PERSON'], ['@maria_k', 'PERSON']]],
    ['X-To: Lay, Kenneth\nMime-Version: 1.0\nContent-Type: text/plain; charset=us-ascii',
      [['Lay, Kenneth', 'PERSON']]],
    ['The report was filed by ADEYEMI on behalf of the claimant.', [['ADEYEMI', 'PERSON']]],
    ['jordan said houston was great, barcelona beat liverpool 2-1',
      [['jordan', 'PERSON'], ['houston', 'LOCATION'], ['barcelona', 'ORGANIZATION'], ['liverpool', 'ORGANIZATION']]],
    ['Please forward the signed contract to Chukwuemeka Nwachukwu at Brennan & Kowalski LLP in Frankfurt.',
      [['Chukwuemeka Nwachukwu', 'PERSON'], ['Brennan & Kowalski LLP', 'ORGANIZATION'], ['Frankfurt', 'LOCATION']]],
    ['Youssef al-Qahtani moved from Cairo to Toronto after he left Volkswagen.',
      [['Youssef al-Qahtani', 'PERSON'], ['Cairo', 'LOCATION'], ['Toronto', 'LOCATION'], ['Volkswagen', 'ORGANIZATION']]],
    ['Our new supplier is Blue Harbor Freight Ltd, whose CEO Pieter van der Linden lives in Rotterdam.',
      [['Blue Harbor Freight Ltd', 'ORGANIZATION'], ['Pieter van der Linden', 'PERSON'], ['Rotterdam', 'LOCATION']]],
    ['MS. FERNANDEZ: The defense calls Dr. Anjali Raghunathan, Your Honor.',
      [['FERNANDEZ', 'PERSON'], ['Anjali Raghunathan', 'PERSON']]],
    ['PLAINTIFF MIGUEL ÁNGEL TORRES-ROJAS FILED THE CLAIM IN PHOENIX.',
      [['MIGUEL ÁNGEL TORRES-ROJAS', 'PERSON'], ['PHOENIX', 'LOCATION']]],
    ['Patient Phan Thi Lan was referred by Dr. Achterberg to the clinic in Houston.',
      [['Phan Thi Lan', 'PERSON'], ['Achterberg', 'PERSON'], ['Houston', 'LOCATION']]],
    ['hey can you ask maria gonzalez to call me back before lunch',
      [['maria gonzalez', 'PERSON']]],
  ];

  it.each(positives)('finds the entities in %s', async (text, expected) => {
    const entities = await model.predict(text);
    for (const [value, type] of expected) expect(finds(entities, text, value, type), `${type} ${value}`).toBe(true);
  });

  // Known misses of the shipped model (see MODEL_CARD.md, Limitations). `it.fails` keeps them visible: the day a
  // retrained model gets them right, these tests fail and should move to the list above.
  const knownMisses: Array<[string, string, string]> = [
    ['We stayed with Chidi in Enugu over the holidays.', 'Chidi', 'PERSON'],
    // A given name that is also an everyday word, with nothing around it that says person: not redacted at all.
    ['Tell Grace the lab results came back fine.', 'Grace', 'PERSON'],
  ];

  it.fails.each(knownMisses)('known miss: in %s, %s as %s', async (text, value, type) => {
    expect(finds(await model.predict(text), text, value, type)).toBe(true);
  });

  it('still redacts a name it mistypes (Chidi is found, as some entity type)', async () => {
    const text = knownMisses[0]![0];
    const entities = await model.predict(text);
    expect(['PERSON', 'ORGANIZATION', 'LOCATION'].some((type) => finds(entities, text, 'Chidi', type))).toBe(true);
  });

  const negatives = [
    'The nightly build failed on Monday at 10:42; roll back to v2.3.1 (commit 3f9a2c1e7b).',
    'Order SKU-4471-B ships Friday, tracking INC-204519, hash 9e107d9d372bb6826bd81d3542a419d6.',
    'Please update Excel and Windows 11 before the Quarterly Review in March.',
    'Call getUserById() with MAX_RETRIES = 5 and log the NullPointerException.',
    'Thanks! See you Tuesday, and Happy Easter to the whole Support team.',
    'Mime-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\nX-cc: \nX-FileName: notes.nsf',
  ];

  it.each(negatives)('finds no person in %s', async (text) => {
    const people = (await model.predict(text)).filter((e) => e.type === 'PERSON');
    expect(people.map((e) => text.slice(e.start, e.end))).toEqual([]);
  });
});
