import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = fileURLToPath(new URL('../', import.meta.url));
const builtCli = join(pkg, 'dist', 'cli.js');
/** What `pnpm install` links from the package's `bin` (a shell shim calling bin/veil.js). */
const linkedBin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'veil.cmd' : 'veil');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command with `input` on stdin, from a directory outside the repository, as a user would. */
function run(command: string, args: string[], input: string, env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { cwd: tmpdir(), env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
    child.stdin!.end(input);
  });
}

const text = 'Mail ann.lee@brightline.io or call (415) 867-2309.\n';
const sanitized = 'Mail [REDACTED_EMAIL_ADDRESS_1] or call [REDACTED_PHONE_NUMBER_1].\n';

// The built output, end to end: `pnpm build` (here the same incremental `tsc -b`) then the `veil` command that
// `pnpm install` put on the PATH, in child processes, checking output and exit codes.
describe('built veil CLI', () => {
  beforeAll(() => {
    return new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'packages/scanners'],
        { cwd: root, timeout: 240_000 },
        (error, stdout) => (error ? reject(new Error(`tsc -b failed:\n${stdout}`)) : resolve()),
      );
    });
  }, 300_000);

  it('dist/cli.js anonymizes, scans and restores with the documented exit codes', async () => {
    expect(existsSync(builtCli)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'veil-built-cli-'));
    const vault = join(dir, 'vault.json');

    const anon = await run(process.execPath, [builtCli, 'anonymize', '--vault', vault, '--config', 'patterns'], text);
    expect(anon).toEqual({ code: 0, stdout: sanitized, stderr: '' });
    expect(readFileSync(vault, 'utf8')).toContain('ann.lee@brightline.io');

    const file = join(dir, 'sanitized.txt');
    writeFileSync(file, anon.stdout);
    const back = await run(process.execPath, [builtCli, 'deanonymize', file, '--vault', vault], '');
    expect(back).toEqual({ code: 0, stdout: text, stderr: '' });

    const found = await run(process.execPath, [builtCli, 'scan', '--config', 'patterns', '--with-text'], text);
    expect(found.code).toBe(1);
    const findings = found.stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; text: string });
    expect(findings.map((f) => [f.type, f.text])).toEqual([
      ['EMAIL_ADDRESS', 'ann.lee@brightline.io'],
      ['PHONE_NUMBER', '(415) 867-2309'],
    ]);

    expect(await run(process.execPath, [builtCli, 'scan', '--config', 'patterns'], 'Nothing to see here.\n')).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const usage = await run(process.execPath, [builtCli, 'anonymize', '--bogus'], '');
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    const missingVault = await run(process.execPath, [builtCli, 'deanonymize', '--vault', join(dir, 'none.json')], 'x');
    expect(missingVault.code).toBe(3);
    expect(missingVault.stdout).toBe('');
  });

  it.skipIf(process.platform === 'win32')('the veil command linked by pnpm install runs the built CLI', async () => {
    expect(existsSync(linkedBin), `${linkedBin} (run pnpm install)`).toBe(true);
    const anon = await run(linkedBin, ['scan', '--config', 'patterns'], text);
    expect(anon.code).toBe(1);
    expect(anon.stdout.trim().split('\n')).toHaveLength(2);
    const help = await run(linkedBin, ['--help'], '');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('veil anonymize');
  });

  it.skipIf(process.platform === 'win32')('bin/veil.js falls back to the TypeScript sources through tsx', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veil-source-cli-'));
    const vault = join(dir, 'vault.json');
    const anon = await run(linkedBin, ['anonymize', '--vault', vault, '--config', 'patterns'], text, {
      VEIL_CLI_FROM_SOURCE: '1',
    });
    expect(anon).toEqual({ code: 0, stdout: sanitized, stderr: '' });
    const usage = await run(linkedBin, ['scan', '--bogus'], '', { VEIL_CLI_FROM_SOURCE: '1' });
    expect(usage.code).toBe(2);
  });
});
