import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './args.js';
import { runCli } from './run.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const cliPath = fileURLToPath(new URL('../cli.ts', import.meta.url));

interface Outcome {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs the real `veil` entry point in a child process, from sources (no build needed). */
function veilProcess(args: string[], input: string | Buffer = ''): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cliPath, ...args], { cwd: repoRoot });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(input);
  });
}

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

describe('parseCliArgs', () => {
  it('reads the command, input and options', () => {
    expect(parseCliArgs(['anonymize', 'in.txt', '--vault', 'v.json', '--allowed', 'John Doe, Jane', '--threshold', '0.7'])).toMatchObject({
      command: 'anonymize', input: 'in.txt', vault: 'v.json', allowed: ['John Doe', 'Jane'], threshold: 0.7, config: 'bundled', matching: 'combined',
    });
    expect(parseCliArgs(['scan']).input).toBe('-');
    expect(() => parseCliArgs(['scan', 'a', 'b'])).toThrow(CliUsageError);
    expect(() => parseCliArgs(['scan', '--threshold', '2'])).toThrow(/threshold/);
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
