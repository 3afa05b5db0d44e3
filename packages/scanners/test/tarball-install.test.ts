/**
 * The packages as a user gets them: `pnpm pack` for @veil/vault, @veil/ner-models and @veil/scanners, the three
 * tarballs installed with npm into an empty project (our packages from the local files, third-party ones from the
 * registry or npm's cache), then the README quick start type-checked there with `tsc --noEmit` (`module:
 * nodenext`, no `skipLibCheck`) and run with node, printing what the README shows. A second file imports both
 * adapter entries with neither `ai` nor `@ai-sdk/provider` installed: their declarations must not need them.
 * onnxruntime-node's install script is skipped the documented way (ONNXRUNTIME_NODE_INSTALL=skip); the bundled
 * model then runs on the CPU binaries in its tarball. Skipped, with a message, where `npm` is not available.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGES = ['vault', 'ner-models', 'scanners'] as const;

function hasNpm(): boolean {
  try {
    execFileSync('npm', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

const npmAvailable = hasNpm();
if (!npmAvailable) console.warn('tarball-install.test.ts: skipped, `npm` is not on the PATH (the packed-tarball install needs it)');

/** pnpm itself when vitest runs under it (`pnpm exec`, `pnpm test`), else the same pnpm the README uses. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath !== undefined && /pnpm/.test(execPath)) return [process.execPath, [execPath]];
  return ['npx', ['-y', 'pnpm@10']];
}

function run(command: string, args: string[], cwd: string, timeout: number, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed (${String(error.code ?? error.signal)}):\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function readmeQuickStart(): { code: string; printed: string } {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- quickstart[^>]*-->\s*```ts\n([\s\S]*?)```\s*<!-- \/quickstart -->/.exec(readme);
  if (!block) throw new Error('README: no quick-start block');
  const printed = /It prints:\s*```text\n([\s\S]*?)```/.exec(readme.slice(block.index));
  if (!printed) throw new Error('README: no printed-output block after the quick start');
  return { code: block[1]!, printed: printed[1]! };
}

const ADAPTERS = `import { Vault } from '@veil/vault';
import { startTestServer } from '@veil/scanners';
import { veilFetch } from '@veil/scanners/openai';
import { veilMiddleware, type VeilLanguageModelMiddleware } from '@veil/scanners/ai-sdk';

const vault = new Vault();
const middleware: VeilLanguageModelMiddleware = veilMiddleware({ vault, anonymizeOptions: { ner: false } });
const fetch: typeof globalThis.fetch = veilFetch({ vault, anonymizeOptions: { ner: false } });
const server = await startTestServer();
const reply = await fetch(\`\${server.url}/chat/completions\`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'test', messages: [{ role: 'user', content: 'Mail ann.lee@brightline.io' }] }),
});
const answer = (await reply.json()) as { choices: Array<{ message: { content: string } }> };
console.log(answer.choices[0]!.message.content);
console.log(server.requests[0]!.messages[0]!.content);
console.log(middleware.specificationVersion);
await server.close();
`;

describe.skipIf(!npmAvailable)('packed tarballs installed with npm', () => {
  let work: string;
  let app: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'veil-tarballs-'));
    const tarballs = join(work, 'tarballs');
    app = join(work, 'app');
    mkdirSync(tarballs);
    mkdirSync(app);
    // The tarballs carry dist/: build it (incremental, as `pnpm build` does).
    await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', ...PACKAGES.map((p) => `packages/${p}`)], root, 240_000);
    const [pnpm, pnpmArgs] = pnpmCommand();
    for (const name of PACKAGES) {
      await run(pnpm, [...pnpmArgs, 'pack', '--pack-destination', tarballs], join(root, 'packages', name), 120_000);
    }
    const files = readdirSync(tarballs).filter((f) => f.endsWith('.tgz'));
    expect(files).toHaveLength(PACKAGES.length);

    const typesNode = JSON.parse(readFileSync(join(root, 'node_modules', '@types', 'node', 'package.json'), 'utf8')) as { version: string };
    writeFileSync(join(app, 'package.json'), JSON.stringify({
      name: 'veil-tarball-check',
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(files.map((f) => [f.includes('vault') ? '@veil/vault' : f.includes('ner-models') ? '@veil/ner-models' : '@veil/scanners', `file:../tarballs/${f}`])),
      devDependencies: { '@types/node': typesNode.version },
    }, null, 2));
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: ['node'] },
      include: ['*.ts'],
    }, null, 2));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app, 600_000, {
      ONNXRUNTIME_NODE_INSTALL: 'skip',
    });
  }, 900_000);

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('installs one onnxruntime-node and no optional peer', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    const paths = Object.keys(lock.packages);
    expect(paths.filter((p) => p.endsWith('node_modules/onnxruntime-node'))).toEqual(['node_modules/onnxruntime-node']);
    expect(paths.filter((p) => /node_modules\/(ai|@ai-sdk\/provider|@xenova\/transformers)$/.test(p))).toEqual([]);
  });

  it('type-checks the README quick start and the adapter entries with module nodenext, without skipLibCheck', async () => {
    writeFileSync(join(app, 'quickstart.ts'), readmeQuickStart().code);
    writeFileSync(join(app, 'adapters.ts'), ADAPTERS);
    await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], app, 120_000);
  }, 180_000);

  it('runs the README quick start and prints what the README shows', async () => {
    const { code, printed } = readmeQuickStart();
    writeFileSync(join(app, 'quickstart.mjs'), code);
    expect(await run(process.execPath, ['quickstart.mjs'], app, 120_000)).toBe(printed);
  }, 180_000);

  it('loads neither compromise nor the model runtime for patterns only', async () => {
    // Hidden for the run: an eager import of any of them (ESM or require) fails with ERR_MODULE_NOT_FOUND.
    const hidden = ['compromise', 'onnxruntime-node', 'onnxruntime-web', join('@huggingface', 'transformers')].map((p) => join(app, 'node_modules', p));
    writeFileSync(join(app, 'patterns-only.mjs'), `import { Anonymize } from '@veil/scanners';
import { Vault } from '@veil/vault';
const { sanitized } = await new Anonymize({ vault: new Vault(), ner: false }).scan('Mail ann.lee@brightline.io');
console.log(sanitized);
`);
    for (const dir of hidden) renameSync(dir, `${dir}.hidden`);
    try {
      expect(await run(process.execPath, ['patterns-only.mjs'], app, 60_000)).toBe('Mail [REDACTED_EMAIL_ADDRESS_1]\n');
    } finally {
      for (const dir of hidden) renameSync(`${dir}.hidden`, dir);
    }
  }, 120_000);

  it('runs both adapter entries', async () => {
    // The adapter check is plain JavaScript apart from its type annotations, which Node 20 cannot strip.
    const js = ADAPTERS.replace(', type VeilLanguageModelMiddleware', '')
      .replace('const middleware: VeilLanguageModelMiddleware =', 'const middleware =')
      .replace('const fetch: typeof globalThis.fetch =', 'const fetch =')
      .replace(/\) as \{ choices: Array<\{ message: \{ content: string \} \}> \};/, ');')
      .replaceAll('!', '');
    writeFileSync(join(app, 'adapters.mjs'), js);
    expect(await run(process.execPath, ['adapters.mjs'], app, 60_000)).toBe(
      'You said: Mail ann.lee@brightline.io\nMail [REDACTED_EMAIL_ADDRESS_1]\nv3\n',
    );
  }, 120_000);
});
