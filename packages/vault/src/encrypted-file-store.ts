import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidVaultArgumentError, VaultError } from './errors.js';
import { ScopeTable } from './scope-table.js';
import { parseVaultSnapshot } from './snapshot.js';
import type { RestoreMode, VaultEntry, VaultSnapshot, VaultStore } from './store.js';

/** scrypt cost parameters; the defaults follow OWASP's minimum for scrypt (N = 2^15, r = 8, p = 1). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export interface EncryptedFileVaultStoreOptions {
  /** File holding every scope, encrypted. Created on the first write. */
  path: string;
  /** Secret the AES key is derived from (scrypt). Never stored. */
  passphrase: string;
  /** Cost for a new file; an existing file keeps the cost it was written with. */
  cost?: Partial<ScryptCost>;
}

/** The passphrase is wrong or the file was changed: nothing is loaded. */
export class VaultDecryptionError extends VaultError {
  constructor() {
    super('VEIL_VAULT_DECRYPT', 'cannot decrypt the vault file: wrong passphrase or damaged file');
  }
}

/** The vault file cannot be read or written. The message names the operation, the cause is the fs error. */
export class VaultFileError extends VaultError {
  constructor(message: string, cause: unknown) {
    super('VEIL_VAULT_FILE', message, { cause });
  }
}

const FORMAT = 'veil-vault';
const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
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

function deriveKey(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128 * N * r bytes; lift Node's 32 MiB default just enough.
    const maxmem = 256 * cost.N * cost.r;
    scrypt(passphrase, salt, KEY_BYTES, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

// Upper bounds keep a tampered file from asking scrypt for gigabytes of memory or minutes of CPU.
const MAX_COST: ScryptCost = { N: 2 ** 20, r: 32, p: 16 };

function checkCost(cost: ScryptCost): ScryptCost {
  const powerOfTwo = Number.isSafeInteger(cost.N) && cost.N >= 2 && cost.N <= MAX_COST.N && (cost.N & (cost.N - 1)) === 0;
  const inRange = (x: number, max: number) => Number.isSafeInteger(x) && x >= 1 && x <= max;
  if (!powerOfTwo || !inRange(cost.r, MAX_COST.r) || !inRange(cost.p, MAX_COST.p)) {
    throw new InvalidVaultArgumentError('scrypt cost needs N a power of two in [2, 2^20], r in [1, 32] and p in [1, 16]');
  }
  return cost;
}

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
