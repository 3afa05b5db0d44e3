/**
 * Resolves a model (config name, config object or local directory), loads its tokenizer through
 * transformers.js and its ONNX graph through onnxruntime-node, once per process: concurrent and later requests
 * for the same model share one promise. transformers.js bundles an old onnxruntime; only its tokenizer and hub
 * code are used here, sessions come from our own onnxruntime-node. Both are imported lazily so that users of
 * patterns only never load native code.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
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

interface TransformersModules {
  env: { cacheDir: string | null; localModelPath: string | null; allowRemoteModels: boolean };
  AutoTokenizer: { from_pretrained(id: string, options: Record<string, unknown>): Promise<SubwordTokenizer> };
  getModelFile(repo: string, file: string, fatal: boolean, options: Record<string, unknown>): Promise<Uint8Array | null>;
}

// Deep imports: the package root would also load transformers.js' image and model code (and sharp).
const TRANSFORMERS_ENV = '@xenova/transformers/src/env.js';
const TRANSFORMERS_TOKENIZERS = '@xenova/transformers/src/tokenizers.js';
const TRANSFORMERS_HUB = '@xenova/transformers/src/utils/hub.js';

async function importTransformers(): Promise<TransformersModules> {
  const [envModule, tokenizers, hub] = await Promise.all([
    import(TRANSFORMERS_ENV) as Promise<{ env: TransformersModules['env'] }>,
    import(TRANSFORMERS_TOKENIZERS) as Promise<{ AutoTokenizer: TransformersModules['AutoTokenizer'] }>,
    import(TRANSFORMERS_HUB) as Promise<{ getModelFile: TransformersModules['getModelFile'] }>,
  ]);
  return { env: envModule.env, AutoTokenizer: tokenizers.AutoTokenizer, getModelFile: hub.getModelFile };
}

async function loadUncached(config: NerModelConfig, options: LoadOptions): Promise<NerModel> {
  const modelId = config.name;
  let transformers: TransformersModules;
  try {
    transformers = await importTransformers();
  } catch (cause) {
    throw new ModelLoadError(modelId, 'could not import @xenova/transformers', { cause });
  }
  const roots: SearchRoots = {
    cacheDir: options.cacheDir ?? transformers.env.cacheDir,
    localModelPath: options.localModelPath ?? transformers.env.localModelPath,
    hubCache: options.hubCache === undefined ? defaultHubCache() : options.hubCache,
  };
  const onnxFiles = onnxCandidates(config, options.quantized);
  const searched = candidateDirectories(config, roots);
  let directory = searched.find((dir) => completeModelFile(dir, onnxFiles) !== undefined);
  if (directory === undefined) {
    const remoteAllowed = options.allowRemote === true && transformers.env.allowRemoteModels && config.repoId !== undefined;
    if (!remoteAllowed) throw new ModelNotFoundError(modelId, searched, howToProvide(config));
    directory = await download(config, roots, onnxFiles, transformers);
  }
  try {
    const modelConfig = JSON.parse(await readFile(join(directory, 'config.json'), 'utf8')) as ModelConfigJson;
    const onnxPath = completeModelFile(directory, preferredOnnxFiles(modelConfig, onnxFiles, options.quantized))!;
    const labels = readId2Label(modelConfig.id2label, config.labels);
    const tokenizer = await transformers.AutoTokenizer.from_pretrained(basename(directory), {
      cache_dir: dirname(directory),
      local_files_only: true,
    });
    const encoder = new WordEncoder(tokenizer);
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

async function download(
  config: NerModelConfig,
  roots: SearchRoots,
  onnxFiles: readonly string[],
  transformers: TransformersModules,
): Promise<string> {
  const repo = config.repoId!;
  const revision = config.revision ?? 'main';
  if (!roots.cacheDir) throw new ModelNotFoundError(config.name, [], 'Set cacheDir so a downloaded model can be stored.');
  const fetchOptions = { cache_dir: roots.cacheDir, revision, local_files_only: false };
  try {
    for (const file of REQUIRED_FILES) await transformers.getModelFile(repo, file, true, fetchOptions);
    let gotOnnx = false;
    for (const file of onnxFiles) {
      if (await transformers.getModelFile(repo, file, false, fetchOptions)) {
        gotOnnx = true;
        break;
      }
    }
    if (!gotOnnx) throw new Error(`none of ${onnxFiles.join(', ')} exists in the repository`);
  } catch (cause) {
    throw new ModelNotFoundError(config.name, [], `Downloading ${repo} failed; check the network or provide the files locally.`, { cause });
  }
  const directory = revision === 'main' ? join(roots.cacheDir, repo) : join(roots.cacheDir, repo, revision);
  if (completeModelFile(directory, onnxFiles) === undefined) {
    throw new ModelNotFoundError(config.name, [directory], 'The download did not leave a complete model in the cache.');
  }
  return directory;
}
