import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeLookupModel } from './__fixtures__/lookup-model.js';
import {
  BUNDLED_MODEL, clearModelCache, getModelConfig, loadNerModel, ModelLoadError, ModelNotFoundError, modelConfigNames,
  registerModelConfig, resolveModelConfig,
} from './index.js';

let root: string;
let source: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'veil-loader-'));
  source = writeLookupModel(join(root, 'source'));
});

const offline = (extra: object = {}) => ({ allowRemote: false, hubCache: null, ...extra });

describe('model configs', () => {
  it('ships configs for the bundled model and the common hub models', () => {
    expect(modelConfigNames()).toEqual(expect.arrayContaining([
      BUNDLED_MODEL, 'dslim/bert-base-NER', 'dslim/bert-large-NER', 'dslim/distilbert-NER',
      'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2', 'gyr66/bert-base-chinese-finetuned-ner',
    ]));
    const base = getModelConfig('dslim/bert-base-NER')!;
    expect(base).toMatchObject({ repoId: 'dslim/bert-base-NER', onnxFile: 'onnx/model.onnx', aggregation: 'first' });
    expect(base.labels.PER).toBe('PERSON');
    expect(getModelConfig('Isotonic/deberta-v3-base_finetuned_ai4privacy_v2')!.labels.FIRSTNAME).toBe('PERSON');
  });

  it("resolves 'bundled', names, directories and objects, and rejects broken configs", () => {
    expect(resolveModelConfig('bundled').name).toBe(BUNDLED_MODEL);
    expect(resolveModelConfig(source)).toMatchObject({ path: source });
    expect(resolveModelConfig('someone/unknown-ner')).toMatchObject({ repoId: 'someone/unknown-ner' });
    expect(() => resolveModelConfig({ ...getModelConfig('dslim/bert-base-NER')!, aggregation: 'mean' as never })).toThrow(/aggregation/);
    expect(() => resolveModelConfig({ ...getModelConfig('dslim/bert-base-NER')!, stride: 400 })).toThrow(/stride/);
    expect(() => resolveModelConfig('')).toThrow(TypeError);
  });

  it('lets users register their own config and select it by name', async () => {
    registerModelConfig({ ...getModelConfig('dslim/bert-base-NER')!, name: 'my-ner', repoId: undefined, path: source });
    const model = await loadNerModel('my-ner', offline());
    expect(model.id).toBe('my-ner');
    expect(await model.predict('hello John Smith')).toHaveLength(1);
  });
});

describe('loadNerModel', () => {
  it('loads once and shares the instance, also between concurrent callers', async () => {
    const [a, b] = await Promise.all([loadNerModel(source, offline()), loadNerModel(source, offline())]);
    expect(a).toBe(b);
    expect(await loadNerModel(source, offline())).toBe(a);
    clearModelCache();
    expect(await loadNerModel(source, offline())).not.toBe(a);
  });

  it('finds a hub model in a transformers.js cache directory with remote access off', async () => {
    const cacheDir = join(root, 'tjs-cache');
    cpSync(source, join(cacheDir, 'dslim', 'bert-base-NER'), { recursive: true });
    const model = await loadNerModel('dslim/bert-base-NER', offline({ cacheDir }));
    expect(model.id).toBe('dslim/bert-base-NER');
    const text = 'Ann works for Acme Corp';
    expect((await model.predict(text)).map((e) => text.slice(e.start, e.end))).toEqual(['Ann', 'Acme Corp']);
  });

  it('finds a hub model in a Python huggingface_hub cache (snapshots + refs)', async () => {
    const hubCache = join(root, 'hf-hub');
    const repo = join(hubCache, 'models--dslim--distilbert-NER');
    const commit = 'a'.repeat(40);
    cpSync(source, join(repo, 'snapshots', commit), { recursive: true });
    mkdirSync(join(repo, 'refs'), { recursive: true });
    writeFileSync(join(repo, 'refs', 'main'), `${commit}\n`);
    const model = await loadNerModel('dslim/distilbert-NER', { allowRemote: false, hubCache, cacheDir: join(root, 'empty') });
    expect(await model.predict('Paris')).toMatchObject([{ type: 'LOCATION', start: 0, end: 5 }]);
  });

  it('fails with a typed error naming the model and how to provide it when offline and missing', async () => {
    const error = await loadNerModel('dslim/bert-large-NER', offline({ cacheDir: join(root, 'nothing-here') }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    const notFound = error as ModelNotFoundError;
    expect(notFound.code).toBe('VEIL_MODEL_NOT_FOUND');
    expect(notFound.modelId).toBe('dslim/bert-large-NER');
    expect(notFound.message).toContain('"dslim/bert-large-NER"');
    expect(notFound.message).toContain('allowRemote: true');
    expect(notFound.searched).toContain(join(root, 'nothing-here', 'dslim', 'bert-large-NER'));
  });

  it('reports a missing directory or file as not found, an empty ONNX file as a load error', async () => {
    await expect(loadNerModel(join(root, 'no-such-dir'), offline())).rejects.toThrow(ModelNotFoundError);
    const partial = join(root, 'partial');
    cpSync(source, partial, { recursive: true });
    writeFileSync(join(partial, 'onnx', 'model.onnx'), '');
    await expect(loadNerModel(partial, offline())).rejects.toThrow(ModelLoadError);
    cpSync(source, join(root, 'no-tokenizer'), { recursive: true, filter: (p) => !p.endsWith('tokenizer.json') });
    await expect(loadNerModel(join(root, 'no-tokenizer'), offline())).rejects.toThrow(/tokenizer\.json/);
  });

  it('reports a corrupt ONNX file as a load error and retries after it is fixed', async () => {
    const broken = join(root, 'broken');
    cpSync(source, broken, { recursive: true });
    writeFileSync(join(broken, 'onnx', 'model.onnx'), 'not an onnx graph');
    const error = await loadNerModel(broken, offline()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).code).toBe('VEIL_MODEL_LOAD_FAILED');
    cpSync(join(source, 'onnx', 'model.onnx'), join(broken, 'onnx', 'model.onnx'));
    await expect(loadNerModel(broken, offline())).resolves.toBeDefined();
  });

  it('prefers the quantized file when present, and honours quantized: false', async () => {
    const both = join(root, 'both');
    cpSync(source, both, { recursive: true });
    writeFileSync(join(both, 'onnx', 'model_quantized.onnx'), 'broken int8 file');
    await expect(loadNerModel(both, offline())).rejects.toThrow(ModelLoadError);
    await expect(loadNerModel(both, offline({ quantized: false }))).resolves.toBeDefined();
  });

  it("loads the ONNX file the model's config.json names, unless the caller chose a variant", async () => {
    const named = join(root, 'named');
    cpSync(source, named, { recursive: true });
    writeFileSync(join(named, 'onnx', 'model_quantized.onnx'), 'broken int8 file');
    const config = JSON.parse(readFileSync(join(named, 'config.json'), 'utf8')) as object;
    writeFileSync(join(named, 'config.json'), JSON.stringify({ ...config, veil: { onnx_file: 'model.onnx' } }));
    await expect(loadNerModel(named, offline())).resolves.toBeDefined();
    await expect(loadNerModel(named, offline({ quantized: true }))).rejects.toThrow(ModelLoadError);
  });

  it('reads B-PERSON style labels as well as B-PER', async () => {
    const long = writeLookupModel(join(root, 'long-labels'), { bPersonLabel: 'B-PERSON' });
    const model = await loadNerModel(long, offline());
    expect(await model.predict('met John Smith')).toMatchObject([{ type: 'PERSON', start: 4, end: 14 }]);
  });
});
