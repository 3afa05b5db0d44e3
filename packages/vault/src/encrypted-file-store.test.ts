import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileVaultStore, InvalidVaultArgumentError, Vault, VaultDecryptionError, VaultFileError } from './index.js';

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
