/**
 * Where a model's files can live, in the order they are tried: an explicit directory, the bundled copy, then
 * the hub caches (transformers.js layout `<cacheDir>/<org>/<name>/`, and the Python `huggingface_hub` layout
 * `<hub>/models--<org>--<name>/snapshots/<commit>/`), so a model downloaded by either tool is found offline.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_MODEL, type NerModelConfig } from './configs.js';

/** packages/ner-models/models/veil-ner-small, from src/ (tests) or dist/ (published) alike. */
export function bundledModelDirectory(): string {
  return join(dirname(dirname(fileURLToPath(import.meta.url))), 'models', BUNDLED_MODEL);
}

export interface SearchRoots {
  /** transformers.js file cache (its `env.cacheDir`). */
  cacheDir: string | null;
  /** transformers.js local model root (its `env.localModelPath`). */
  localModelPath: string | null;
  /** Python huggingface_hub cache; `HF_HUB_CACHE`, `HF_HOME/hub` or ~/.cache/huggingface/hub. */
  hubCache: string | null;
}

export function defaultHubCache(): string {
  const fromEnv = process.env.HF_HUB_CACHE;
  if (fromEnv) return fromEnv;
  return join(process.env.HF_HOME ?? join(homedir(), '.cache', 'huggingface'), 'hub');
}

/** Directories that may hold the model, most specific first. */
export function candidateDirectories(config: NerModelConfig, roots: SearchRoots): string[] {
  if (config.path !== undefined) return [config.path];
  // Neither a path nor a hub id: the bundled model's files (so its config can be copied and retuned).
  if (config.repoId === undefined) return [bundledModelDirectory()];
  const repo = config.repoId;
  const revision = config.revision ?? 'main';
  const dirs: string[] = [];
  if (roots.localModelPath) dirs.push(join(roots.localModelPath, repo));
  if (roots.cacheDir) dirs.push(revision === 'main' ? join(roots.cacheDir, repo) : join(roots.cacheDir, repo, revision));
  if (roots.hubCache) {
    const repoDir = join(roots.hubCache, `models--${repo.split('/').join('--')}`);
    dirs.push(join(repoDir, 'snapshots', snapshotName(repoDir, revision)));
  }
  return dirs;
}

/** A commit hash names its snapshot directly; a branch or tag is looked up in refs/. */
function snapshotName(repoDir: string, revision: string): string {
  if (/^[0-9a-f]{40}$/.test(revision)) return revision;
  const ref = join(repoDir, 'refs', revision);
  try {
    return readFileSync(ref, 'utf8').trim();
  } catch {
    return revision;
  }
}

/** ONNX files to try, in order: `quantized` true/false insists on one variant, undefined prefers the int8 one. */
export function onnxCandidates(config: NerModelConfig, quantized: boolean | undefined): string[] {
  const q = config.quantizedOnnxFile;
  if (quantized === true) return q ? [q] : [];
  if (quantized === false) return [config.onnxFile];
  return q ? [q, config.onnxFile] : [config.onnxFile];
}

export const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/** The ONNX file's path if `dir` holds a complete model, else undefined. */
export function completeModelFile(dir: string, onnxFiles: readonly string[]): string | undefined {
  if (!isDirectory(dir)) return undefined;
  if (!REQUIRED_FILES.every((f) => existsSync(join(dir, f)))) return undefined;
  return onnxFiles.map((f) => join(dir, f)).find((p) => existsSync(p));
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
