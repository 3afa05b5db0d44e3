/**
 * The Dockerfile cannot be built here (no Docker daemon on the development and CI machines), so this checks what it
 * must hold: the base image, the install that skips onnxruntime's download, the bundled model carried into the
 * image, a non-root user, `veil serve` as the entry point listening on all interfaces, and a health check on /healthz.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile instructions, with continuation lines joined and comments dropped. */
function parse(text: string): Instruction[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const m = /^(\w+)\s+(.*)$/.exec(l)!;
      return { op: m[1]!.toUpperCase(), args: m[2]!.replace(/\s+/g, ' ') };
    });
}

describe('Dockerfile', () => {
  const all = parse(read('Dockerfile'));
  const stages: Instruction[][] = [];
  for (const ins of all) {
    if (ins.op === 'FROM') stages.push([]);
    stages.at(-1)?.push(ins);
  }
  const args = Object.fromEntries(all.filter((i) => i.op === 'ARG').map((i) => i.args.split('=')));
  const image = (from: string) => from.split(' ')[0]!.replace(/^\$\{(\w+)\}$/, (_, name: string) => args[name] ?? '');
  const final = stages.at(-1)!;
  const build = stages[0]!;

  it('builds on node:20-slim in two stages', () => {
    expect(stages.length).toBe(2);
    for (const stage of stages) expect(image(stage[0]!.args)).toBe('node:20-slim');
  });

  it('installs from the lockfile with pnpm through corepack, skipping the onnxruntime download, and builds the service', () => {
    const env = build.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    expect(env).toMatch(/ONNXRUNTIME_NODE_INSTALL=skip/);
    const run = build.filter((i) => i.op === 'RUN').map((i) => i.args).join(' && ');
    expect(run).toMatch(/corepack enable/);
    expect(run).toMatch(/pnpm install --frozen-lockfile/);
    expect(run).toMatch(/run build/);
    expect(run).toMatch(/install --frozen-lockfile --prod/);
    // The bundled model must reach the image (the build checks it is there).
    expect(run).toMatch(/test -d packages\/ner-models\/models\/veil-ner-small/);
    expect(existsSync(new URL('packages/ner-models/models/veil-ner-small', root))).toBe(true);
    expect(final.some((i) => i.op === 'COPY' && /--from=build \/src \/app/.test(i.args))).toBe(true);
    const scanners = JSON.parse(read('packages/scanners/package.json')) as { bin: Record<string, string> };
    expect(scanners.bin.veil).toBe('./bin/veil.js');
  });

  it('runs `veil serve` as a non-root user, on all interfaces, with a health check on /healthz', () => {
    const user = final.filter((i) => i.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const entry = final.find((i) => i.op === 'ENTRYPOINT')!.args;
    expect(JSON.parse(entry)).toEqual(['node', '/app/packages/scanners/bin/veil.js', 'serve']);
    const env = final.filter((i) => i.op === 'ENV').map((i) => i.args).join(' ');
    expect(env).toMatch(/VEIL_HOST=0\.0\.0\.0/);
    expect(env).toMatch(/VEIL_NER=bundled/);
    const health = final.find((i) => i.op === 'HEALTHCHECK')!.args;
    expect(health).toMatch(/CMD .*\/healthz/);
    expect(final.some((i) => i.op === 'EXPOSE' && i.args === '8080')).toBe(true);
    // The user switch comes after everything that needs root.
    expect(final.findIndex((i) => i.op === 'USER')).toBeGreaterThan(final.findLastIndex((i) => i.op === 'COPY' || i.op === 'RUN'));
  });

  it('keeps host installs, builds, git and training data out of the build context', () => {
    const ignore = read('.dockerignore').split(/\r?\n/).map((l) => l.trim());
    for (const entry of ['**/node_modules', '**/dist', '.git', 'packages/ner-models/training']) expect(ignore).toContain(entry);
    // Never the model, nor what the lockfile install needs.
    for (const kept of ['packages/ner-models/models', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json']) expect(ignore).not.toContain(kept);
  });
});
