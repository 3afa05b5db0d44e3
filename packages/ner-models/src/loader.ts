/**
 * Resolves a model (config name, config object or local directory), loads its tokenizer and its ONNX graph
 * through onnxruntime-node, once per process: concurrent and later requests for the same model share one promise.
 * The tokenizer comes from `@huggingface/tokenizers`, the library transformers.js builds its tokenizer classes on;
 * transformers.js itself (a 1.3 MB bundle) is imported only for what needs it: its settings (`env`) for hub models,
 * the hub download, and the few tokenizer classes that change encoding. Sessions come from our own
 * onnxruntime-node, the same version transformers.js pins, so one runtime is installed. All of it is imported
 * lazily so that users of patterns only never load it.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { BUNDLED_MODEL, defaultModelConfig, getModelConfig, validateModelConfig, type NerModelConfig } from './configs.js';
import { WordEncoder, type SubwordTokenizer } from './encoding.js';
import { ModelLoadError, ModelNotFoundError, NerModelError } from './errors.js';
import { readId2Label } from './labels.js';
import {
  candidateDirectories, completeModelFile, defaultHubCache, isDirectory, onnxCandidates, REQUIRED_FILES, type SearchRoots,
} from './locations.js';
import { NerModel, type LogitsSession } from './model.js';

export interface LoadOptions {
  /** Download from the Hugging Face hub when not found locally. Off by default: no network unless asked. */
  allowRemote?: boolean;
  /** transformers.js cache directory; defaults to its `env.cacheDir`. */
  cacheDir?: string;
  /** transformers.js local model root; defaults to its `env.localModelPath`. */
  localModelPath?: string;
  /** Python huggingface_hub cache to search; defaults to HF_HUB_CACHE / HF_HOME / ~/.cache/huggingface/hub. */
  hubCache?: string | null;
  /** true: int8 file only; false: full-precision file only; undefined: int8 when present. */
  quantized?: boolean;
  /** onnxruntime intra-op threads; defaults to min(4, available cores). */
  intraOpNumThreads?: number;
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  /**
   * Let onnxruntime's worker threads busy-wait between operators. Off by default: on a shared or busy machine
   * spinning threads fight each other (measured on 2 cores under load: 11.7 ms with, 3.8 ms without, per run).
   */
  allowSpinning?: boolean;
}

/** A config name ('veil-ner-small', 'dslim/bert-base-NER', ...), a config object, or a model directory path. */
export type ModelSpec = string | NerModelConfig;

/** What a spec means, before anything is read from disk. */
export function resolveModelConfig(spec: ModelSpec): NerModelConfig {
  if (typeof spec === 'object' && spec !== null) {
    validateModelConfig(spec);
    return spec;
  }
  if (typeof spec !== 'string' || spec.trim().length === 0) {
    throw new TypeError('model must be a config name, a config object or a directory path');
  }
  if (spec === 'bundled') return getModelConfig(BUNDLED_MODEL)!;
  const named = getModelConfig(spec);
  if (named) return named;
  if (looksLikePath(spec)) {
    const path = resolve(spec);
    return defaultModelConfig(spec, { path });
  }
  // An unregistered hub id: CoNLL-style defaults, searched in the caches like any other.
  return defaultModelConfig(spec, { repoId: spec });
}

function looksLikePath(spec: string): boolean {
  return isAbsolute(spec) || spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('~') || isDirectory(spec);
}

const loaded = new Map<string, Promise<NerModel>>();

/** Loads a model once per process; later calls with the same model and options get the same instance. */
export function loadNerModel(spec: ModelSpec = BUNDLED_MODEL, options: LoadOptions = {}): Promise<NerModel> {
  const config = resolveModelConfig(spec);
  const key = JSON.stringify([config, options]);
  let model = loaded.get(key);
  if (!model) {
    model = loadUncached(config, options);
    loaded.set(key, model);
    // A failed load is not remembered: the user may provide the model and try again.
    model.catch(() => loaded.delete(key));
  }
  return model;
}

/** Forgets loaded models (tests, or to free memory); models in use keep working. */
export function clearModelCache(): void {
  loaded.clear();
}

/** The transformers.js settings the loader reads; tests point `remoteHost` at a local server. */
interface TransformersEnv {
  cacheDir: string | null;
  localModelPath: string | null;
  allowRemoteModels: boolean;
  remoteHost: string;
  remotePathTemplate: string;
}

type TokenizerClass = new (tokenizerJson: unknown, tokenizerConfig: unknown) => SubwordTokenizer;

/**
 * transformers.js tokenizer classes whose encoding differs from the plain tokenizer (language codes, special
 * splitting); every other class, BERT's and RoBERTa's included, encodes exactly as `@huggingface/tokenizers` does.
 */
const CUSTOM_TOKENIZER_CLASSES = new Set([
  'M2M100Tokenizer', 'MarianTokenizer', 'MBartTokenizer', 'MBart50Tokenizer', 'NllbTokenizer', 'VitsTokenizer',
  'XLMTokenizer', 'WhisperTokenizer',
]);

interface TransformersModules {
  env: TransformersEnv;
  /** Tokenizer classes by name (`BertTokenizer`, ...) and the generic `PreTrainedTokenizer`. */
  tokenizers: Record<string, unknown>;
}

// A variable, not a literal, so that TypeScript reads only the parts typed above, not transformers.js' own types.
const TRANSFORMERS = '@huggingface/transformers';

async function importTransformers(modelId: string): Promise<TransformersModules> {
  try {
    const module = (await import(TRANSFORMERS)) as { env: TransformersEnv } & Record<string, unknown>;
    return { env: module.env, tokenizers: module };
  } catch (cause) {
    throw new ModelLoadError(modelId, 'could not import @huggingface/transformers', { cause });
  }
}

function tokenContent(token: unknown): string | undefined {
  if (typeof token === 'string') return token;
  const content = (token as { content?: unknown } | null)?.content;
  return typeof content === 'string' ? content : undefined;
}

/** `@huggingface/tokenizers`' Tokenizer with the two things a transformers.js tokenizer class adds that we read. */
async function plainTokenizer(tokenizerJson: unknown, tokenizerConfig: unknown): Promise<SubwordTokenizer> {
  const { Tokenizer } = await import('@huggingface/tokenizers');
  const tokenizer = new Tokenizer(tokenizerJson as object, tokenizerConfig as object);
  const pad = tokenContent((tokenizerConfig as { pad_token?: unknown }).pad_token);
  return {
    encode: (text, options) => tokenizer.encode(text, { add_special_tokens: options?.add_special_tokens ?? true }).ids,
    pad_token_id: pad === undefined ? undefined : tokenizer.token_to_id(pad),
  };
}

/**
 * The tokenizer the way transformers.js' AutoTokenizer builds it (class named by tokenizer_config.json, `Fast`
 * suffix dropped), from the model directory's files: no hub lookup, no cache layout, no global settings.
 */
export async function loadTokenizer(modelId: string, directory: string): Promise<SubwordTokenizer> {
  const [tokenizerJson, tokenizerConfig] = await Promise.all(
    ['tokenizer.json', 'tokenizer_config.json'].map(async (file) => JSON.parse(await readFile(join(directory, file), 'utf8')) as unknown),
  );
  const className = (tokenizerConfig as { tokenizer_class?: unknown }).tokenizer_class;
  const name = typeof className === 'string' ? className.replace(/Fast$/, '') : undefined;
  if (name === undefined || !CUSTOM_TOKENIZER_CLASSES.has(name)) return plainTokenizer(tokenizerJson, tokenizerConfig);
  const named = (await importTransformers(modelId)).tokenizers[name];
  if (typeof named !== 'function') throw new ModelLoadError(modelId, `transformers.js has no tokenizer class ${name}`);
  return new (named as TokenizerClass)(tokenizerJson, tokenizerConfig);
}

async function loadUncached(config: NerModelConfig, options: LoadOptions): Promise<NerModel> {
  const modelId = config.name;
  // Only a hub model is looked up under transformers.js' settings, and only it may be downloaded.
  const transformers = config.path === undefined && config.repoId !== undefined ? await importTransformers(modelId) : undefined;
  const roots: SearchRoots = {
    cacheDir: options.cacheDir ?? transformers?.env.cacheDir ?? null,
    localModelPath: options.localModelPath ?? transformers?.env.localModelPath ?? null,
    hubCache: options.hubCache === undefined ? defaultHubCache() : options.hubCache,
  };
  const onnxFiles = onnxCandidates(config, options.quantized);
  const searched = candidateDirectories(config, roots);
  let directory = searched.find((dir) => completeModelFile(dir, onnxFiles) !== undefined);
  if (directory === undefined) {
    const remoteAllowed = options.allowRemote === true && transformers !== undefined && transformers.env.allowRemoteModels;
    if (!remoteAllowed) throw new ModelNotFoundError(modelId, searched, howToProvide(config));
    directory = await download(config, roots, onnxFiles, transformers);
  }
  try {
    const modelConfig = JSON.parse(await readFile(join(directory, 'config.json'), 'utf8')) as ModelConfigJson;
    const onnxPath = completeModelFile(directory, preferredOnnxFiles(modelConfig, onnxFiles, options.quantized))!;
    const labels = readId2Label(modelConfig.id2label, config.labels);
    const encoder = new WordEncoder(await loadTokenizer(modelId, directory));
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(onnxPath, {
      intraOpNumThreads: options.intraOpNumThreads ?? Math.min(4, availableParallelism()),
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: options.graphOptimizationLevel ?? 'all',
      extra: { session: { intra_op: { allow_spinning: options.allowSpinning ? '1' : '0' } } },
    });
    return new NerModel({
      id: modelId,
      config,
      encoder,
      labels,
      session: session as unknown as LogitsSession,
      int64Tensor: (data, dims) => new ort.Tensor('int64', data, [...dims]),
      tokenTypes: config.tokenTypes ?? (modelConfig.veil?.token_type_ids === 'case' ? 'case' : 'zeros'),
    });
  } catch (cause) {
    if (cause instanceof NerModelError) throw cause;
    const reason = cause instanceof Error ? cause.message.split('\n')[0]!.slice(0, 200) : 'unknown error';
    throw new ModelLoadError(modelId, `${reason} (files in ${directory})`, { cause });
  }
}

/** The parts of a model's config.json the runtime reads. */
interface ModelConfigJson {
  id2label?: unknown;
  /** Written by Veil's training pipeline: which file in onnx/ the model's authors chose. */
  veil?: { onnx_file?: unknown; token_type_ids?: unknown };
}

/** Unless the caller chose a variant, the file the model's config.json names comes first. */
function preferredOnnxFiles(modelConfig: ModelConfigJson, onnxFiles: readonly string[], quantized: boolean | undefined): string[] {
  const named = modelConfig.veil?.onnx_file;
  if (quantized !== undefined || typeof named !== 'string' || !/^[\w.-]+\.onnx$/.test(named)) return [...onnxFiles];
  return [`onnx/${named}`, ...onnxFiles];
}

function howToProvide(config: NerModelConfig): string {
  const files = `${REQUIRED_FILES.join(', ')} and ${config.onnxFile}`;
  if (config.path !== undefined) return `Put ${files} in that directory.`;
  if (config.repoId === undefined) {
    return `The bundled model is missing from this install: reinstall @veil/ner-models, or pass ner: '<model directory>' (a directory holding ${files}).`;
  }
  return `Download it once with allowRemote: true (hub id ${config.repoId}), copy ${files} into one of those `
    + `directories, or pass the model directory's path instead of the name.`;
}

/**
 * Fetches the model's files from the hub (transformers.js' `env.remoteHost` and `remotePathTemplate`) into
 * `<cacheDir>/<repo>` (`<cacheDir>/<repo>/<revision>` for another revision than main), each file written to a
 * temporary name first so that an interrupted download never looks complete.
 */
async function download(
  config: NerModelConfig,
  roots: SearchRoots,
  onnxFiles: readonly string[],
  transformers: TransformersModules,
): Promise<string> {
  const repo = config.repoId!;
  const revision = config.revision ?? 'main';
  if (!roots.cacheDir) throw new ModelNotFoundError(config.name, [], 'Set cacheDir so a downloaded model can be stored.');
  const directory = revision === 'main' ? join(roots.cacheDir, repo) : join(roots.cacheDir, repo, revision);
  const { remoteHost, remotePathTemplate } = transformers.env;
  const base = remoteHost.replace(/\/*$/, '/')
    + remotePathTemplate.replaceAll('{model}', repo).replaceAll('{revision}', encodeURIComponent(revision)).replace(/^\/+/, '');
  const fetchFile = async (file: string, required: boolean): Promise<boolean> => {
    const response = await fetch(new URL(file, base.endsWith('/') ? base : `${base}/`));
    if (response.status === 404 && !required) return false;
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    const target = join(directory, file);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await response.arrayBuffer()));
    await rename(partial, target);
    return true;
  };
  try {
    for (const file of REQUIRED_FILES) await fetchFile(file, true);
    let gotOnnx = false;
    for (const file of onnxFiles) {
      if (await fetchFile(file, false)) {
        gotOnnx = true;
        break;
      }
    }
    if (!gotOnnx) throw new Error(`none of ${onnxFiles.join(', ')} exists in the repository`);
  } catch (cause) {
    throw new ModelNotFoundError(config.name, [], `Downloading ${repo} failed; check the network or provide the files locally.`, { cause });
  }
  if (completeModelFile(directory, onnxFiles) === undefined) {
    throw new ModelNotFoundError(config.name, [directory], 'The download did not leave a complete model in the cache.');
  }
  return directory;
}
