import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidVaultArgumentError, VaultDecryptionError, VaultError } from './errors.js';
import { DEFAULT_SCRYPT_COST, checkScryptCost, scryptKey } from './key-provider.js';
import type { ScryptCost } from './key-provider.js';

export { VaultDecryptionError };
export type { ScryptCost };
import { ScopeTable } from './scope-table.js';
import { parseVaultSnapshot } from './snapshot.js';
import type { RestoreMode, VaultEntry, VaultSnapshot, VaultStore } from './store.js';

export interface EncryptedFileVaultStoreOptions {
  /** File holding every scope, encrypted. Created on the first write. */
  path: string;
  /** Secret the AES key is derived from (scrypt). Never stored. */
  passphrase: string;
  /** Cost for a new file; an existing file keeps the cost it was written with. */
  cost?: Partial<ScryptCost>;
}

/** The vault file cannot be read or written. The message names the operation, the cause is the fs error. */
export class VaultFileError extends VaultError {
  constructor(message: string, cause: unknown) {
    super('VEIL_VAULT_FILE', message, { cause });
  }
}

const FORMAT = 'veil-vault';
const KEY_BYTES = 32;
const IV_BYTES = 12;

interface FileHeader {
  format: typeof FORMAT;
  version: 1;
  kdf: { name: 'scrypt'; salt: string } & ScryptCost;
  cipher: 'aes-256-gcm';
}

interface FileBody extends FileHeader {
  iv: string;
  tag: string;
  data: string;
}

const deriveKey = scryptKey;
const checkCost = checkScryptCost;
const DEFAULT_COST = DEFAULT_SCRYPT_COST;

/**
 * Keeps every scope in one file encrypted with AES-256-GCM under a key derived from a passphrase
 * with scrypt. The whole vault is held in memory and written back after each change through a
 * temporary file and a rename, so a crash leaves either the old or the new file, never half of one.
 * One process should own a file at a time: writers in two processes would overwrite each other.
 */
export class EncryptedFileVaultStore implements VaultStore {
  readonly path: string;
  private readonly passphrase: string;
  private readonly newFileCost: ScryptCost;
  private state: Promise<{ scopes: Map<string, ScopeTable>; header: FileHeader; key: Buffer }> | undefined;
  /** Serialises writes so renames land in the order the changes happened. */
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(options: EncryptedFileVaultStoreOptions) {
    if (typeof options?.path !== 'string' || options.path === '') throw new InvalidVaultArgumentError('path must be a non-empty string');
    if (typeof options.passphrase !== 'string' || options.passphrase === '') throw new InvalidVaultArgumentError('passphrase must be a non-empty string');
    this.path = options.path;
    this.passphrase = options.passphrase;
    this.newFileCost = checkCost({ ...DEFAULT_COST, ...options.cost });
  }

  private load() {
    if (!this.state) {
      this.state = this.readFile();
      this.state.catch(() => {
        this.state = undefined;
      });
    }
    return this.state;
  }

  private async readFile() {
    let raw: string | undefined;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new VaultFileError('cannot read the vault file', error);
    }
    if (raw === undefined) {
      const header: FileHeader = {
        format: FORMAT, version: 1, cipher: 'aes-256-gcm',
        kdf: { name: 'scrypt', salt: randomBytes(16).toString('base64'), ...this.newFileCost },
      };
      const key = await deriveKey(this.passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
      return { scopes: new Map<string, ScopeTable>(), header, key };
    }
    let body: FileBody;
    try {
      body = JSON.parse(raw) as FileBody;
    } catch {
      throw new VaultDecryptionError();
    }
    if (body?.format !== FORMAT || body.version !== 1 || body.cipher !== 'aes-256-gcm' || body.kdf?.name !== 'scrypt') {
      throw new VaultDecryptionError();
    }
    const header: FileHeader = { format: FORMAT, version: 1, cipher: 'aes-256-gcm', kdf: { name: 'scrypt', salt: body.kdf.salt, N: body.kdf.N, r: body.kdf.r, p: body.kdf.p } };
    try {
      checkCost(header.kdf);
    } catch {
      throw new VaultDecryptionError();
    }
    const key = await deriveKey(this.passphrase, Buffer.from(header.kdf.salt, 'base64'), header.kdf);
    let plain: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(body.iv, 'base64'));
      decipher.setAAD(Buffer.from(JSON.stringify(header)));
      decipher.setAuthTag(Buffer.from(body.tag, 'base64'));
      plain = Buffer.concat([decipher.update(Buffer.from(body.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultDecryptionError();
    }
    const scopes = new Map<string, ScopeTable>();
    const stored = JSON.parse(plain) as { scopes: Record<string, unknown> };
    for (const [scope, snapshot] of Object.entries(stored.scopes)) {
      const table = new ScopeTable();
      table.restore(parseVaultSnapshot(snapshot), 'replace');
      scopes.set(scope, table);
    }
    return { scopes, header, key };
  }

  /** Writes the current state if it changed since the last successful write. */
  private flush(): Promise<void> {
    this.writing = this.writing.catch(() => undefined).then(async () => {
      if (!this.dirty) return;
      const { scopes, header, key } = await this.load();
      const plain = JSON.stringify({ scopes: Object.fromEntries([...scopes].map(([name, table]) => [name, table.snapshot(name)])) });
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(JSON.stringify(header)));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const body: FileBody = { ...header, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
      this.dirty = false;
      const temp = `${this.path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await mkdir(dirname(this.path), { recursive: true });
        await writeFile(temp, JSON.stringify(body), { mode: 0o600 });
        await rename(temp, this.path);
      } catch (error) {
        this.dirty = true;
        await rm(temp, { force: true }).catch(() => undefined);
        throw new VaultFileError('cannot write the vault file', error);
      }
    });
    return this.writing;
  }

  private async table(scope: string, create: boolean): Promise<ScopeTable | undefined> {
    const { scopes } = await this.load();
    let table = scopes.get(scope);
    if (!table && create) {
      table = new ScopeTable();
      scopes.set(scope, table);
    }
    return table;
  }

  async getOrCreate(scope: string, type: string, value: string): Promise<VaultEntry> {
    const table = (await this.table(scope, true))!;
    const before = table.size;
    const entry = table.getOrCreate(type, value);
    if (table.size !== before) this.dirty = true;
    // Also waits for an earlier failed or pending write, so a returned placeholder is on disk.
    await this.flush();
    return entry;
  }

  async get(scope: string, placeholder: string): Promise<VaultEntry | undefined> {
    return (await this.table(scope, false))?.get(placeholder);
  }

  async find(scope: string, value: string, type?: string): Promise<VaultEntry | undefined> {
    return (await this.table(scope, false))?.find(value, type);
  }

  async list(scope: string): Promise<VaultEntry[]> {
    return (await this.table(scope, false))?.list() ?? [];
  }

  async remove(scope: string, placeholder: string): Promise<boolean> {
    const removed = (await this.table(scope, false))?.remove(placeholder) ?? false;
    if (removed) {
      this.dirty = true;
      await this.flush();
    }
    return removed;
  }

  async clear(scope: string): Promise<void> {
    const { scopes } = await this.load();
    if (scopes.delete(scope)) {
      this.dirty = true;
      await this.flush();
    }
  }

  async snapshot(scope: string): Promise<VaultSnapshot> {
    return ((await this.table(scope, false)) ?? new ScopeTable()).snapshot(scope);
  }

  async restore(scope: string, snapshot: VaultSnapshot, mode: RestoreMode): Promise<void> {
    (await this.table(scope, true))!.restore(snapshot, mode);
    this.dirty = true;
    await this.flush();
  }
}
