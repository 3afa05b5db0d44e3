import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { cpus, totalmem, arch, platform, release } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where and with what a benchmark ran: written to `--json` as `meta` and shown in the Markdown and HTML reports. */
export interface RunMeta {
  /** ISO 8601, UTC. */
  date: string;
  /** `git rev-parse HEAD` of the checkout the harness runs from; null outside a git checkout. */
  commit: string | null;
  /** True when tracked files differ from the commit; null when unknown. */
  dirty: boolean | null;
  node: string;
  /** Version of the onnxruntime-node package the model loader uses; null when not installed. */
  onnxruntime: string | null;
  /** The NER model of the Veil configuration; null for patterns and compromise. */
  model: { name: string; file: string | null; sha256: string | null } | null;
  machine: { cpu: string; cores: number; memory_gb: number; platform: string; arch: string };
}

const here = dirname(fileURLToPath(import.meta.url));

/** Local git only (no fetch): the commit and whether the tree is dirty, or nulls when git or the checkout is absent. */
export function gitState(cwd = here): { commit: string | null; dirty: boolean | null } {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  let commit: string | null;
  try {
    commit = git(['rev-parse', 'HEAD']);
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return { commit: null, dirty: null };
  } catch {
    return { commit: null, dirty: null };
  }
  let dirty: boolean | null;
  try {
    dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  } catch {
    dirty = null;
  }
  return { commit, dirty };
}

/** The @veil/ner-models package directory, found by walking node_modules without importing it (that loads the runtime). */
function nerModelsDirectory(): string | null {
  let dir = here;
  for (;;) {
    const pkg = join(dir, 'node_modules', '@veil', 'ner-models');
    if (existsSync(join(pkg, 'package.json'))) return realpathSync(pkg);
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The version of a package as installed for `fromDir`, by walking node_modules upward. */
export function installedVersion(name: string, fromDir: string): string | null {
  let dir = resolve(fromDir);
  for (;;) {
    const pkg = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(pkg)) {
      try {
        const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version?: unknown }).version;
        return typeof version === 'string' ? version : null;
      } catch {
        return null;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The ONNX file of a model directory (prefers `onnx/model_quantized.onnx`, then any `.onnx` under `onnx/` or the root). */
export function onnxFileOf(modelDir: string): string | null {
  for (const dir of [join(modelDir, 'onnx'), modelDir]) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.endsWith('.onnx')).sort();
    const pick = files.includes('model_quantized.onnx') ? 'model_quantized.onnx' : files[0];
    if (pick) return join(dir, pick);
  }
  return null;
}

async function modelMeta(config: string, nerDir: string | null): Promise<RunMeta['model']> {
  if (config === 'patterns' || config === 'compromise') return null;
  if (config.startsWith('hub:')) return { name: config.slice(4), file: null, sha256: null };
  const modelDir = config === 'bundled' ? (nerDir ? join(nerDir, 'models', 'veil-ner-small') : null) : config;
  const name = config === 'bundled' ? 'veil-ner-small' : basename(config);
  const onnx = modelDir ? onnxFileOf(modelDir) : null;
  if (!onnx) return { name, file: null, sha256: null };
  return { name, file: relativeTo(modelDir!, onnx), sha256: await sha256File(onnx) };
}

const relativeTo = (dir: string, file: string) => file.slice(dir.length + 1).split('\\').join('/');

export async function collectMeta(config: string, now: Date = new Date()): Promise<RunMeta> {
  const nerDir = nerModelsDirectory();
  const cpuList = cpus();
  return {
    date: now.toISOString(),
    ...gitState(),
    node: process.version,
    onnxruntime: nerDir ? installedVersion('onnxruntime-node', nerDir) : null,
    model: await modelMeta(config, nerDir),
    machine: {
      cpu: cpuList[0]?.model.trim() || 'unknown',
      cores: cpuList.length,
      memory_gb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      platform: `${platform()} ${release()}`,
      arch: arch(),
    },
  };
}

/** Label/value pairs for the Markdown and HTML "Run" section. */
export function metaRows(meta: RunMeta): Array<[string, string]> {
  const m = meta.machine;
  return [
    ['date', meta.date],
    ['commit', meta.commit === null ? 'unknown' : `${meta.commit}${meta.dirty ? ' (uncommitted changes)' : ''}`],
    ['Node', meta.node],
    ['onnxruntime-node', meta.onnxruntime ?? 'not installed'],
    ['model', meta.model === null ? 'none (no NER model in this configuration)' : meta.model.name],
    ...(meta.model ? ([['model sha256', meta.model.sha256 === null ? 'unknown' : `${meta.model.sha256} (${meta.model.file})`]] as Array<[string, string]>) : []),
    ['machine', `${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, ${m.platform} ${m.arch}`],
  ];
}
