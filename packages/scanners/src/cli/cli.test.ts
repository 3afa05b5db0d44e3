import { spawn } from 'node:child_process';
import type { StdioOptions } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EncryptedFileVaultStore, Vault, lockFile, staticKey } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { CliUsageError, USAGE, parseCliArgs } from './args.js';
import { EXIT, runCli } from './run.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cliPath = fileURLToPath(new URL('../cli.ts', import.meta.url));

interface Outcome {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

interface ProcessOptions {
  /** A file descriptor to use as the child's stdin instead of a pipe fed with `input`. */
  stdinFd?: number;
  /** Run as another user (see `unprivileged`). */
  uid?: number;
  gid?: number;
  /** Close our end of the child's stdout after the first chunk arrives: a reader that stops early. */
  closeStdoutEarly?: boolean;
}

/** Runs the real `veil` entry point in a child process, from sources (no build needed). */
function veilProcess(args: string[], input: string | Buffer = '', options: ProcessOptions = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const stdio: StdioOptions = [options.stdinFd ?? 'pipe', 'pipe', 'pipe'];
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cliPath, ...args], {
      cwd: repoRoot, stdio, uid: options.uid, gid: options.gid,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => {
      out.push(d);
      if (options.closeStdoutEarly) child.stdout!.destroy();
    });
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin?.end(input);
  });
}

/** Runs `script` with sh, the way a user pipes veil into another tool. */
function shell(script: string, input: string, env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script], { cwd: repoRoot, env: { ...process.env, ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(input);
  });
}

/**
 * Root reads every file whatever its mode, so the permission checks then run the CLI as `nobody`, for whom a file
 * of root's with mode 000 is closed; anyone else is already denied by mode 000.
 */
const unprivileged: Pick<ProcessOptions, 'uid' | 'gid'> = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** A stack trace, which the CLI must never print. */
const STACK = /\n\s+at |node:internal|Error: /;

/** The same entry in this process (runCli with in-memory streams), for the many cheap cases. */
async function veil(args: string[], input: string | Buffer = ''): Promise<Outcome> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (d: Buffer) => out.push(Buffer.from(d)));
  stderr.on('data', (d: Buffer) => err.push(Buffer.from(d)));
  stdin.end(input);
  const status = await runCli(args, { stdin, stdout, stderr });
  return { status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'veil-cli-'));

const document =
  '\uFEFFTicket from Ann Lee <ann.lee@brightline.io>, phone (415) 867-2309.\r\n' +
  'Card 4111 1111 1111 1111 😀 and IBAN DE89 3704 0044 0532 0130 00;\tserver 10.20.30.40  \n' +
  'Project Falcon is confidential. Plain line with no PII.\n\n';
const values = ['ann.lee@brightline.io', '(415) 867-2309', '4111 1111 1111 1111', 'DE89 3704 0044 0532 0130 00', '10.20.30.40', 'Falcon'];

describe('veil CLI round trip (child process)', () => {
  it('anonymize then deanonymize over stdin/stdout restores the input byte for byte', async () => {
    const vault = join(tmp(), 'vault.json');
    const input = Buffer.from(document, 'utf8');
    const anon = await veilProcess(['anonymize', '--vault', vault, '--config', 'patterns', '--hidden', 'Falcon'], input);
    expect(anon.stderr).toBe('');
    expect(anon.status).toBe(0);
    const sanitized = anon.stdout.toString('utf8');
    for (const v of values) expect(sanitized).not.toContain(v);
    expect(sanitized).toContain('[REDACTED_EMAIL_ADDRESS_1]');
    expect(sanitized).toContain('[REDACTED_CUSTOM_1]');
    expect(sanitized.startsWith('\uFEFF')).toBe(true);
    expect(statSync(vault).mode & 0o777).toBe(0o600);

    const deanon = await veilProcess(['deanonymize', '-', '--vault', vault], anon.stdout);
    expect(deanon.status).toBe(0);
    expect(Buffer.compare(deanon.stdout, input)).toBe(0);
  });

  it('keeps placeholders stable across calls that share a vault file, and restores mangled ones', async () => {
    const dir = tmp();
    const vault = join(dir, 'vault.json');
    const first = await veil(['anonymize', '--vault', vault, '--config', 'patterns'], 'Write to ann.lee@brightline.io');
    const second = await veil(['anonymize', '--vault', vault, '--config', 'patterns'], 'Reply to bo@chen.dev, cc ann.lee@brightline.io');
    expect(first.stdout.toString()).toBe('Write to [REDACTED_EMAIL_ADDRESS_1]');
    expect(second.stdout.toString()).toBe('Reply to [REDACTED_EMAIL_ADDRESS_2], cc [REDACTED_EMAIL_ADDRESS_1]');
    // what a model might send back: brackets dropped, case changed
    const answerFile = join(dir, 'answer.txt');
    writeFileSync(answerFile, 'I wrote to redacted_email_address_2 and REDACTED_EMAIL_ADDRESS_1.');
    const restored = await veil(['deanonymize', answerFile, '--vault', vault]);
    expect(restored.status).toBe(0);
    expect(restored.stdout.toString()).toBe('I wrote to bo@chen.dev and ann.lee@brightline.io.');
  });
});

describe('veil scan (child process)', () => {
  it('prints findings as JSON lines and exits 1 when PII is found, 0 when clean', async () => {
    const found = await veilProcess(['scan', '--config', 'patterns'], 'Call (415) 867-2309 now');
    expect(found.status).toBe(1);
    const lines = found.stdout.toString().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ type: 'PHONE_NUMBER', start: 5, end: 19 })]);
    expect(lines[0]).not.toHaveProperty('text');
    const withText = await veil(['scan', '--config', 'patterns', '--with-text'], 'Call (415) 867-2309 now');
    expect(JSON.parse(withText.stdout.toString()).text).toBe('(415) 867-2309');
    const clean = await veilProcess(['scan', '--config', 'patterns'], 'Nothing personal here.');
    expect(clean.status).toBe(0);
    expect(clean.stdout.toString()).toBe('');
  });
});

describe('veil errors (child process)', () => {
  it('exits 2 on usage errors and 0 with --help', async () => {
    expect((await veilProcess([])).status).toBe(2);
    expect((await veil(['frobnicate'])).status).toBe(2);
    expect((await veil(['anonymize', '--config', 'patterns'], 'x')).status).toBe(2);
    expect((await veil(['scan', '--config', 'nope-not-a-config'], 'x')).status).toBe(2);
    const unknownType = await veil(['scan', '--config', 'patterns', '--entities', 'phone'], 'call (415) 867-2309');
    expect(unknownType.status).toBe(2);
    expect(unknownType.stderr).toContain('unknown entity type "PHONE"');
    expect(unknownType.stderr).toContain('PHONE_NUMBER');
    expect(unknownType.stdout.toString()).toBe('');
    expect((await veil(['deanonymize', '--vault', 'v.json', '--matching', 'loose'], 'x')).status).toBe(2);
    const help = await veil(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout.toString()).toContain('veil anonymize');
  });

  it('exits 3 without echoing the text when the input is not UTF-8 or the vault is missing', async () => {
    const vault = join(tmp(), 'vault.json');
    const bad = await veil(['anonymize', '--vault', vault, '--config', 'patterns'], Buffer.from([0x41, 0xff, 0xfe, 0x42]));
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain('not valid UTF-8');
    expect(existsSync(vault)).toBe(false);
    const missing = await veil(['deanonymize', '--vault', join(tmp(), 'none.json')], 'secret ann.lee@brightline.io');
    expect(missing.status).toBe(3);
    expect(missing.stderr).not.toContain('ann.lee');
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Big enough that the output overflows a pipe's buffer (64 KiB), so a reader that stops early is noticed. */
const big = 'Mail ann.lee@brightline.io please. '.repeat(6000);

describe('veil with a reader that stops early (child process)', () => {
  it('anonymize exits 141 with nothing on stderr when its stdout is closed after the first chunk; the vault is saved', async () => {
    const vault = join(tmp(), 'vault.json');
    const run = await veilProcess(['anonymize', '--vault', vault, '--config', 'patterns'], big, { closeStdoutEarly: true });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(EXIT.outputClosed);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.stdout.length).toBeLessThan(big.length);
    expect(run.stdout.toString()).not.toContain('ann.lee');
    expect(JSON.parse(readFileSync(vault, 'utf8')).entries).toHaveLength(1);
  });

  it('scan and deanonymize piped into `head -c 1` by a shell exit 141, print no stack trace and no PII', async () => {
    const script = (command: string) => `{ "$NODE" --conditions=source --import tsx "$CLI" ${command}; echo "veil exit $?" >&2; } | head -c 1`;
    const env = { NODE: process.execPath, CLI: cliPath };
    const scan = await shell(script('scan --config patterns --with-text'), big, env);
    expect(scan.stderr).toBe('veil exit 141\n');
    expect(scan.stdout.toString()).toBe('{');

    const dir = tmp();
    const vault = join(dir, 'vault.json');
    const sanitized = await veil(['anonymize', '--vault', vault, '--config', 'patterns'], big);
    const deanon = await shell(script(`deanonymize --vault '${vault}'`), sanitized.stdout.toString(), env);
    expect(deanon.stderr).toBe('veil exit 141\n');
    expect(deanon.stdout.toString()).toBe('M');
  });
});

describe('veil failures (child process)', () => {
  const secret = 'Mail ann.lee@brightline.io about Falcon';

  it('say which file failed and why, exit 3, print nothing on stdout and never the text or a stack trace', async () => {
    const dir = tmp();
    const input = join(dir, 'in.txt');
    writeFileSync(input, secret);
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Jos\xe9 ann.lee@brightline.io', 'latin1'));
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '{"version": 1, "entries": [');
    const wrongShape = join(dir, 'wrong-shape.json');
    writeFileSync(wrongShape, '{"version": 1, "entries": "ann.lee@brightline.io"}');
    const vaultLatin1 = join(dir, 'vault-latin1.json');
    writeFileSync(vaultLatin1, Buffer.from('{"version":1,"entries":[{"placeholder":"[REDACTED_PERSON_1]","value":"Jos\xe9"}]}', 'latin1'));
    const encrypted = join(dir, 'encrypted.json');
    const store = new EncryptedFileVaultStore({ path: encrypted, keys: staticKey(Buffer.alloc(32, 1)) });
    await new Vault({ store }).placeholderFor('EMAIL_ADDRESS', 'ann.lee@brightline.io');

    const cases: Array<[string[], RegExp]> = [
      [['scan', dir, '--config', 'patterns'], /^veil: cannot read the input file ".*": is a directory, not a file\n$/],
      [['anonymize', input, '--vault', dir, '--config', 'patterns'], /^veil: cannot read the vault file ".*": is a directory, not a file\n$/],
      [['deanonymize', input, '--vault', dir], /^veil: cannot read the vault file ".*": is a directory, not a file\n$/],
      [['scan', join(dir, 'missing.txt'), '--config', 'patterns'], /^veil: cannot read the input file ".*missing\.txt": not found\n$/],
      [['deanonymize', input, '--vault', join(dir, 'missing.json')], /^veil: cannot read the vault file ".*missing\.json": not found \(deanonymize needs the vault that `veil anonymize` wrote\)\n$/],
      [['anonymize', input, '--vault', join(dir, 'no-such-dir', 'v.json'), '--config', 'patterns'], /^veil: cannot lock the vault file ".*v\.json": its directory does not exist\n$/],
      [['scan', latin1, '--config', 'patterns'], /^veil: cannot read the input file ".*latin1\.txt": not valid UTF-8 /],
      [['deanonymize', input, '--vault', vaultLatin1], /^veil: cannot read the vault file ".*vault-latin1\.json": not valid UTF-8 /],
      [['deanonymize', input, '--vault', notJson], /^veil: cannot read the vault file ".*": not a vault written by `veil anonymize` \(snapshot is not valid JSON\)\n$/],
      [['deanonymize', input, '--vault', wrongShape], /^veil: cannot read the vault file ".*": not a vault written by `veil anonymize` \(snapshot entries must be an array\)\n$/],
      [['deanonymize', input, '--vault', encrypted], /^veil: cannot read the vault file ".*encrypted\.json": it is an encrypted vault \(EncryptedFileVaultStore\)/],
    ];
    const check = (args: string[], message: RegExp, run: Outcome) => {
      expect({ args, status: run.status }).toEqual({ args, status: EXIT.failed });
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(STACK);
      expect(run.stderr).not.toContain('ann.lee');
      expect(run.stderr).not.toContain('Jos');
      expect(run.stdout.toString()).toBe('');
    };
    // Every case through runCli in this process (cheap), and the two through the real entry point.
    for (const [args, message] of cases) check(args, message, await veil(args, secret));
    for (const [args, message] of [cases[0]!, cases[2]!]) check(args, message, await veilProcess(args, secret));
  }, 60_000);

  it('say "permission denied" for an input or vault the user may not read, or a vault directory it may not write', async () => {
    const dir = tmp();
    chmodSync(dir, 0o755);
    const readable = join(dir, 'readable.txt');
    writeFileSync(readable, secret);
    chmodSync(readable, 0o644);
    const closedInput = join(dir, 'closed.txt');
    writeFileSync(closedInput, secret);
    chmodSync(closedInput, 0o000);
    const closedVault = join(dir, 'vault.json');
    await veil(['anonymize', readable, '--vault', closedVault, '--config', 'patterns']);
    chmodSync(closedVault, 0o000);
    const closedDir = join(dir, 'read-only');
    mkdirSync(closedDir, 0o555);

    const input = await veilProcess(['scan', closedInput, '--config', 'patterns'], '', unprivileged);
    expect(input.status).toBe(EXIT.failed);
    expect(input.stderr).toMatch(/^veil: cannot read the input file ".*closed\.txt": permission denied\n$/);
    const vault = await veilProcess(['deanonymize', readable, '--vault', closedVault], '', unprivileged);
    expect(vault.status).toBe(EXIT.failed);
    expect(vault.stderr).toMatch(/^veil: cannot read the vault file ".*vault\.json": permission denied\n$/);
    const save = await veilProcess(['anonymize', readable, '--vault', join(closedDir, 'v.json'), '--config', 'patterns'], '', unprivileged);
    expect(save.status).toBe(EXIT.failed);
    expect(save.stderr).toMatch(/^veil: cannot lock the vault file ".*v\.json": permission denied\n$/);
    for (const run of [input, vault, save]) expect(run.stdout.toString()).toBe('');
  }, 60_000);

  it('reads a directory given as stdin as the failure it is, not as empty text', async () => {
    const fd = openSync(tmp(), 'r');
    try {
      const run = await veilProcess(['scan', '--config', 'patterns'], '', { stdinFd: fd });
      expect(run.status).toBe(EXIT.failed);
      expect(run.stderr).toBe('veil: cannot read standard input: is a directory, not a file\n');
    } finally {
      closeSync(fd);
    }
  });

  it('waits while another process holds the vault, and says so when it holds it past --lock-timeout', async () => {
    const vault = join(tmp(), 'vault.json');
    // This test process plays the other veil run: it holds the vault's lock.
    const lock = await lockFile(vault);
    const blocked = await veilProcess(['anonymize', '--vault', vault, '--config', 'patterns', '--lock-timeout', '0.5'], secret);
    expect(blocked.status).toBe(EXIT.failed);
    expect(blocked.stderr).toMatch(/^veil: cannot use the vault file ".*vault\.json": another veil process kept it locked for 0\.5 s /);
    expect(blocked.stderr).not.toContain('ann.lee');
    expect(blocked.stdout.toString()).toBe('');
    expect(existsSync(vault)).toBe(false);

    // A run started while the lock is held must load the vault only after the holder saved its entry and let go;
    // reading it earlier would hand out [REDACTED_EMAIL_ADDRESS_1] a second time and drop the holder's entry.
    const waiting = veilProcess(['anonymize', '--vault', vault, '--config', 'patterns'], 'Reply to bo@chen.dev');
    await sleep(3000);
    const held = new Vault();
    await held.placeholderFor('EMAIL_ADDRESS', 'ann.lee@brightline.io');
    writeFileSync(vault, JSON.stringify(await held.export()));
    await lock.release();
    const after = await waiting;
    expect(after.stderr).toBe('');
    expect(after.status).toBe(EXIT.ok);
    expect(after.stdout.toString()).toBe('Reply to [REDACTED_EMAIL_ADDRESS_2]');
    expect(JSON.parse(readFileSync(vault, 'utf8')).entries.map((e: { value: string }) => e.value)).toEqual(['ann.lee@brightline.io', 'bo@chen.dev']);
  }, 60_000);
});

describe('parseCliArgs', () => {
  it('reads the command, input and options', () => {
    expect(parseCliArgs(['anonymize', 'in.txt', '--vault', 'v.json', '--allowed', 'John Doe, Jane', '--threshold', '0.7'])).toMatchObject({
      command: 'anonymize', input: 'in.txt', vault: 'v.json', allowed: ['John Doe', 'Jane'], threshold: 0.7, config: 'bundled', matching: 'combined',
    });
    expect(parseCliArgs(['scan']).input).toBe('-');
    expect(() => parseCliArgs(['scan', 'a', 'b'])).toThrow(CliUsageError);
    expect(() => parseCliArgs(['scan', '--threshold', '2'])).toThrow(/threshold/);
    expect(parseCliArgs(['anonymize', '--vault', 'v.json']).lockTimeout).toBe(30);
    expect(parseCliArgs(['anonymize', '--vault', 'v.json', '--lock-timeout', '2.5']).lockTimeout).toBe(2.5);
    expect(() => parseCliArgs(['anonymize', '--vault', 'v.json', '--lock-timeout', '-1'])).toThrow(/lock-timeout/);
  });

  it('documents every exit code in --help', () => {
    for (const code of Object.values(EXIT)) expect(USAGE).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
  });
});

// The vault JSON written by the CLI is the Vault's own export format.
it('writes the vault in the Vault export format', async () => {
  const vault = join(tmp(), 'vault.json');
  await veil(['anonymize', '--vault', vault, '--config', 'patterns'], 'ann.lee@brightline.io');
  const snapshot = JSON.parse(readFileSync(vault, 'utf8'));
  expect(snapshot.version).toBe(1);
  expect(JSON.stringify(snapshot.entries)).toContain('ann.lee@brightline.io');
});
