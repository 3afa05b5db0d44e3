#!/usr/bin/env node
// The `veil` command. Runs the built CLI (dist/cli.js) when the package has been built, as it always is when
// installed from npm. In a source checkout before `pnpm build` it runs src/cli.ts through tsx (a devDependency of
// the workspace) with the `source` export condition, so `veil` works right after `pnpm install`.
// VEIL_CLI_FROM_SOURCE=1 forces the source path (useful while editing the CLI with a stale dist/).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/cli.js', import.meta.url);
const source = new URL('../src/cli.ts', import.meta.url);

if (existsSync(dist) && process.env.VEIL_CLI_FROM_SOURCE !== '1') {
  await import(dist.href);
} else if (existsSync(source)) {
  let tsx;
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    process.stderr.write("veil: not built and tsx is not installed: run 'pnpm install' and 'pnpm build' first\n");
    process.exit(3);
  }
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', tsx, fileURLToPath(source), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', () => {
    process.stderr.write('veil: could not start the CLI\n');
    process.exitCode = 3;
  });
  child.on('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 3 : 0);
  });
} else {
  process.stderr.write("veil: dist/cli.js is missing: run 'pnpm build' first\n");
  process.exit(3);
}
