import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EncryptedFileVaultStore,
  InvalidVaultArgumentError,
  Vault,
  VaultDecryptionError,
  VaultFileError,
  VaultKeyError,
  envKey,
  functionKey,
  staticKey,
} from './index.js';

// Cheap scrypt cost: these tests check the file format and behaviour, not the key stretching.
const cost = { N: 1024 };
let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veil-vault-'));
  path = join(dir, 'nested', 'vault.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (passphrase = 'correct horse', scope?: string) =>
  new Vault({ store: new EncryptedFileVaultStore({ path, passphrase, cost }), scope });

describe('EncryptedFileVaultStore', () => {
  it('persists scopes across instances and never writes values in clear', async () => {
    const vault = open();
    expect(await vault.placeholderFor('EMAIL_ADDRESS', 'ann@example.com')).toBe('[REDACTED_EMAIL_ADDRESS_1]');
    await vault.scope('other').placeholderFor('PERSON', 'Ann Lee');
    await vault.placeholderFor('PERSON', 'Bob Stone');
    await vault.remove('[REDACTED_PERSON_1]');

    const raw = await readFile(path, 'utf8');
    expect(raw).not.toContain('ann@example.com');
    expect(raw).not.toContain('Ann Lee');
    expect(raw).not.toContain('REDACTED');
    expect((await stat(path)).mode & 0o777).toBe(0o600);

    const reopened = open();
    expect(await reopened.entries()).toEqual([{ placeholder: '[REDACTED_EMAIL_ADDRESS_1]', type: 'EMAIL_ADDRESS', value: 'ann@example.com' }]);
    expect(await reopened.scope('other').valueOf('[REDACTED_PERSON_1]')).toBe('Ann Lee');
    // The retired number stays retired after reopening.
    expect(await reopened.placeholderFor('PERSON', 'Cid')).toBe('[REDACTED_PERSON_2]');
    expect(await readdir(join(dir, 'nested'))).toEqual(['vault.json']);
  });

  it('refuses a wrong passphrase and a tampered file', async () => {
    await open().placeholderFor('PERSON', 'Ann Lee');
    await expect(open('wrong').entries()).rejects.toBeInstanceOf(VaultDecryptionError);

    const body = JSON.parse(await readFile(path, 'utf8')) as { data: string };
    const data = Buffer.from(body.data, 'base64');
    data[0] = data[0]! ^ 1;
    await writeFile(path, JSON.stringify({ ...body, data: data.toString('base64') }));
    await expect(open().entries()).rejects.toBeInstanceOf(VaultDecryptionError);

    await writeFile(path, 'not json');
    await expect(open().entries()).rejects.toBeInstanceOf(VaultDecryptionError);
  });

  it('refuses a file whose key-derivation salt was changed', async () => {
    await open().placeholderFor('PERSON', 'Ann Lee');
    const body = JSON.parse(await readFile(path, 'utf8')) as { kdf: { N: number; salt: string } };
    const salt = Buffer.from(body.kdf.salt, 'base64');
    salt[0] = salt[0]! ^ 1;
    await writeFile(path, JSON.stringify({ ...body, kdf: { ...body.kdf, salt: salt.toString('base64') } }));
    await expect(open().entries()).rejects.toBeInstanceOf(VaultDecryptionError);
  });

  it('refuses a file asking for an absurd scrypt cost, and bad options', async () => {
    await open().placeholderFor('PERSON', 'Ann Lee');
    const body = JSON.parse(await readFile(path, 'utf8')) as { kdf: object };
    await writeFile(path, JSON.stringify({ ...body, kdf: { ...body.kdf, N: 2 ** 30 } }));
    await expect(open().entries()).rejects.toBeInstanceOf(VaultDecryptionError);
    expect(() => new EncryptedFileVaultStore({ path, passphrase: 'x', cost: { N: 1000 } })).toThrow(InvalidVaultArgumentError);
    expect(() => new EncryptedFileVaultStore({ path, passphrase: '' })).toThrow(InvalidVaultArgumentError);
  });

  it('keeps one placeholder per value under concurrent calls, and on disk', async () => {
    const vault = open();
    const values = Array.from({ length: 100 }, (_, i) => `user${i % 23}@example.com`);
    const placeholders = await Promise.all(values.map((v) => vault.placeholderFor('EMAIL_ADDRESS', v)));
    const byPlaceholder = new Map<string, string>();
    placeholders.forEach((p, i) => {
      expect(byPlaceholder.get(p) ?? values[i]).toBe(values[i]);
      byPlaceholder.set(p, values[i]!);
    });
    expect(byPlaceholder.size).toBe(23);
    expect(await open().entries()).toEqual(await vault.entries());
  });

  it('fails with a typed error when the file cannot be written', async () => {
    await writeFile(join(dir, 'nested'), 'a file where the directory should be');
    const error = await open().placeholderFor('PERSON', 'Ann Lee').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultFileError);
    expect((error as Error).message).not.toContain('Ann');
  });
});

describe('EncryptedFileVaultStore with several processes', () => {
  const writer = fileURLToPath(new URL('../test/fixtures/file-writer.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../..', import.meta.url));

  function spawnWriter(prefix: string, count: number, shared: number) {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, path, prefix, String(count), String(shared)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: Array<{ value: string; placeholder: string }> = [];
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        acked.push(JSON.parse(buffer.slice(0, nl)) as { value: string; placeholder: string });
        buffer = buffer.slice(nl + 1);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, acked, exited, stderr: () => stderr };
  }

  const reopen = () => new Vault({ store: new EncryptedFileVaultStore({ path, passphrase: 'multi-process', cost, lockStaleMs: 2000 }), scope: 'chat' });

  it('two processes writing one file lose nothing and never hand one placeholder to two values', async () => {
    const a = spawnWriter('a', 120, 40);
    const b = spawnWriter('b', 120, 40);
    expect(await a.exited, a.stderr()).toBe(0);
    expect(await b.exited, b.stderr()).toBe(0);
    const acked = [...a.acked, ...b.acked];
    expect(acked).toHaveLength(320);
    const entries = await reopen().entries();
    expect(entries).toHaveLength(280);
    const onDisk = new Map(entries.map((e) => [e.placeholder, e.value]));
    const byValue = new Map<string, string>();
    for (const { value, placeholder } of acked) {
      expect(onDisk.get(placeholder)).toBe(value);
      expect(byValue.get(value) ?? placeholder).toBe(placeholder);
      byValue.set(value, placeholder);
    }
    expect(new Set(entries.map((e) => e.placeholder)).size).toBe(280);
  }, 120_000);

  it('keeps every acknowledged entry when a writer is killed mid-run, and the next writer takes over its lock', async () => {
    const w = spawnWriter('k', 2000, 0);
    for (let i = 0; i < 600 && w.acked.length < 40; i++) await new Promise((r) => setTimeout(r, 50));
    w.child.kill('SIGKILL');
    await w.exited;
    const acked = [...w.acked];
    expect(acked.length).toBeGreaterThanOrEqual(40);
    const vault = reopen();
    const onDisk = new Map((await vault.entries()).map((e) => [e.placeholder, e.value]));
    for (const { value, placeholder } of acked) expect(onDisk.get(placeholder)).toBe(value);
    // A lock left behind by the killed process goes stale after lockStaleMs; the next write succeeds.
    const next = await vault.placeholderFor('EMAIL_ADDRESS', 'after-crash@example.com');
    expect(Number(/_(\d+)\]$/.exec(next)![1])).toBe(onDisk.size + 1);
  }, 120_000);
});

describe('EncryptedFileVaultStore errors and keys', () => {
  const reason = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof VaultDecryptionError ? e.reason : String(e)));

  it('tells a wrong key, a tampered, a truncated and a malformed file apart', async () => {
    await open().placeholderFor('PERSON', 'Ann Lee');
    const text = await readFile(path, 'utf8');
    const body = JSON.parse(text) as Record<string, string>;
    expect(await reason(open('wrong').entries())).toBe('wrong-key');

    const data = Buffer.from(body.data!, 'base64');
    data[data.length - 1] = data[data.length - 1]! ^ 1;
    await writeFile(path, JSON.stringify({ ...body, data: data.toString('base64') }));
    expect(await reason(open().entries())).toBe('tampered');

    await writeFile(path, JSON.stringify({ ...body, data: Buffer.from(body.data!, 'base64').subarray(0, 3).toString('base64') }));
    expect(await reason(open().entries())).toBe('tampered');

    await writeFile(path, text.slice(0, Math.floor(text.length / 2)));
    expect(await reason(open().entries())).toBe('truncated');
    await writeFile(path, '');
    expect(await reason(open().entries())).toBe('truncated');

    // A shortened GCM tag is refused, not checked against fewer bytes.
    await writeFile(path, JSON.stringify({ ...body, tag: Buffer.from(body.tag!, 'base64').subarray(0, 4).toString('base64') }));
    expect(await reason(open().entries())).toBe('malformed');

    await writeFile(path, JSON.stringify({ hello: 'world' }));
    expect(await reason(open().entries())).toBe('malformed');
    await writeFile(path, JSON.stringify({ ...body, version: 9 }));
    expect(await reason(open().entries())).toBe('unsupported');
  });

  it('refuses an absurd key-derivation cost before doing any work', async () => {
    await open().placeholderFor('PERSON', 'Ann Lee');
    const body = JSON.parse(await readFile(path, 'utf8')) as { kdf: object };
    for (const kdf of [{ N: 2 ** 20, r: 32, p: 16 }, { N: 2 ** 21 }, { p: 1e9 }]) {
      await writeFile(path, JSON.stringify({ ...body, kdf: { ...body.kdf, ...kdf } }));
      const started = Date.now();
      expect(await reason(open().entries())).toBe('unsupported');
      expect(Date.now() - started).toBeLessThan(1000);
    }
  });

  it('takes a 32-byte key from a KeyProvider (env, function) instead of a passphrase', async () => {
    const key = Buffer.alloc(32, 3);
    process.env.VEIL_TEST_FILE_KEY = key.toString('base64');
    const withEnv = new Vault({ store: new EncryptedFileVaultStore({ path, keys: envKey('VEIL_TEST_FILE_KEY') }) });
    const p = await withEnv.placeholderFor('PERSON', 'Ann Lee');
    const withFn = new Vault({ store: new EncryptedFileVaultStore({ path, keys: functionKey(async () => key) }) });
    expect(await withFn.valueOf(p)).toBe('Ann Lee');
    expect(JSON.parse(await readFile(path, 'utf8')).kdf.name).toBe('hkdf');
    expect(await reason(new Vault({ store: new EncryptedFileVaultStore({ path, keys: staticKey(Buffer.alloc(32, 4)) }) }).entries())).toBe('wrong-key');
    expect(await reason(new Vault({ store: new EncryptedFileVaultStore({ path, passphrase: 'x' }) }).entries())).toBe('wrong-key');
    delete process.env.VEIL_TEST_FILE_KEY;
    expect(() => staticKey('too short')).toThrow(VaultKeyError);
  });
});
