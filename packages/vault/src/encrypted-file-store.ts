import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidVaultArgumentError, VaultDecryptionError } from './errors.js';
import { VaultFileError, lockFile } from './file-lock.js';
import type { VaultDecryptionReason } from './errors.js';
import { DEFAULT_SCRYPT_COST, DEFAULT_TENANT, checkScope, checkScryptCost, checkTenant, hkdfKey, scryptKey, toKeyProvider } from './key-provider.js';
import type { KeyMaterial, KeyProvider, ScryptCost } from './key-provider.js';
import { ScopeTable } from './scope-table.js';
import { parseVaultSnapshot } from './snapshot.js';
import type { RestoreMode, TenantVaultStore, VaultEntry, VaultSnapshot } from './store.js';

export { VaultDecryptionError, VaultFileError };
export type { ScryptCost };

export interface EncryptedFileVaultStoreOptions {
  /** File holding every scope of every tenant, encrypted. Created on the first write. */
  path: string;
  /** Secret the AES key is derived from (scrypt). Never stored. Give this or `keys`. */
  passphrase?: string;
  /** Where the secret comes from: a passphrase (scrypt) or a 32-byte key (HKDF with the file's salt). */
  keys?: KeyProvider | string;
  /** scrypt cost for a new file; an existing file keeps the cost it was written with (capped before any work). */
  cost?: Partial<ScryptCost>;
  /** Tenant of this instance; `forTenant` gives the others. Default `default`. */
  tenant?: string;
  /** A lock not refreshed for this long belongs to a crashed process and is taken over. Default 10 s, at least 2 s. */
  lockStaleMs?: number;
  /** How long to wait for another process's lock before failing with VaultFileError. Default 30 s. */
  lockTimeoutMs?: number;
}


const FORMAT = 'veil-vault';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT_BYTES = 16;

type KdfHeader = ({ name: 'scrypt' } & ScryptCost & { salt: string }) | { name: 'hkdf'; salt: string };

interface FileHeader {
  format: typeof FORMAT;
  version: 1;
  kdf: KdfHeader;
  cipher: 'aes-256-gcm';
}

interface FileBody extends FileHeader {
  /** First 16 bytes of HMAC(key, "veil-vault-key-check"): tells a wrong key from a damaged file. */
  check?: string;
  iv: string;
  tag: string;
  data: string;
}

type Tenants = Map<string, Map<string, ScopeTable>>;

interface State {
  raw: string | undefined;
  tenants: Tenants;
  header: FileHeader;
  key: Buffer;
}

const fail = (reason: VaultDecryptionReason, message: string) => new VaultDecryptionError(message, reason);
const keyCheck = (key: Buffer) => createHmac('sha256', key).update('veil-vault-key-check').digest().subarray(0, 16).toString('base64');
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function decodeBase64(text: unknown, bytes: number | undefined, what: string): Buffer {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw fail('malformed', `the vault file's ${what} is not base64`);
  const buffer = Buffer.from(text, 'base64');
  if (bytes !== undefined && buffer.length !== bytes) throw fail('malformed', `the vault file's ${what} must be ${bytes} bytes`);
  return buffer;
}

/** One file, shared by a store and its tenant views: cached key, cached decrypted state, lock and write queue. */
class FileBackend {
  private material: Promise<KeyMaterial> | undefined;
  private readonly keyCache = new Map<string, Promise<Buffer>>();
  private cache: State | undefined;
  /** Serialises this process's writers before they take the file lock. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly keys: KeyProvider,
    private readonly newFileCost: ScryptCost,
    private readonly lockStaleMs: number,
    private readonly lockTimeoutMs: number,
  ) {}

  private keyMaterial(): Promise<KeyMaterial> {
    if (!this.material) {
      this.material = this.keys.getKeyMaterial();
      this.material.catch(() => {
        this.material = undefined;
      });
    }
    return this.material;
  }

  private deriveKey(kdf: KdfHeader): Promise<Buffer> {
    const id = JSON.stringify(kdf);
    let key = this.keyCache.get(id);
    if (!key) {
      key = this.keyMaterial().then((material) => {
        const salt = Buffer.from(kdf.salt, 'base64');
        if (kdf.name === 'scrypt') {
          if (material.kind !== 'passphrase') throw fail('wrong-key', 'the vault file was written with a passphrase, but a key was given');
          return scryptKey(material.passphrase, salt, kdf);
        }
        if (material.kind !== 'key') throw fail('wrong-key', 'the vault file was written with a key, but a passphrase was given');
        return hkdfKey(material.key, salt, 'veil-vault-file-v1');
      });
      key.catch(() => this.keyCache.delete(id));
      this.keyCache.set(id, key);
    }
    return key;
  }

  private async newState(): Promise<State> {
    const material = await this.keyMaterial();
    const salt = randomBytes(SALT_BYTES).toString('base64');
    const kdf: KdfHeader = material.kind === 'passphrase' ? { name: 'scrypt', salt, N: this.newFileCost.N, r: this.newFileCost.r, p: this.newFileCost.p } : { name: 'hkdf', salt };
    // Field order matters: the header's JSON is the AAD.
    const header: FileHeader = { format: FORMAT, version: 1, cipher: 'aes-256-gcm', kdf };
    return { raw: undefined, tenants: new Map(), header, key: await this.deriveKey(kdf) };
  }

  /** The file as it is now on disk (a rename makes every version whole); decrypts only when it changed. */
  async read(): Promise<State> {
    let raw: string | undefined;
    try {
      raw = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new VaultFileError('cannot read the vault file', error);
    }
    if (this.cache && this.cache.raw === raw) return this.cache;
    const state = raw === undefined ? await this.newState() : await this.decrypt(raw);
    if (this.cache) carryRevisions(this.cache.tenants, state.tenants);
    this.cache = state;
    return state;
  }

  private async decrypt(raw: string): Promise<State> {
    let body: FileBody;
    try {
      body = JSON.parse(raw) as FileBody;
    } catch {
      // A crash cannot leave half a file (writes go through rename); a cut-off file was copied or edited.
      const truncated = raw.trim() === '' || raw.startsWith(`{"format":"${FORMAT}"`);
      throw truncated ? fail('truncated', 'the vault file is truncated') : fail('malformed', 'the vault file is not a Veil vault (not JSON)');
    }
    if (!isRecord(body) || body.format !== FORMAT) throw fail('malformed', 'the file is not a Veil vault');
    if (body.version !== 1 || body.cipher !== 'aes-256-gcm') throw fail('unsupported', 'unsupported vault file version or cipher');
    const kdfIn = (isRecord(body.kdf) ? body.kdf : {}) as Record<string, unknown>;
    let kdf: KdfHeader;
    decodeBase64(kdfIn.salt, SALT_BYTES, 'salt');
    if (kdfIn.name === 'scrypt') {
      const cost = { N: kdfIn.N as number, r: kdfIn.r as number, p: kdfIn.p as number };
      // Capped before any work: a file must not be able to ask scrypt for gigabytes or minutes.
      try {
        checkScryptCost(cost);
      } catch {
        throw fail('unsupported', 'the vault file asks for a key-derivation cost above the allowed maximum');
      }
      kdf = { name: 'scrypt', salt: kdfIn.salt as string, N: cost.N, r: cost.r, p: cost.p };
    } else if (kdfIn.name === 'hkdf') {
      kdf = { name: 'hkdf', salt: kdfIn.salt as string };
    } else {
      throw fail('unsupported', 'unsupported key derivation in the vault file');
    }
    const iv = decodeBase64(body.iv, IV_BYTES, 'iv');
    const tag = decodeBase64(body.tag, TAG_BYTES, 'authentication tag');
    const data = decodeBase64(body.data, undefined, 'data');
    // Field order matters: the header's JSON is the AAD.
    const header: FileHeader = { format: FORMAT, version: 1, cipher: 'aes-256-gcm', kdf };
    const key = await this.deriveKey(kdf);
    if (typeof body.check === 'string') {
      const expected = Buffer.from(keyCheck(key));
      const actual = Buffer.from(body.check);
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw fail('wrong-key', 'cannot decrypt the vault file: wrong passphrase or key');
    }
    let plain: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(JSON.stringify(header)));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    } catch {
      throw body.check === undefined
        ? fail('wrong-key-or-tampered', 'cannot decrypt the vault file: wrong passphrase or damaged file')
        : fail('tampered', 'cannot decrypt the vault file: it was changed or damaged');
    }
    const tenants: Tenants = new Map();
    try {
      const stored = JSON.parse(plain) as { scopes?: Record<string, unknown>; tenants?: Record<string, Record<string, unknown>> };
      const load = (scopes: Record<string, unknown> | undefined) => {
        const map = new Map<string, ScopeTable>();
        for (const [scope, snapshot] of Object.entries(scopes ?? {})) {
          const table = new ScopeTable();
          table.restore(parseVaultSnapshot(snapshot), 'replace');
          map.set(scope, table);
        }
        return map;
      };
      tenants.set(DEFAULT_TENANT, load(stored.scopes));
      for (const [tenant, scopes] of Object.entries(stored.tenants ?? {})) if (tenant !== DEFAULT_TENANT) tenants.set(checkTenant(tenant), load(scopes));
    } catch {
      throw fail('malformed', 'the vault file decrypted but its content is not a vault');
    }
    return { raw, tenants, header, key };
  }

  private encrypt(state: State): string {
    const scopesOf = (tenant: string) => {
      const scopes = state.tenants.get(tenant) ?? new Map<string, ScopeTable>();
      return Object.fromEntries([...scopes].filter(([, t]) => t.size > 0 || Object.keys(t.snapshot('x').counters).length > 0).map(([name, table]) => [name, table.snapshot(name)]));
    };
    const others = [...state.tenants.keys()].filter((t) => t !== DEFAULT_TENANT);
    const plain = JSON.stringify({ scopes: scopesOf(DEFAULT_TENANT), tenants: Object.fromEntries(others.map((t) => [t, scopesOf(t)])) });
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', state.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(JSON.stringify(state.header)));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const body: FileBody = { ...state.header, check: keyCheck(state.key), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    return JSON.stringify(body);
  }

  /** Temp file in the same directory, fsync, rename over the vault, fsync the directory. */
  private async writeAtomically(text: string): Promise<void> {
    const dir = dirname(this.path);
    const temp = join(dir, `.${basename(this.path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw new VaultFileError('cannot write the vault file', error);
    }
    try {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Some platforms cannot fsync a directory; the rename itself is still atomic.
    }
  }

  /**
   * Runs `change` on the current file content under this process's queue and the cross-process lock, and writes
   * the result if it says something changed. The state is re-read after the lock is taken.
   */
  mutate<T>(change: (tenants: Tenants) => { result: T; changed: boolean }): Promise<T> {
    const run = this.queue.catch(() => undefined).then(async () => {
      try {
        await mkdir(dirname(this.path), { recursive: true });
      } catch (error) {
        throw new VaultFileError('cannot create the vault directory', error);
      }
      const lock = await lockFile(this.path, { staleMs: this.lockStaleMs, timeoutMs: this.lockTimeoutMs });
      try {
        const state = await this.read();
        // Work on a copy so a failed write leaves the cached state equal to the file.
        const working: State = { ...state, tenants: cloneTenants(state.tenants) };
        const { result, changed } = change(working.tenants);
        if (changed) {
          if (lock.compromised) throw new VaultFileError('lost the vault file lock; nothing was written');
          const text = this.encrypt(working);
          await this.writeAtomically(text);
          this.cache = { ...working, raw: text };
        }
        return result;
      } finally {
        await lock.release();
      }
    });
    this.queue = run;
    return run;
  }
}

function cloneTenants(tenants: Tenants): Tenants {
  const copy: Tenants = new Map();
  for (const [tenant, scopes] of tenants) {
    const scopesCopy = new Map<string, ScopeTable>();
    for (const [name, table] of scopes) scopesCopy.set(name, table.clone());
    copy.set(tenant, scopesCopy);
  }
  return copy;
}

/**
 * A file read again holds every scope of every tenant; the scopes whose entries did not change keep their revision,
 * so a write to one scope (by this process or another) does not make readers of the others rebuild.
 */
function carryRevisions(before: Tenants, after: Tenants): void {
  for (const [tenant, scopes] of after) {
    for (const [name, table] of scopes) table.continueFrom(before.get(tenant)?.get(name));
  }
}

/**
 * Keeps every scope of every tenant in one file encrypted with AES-256-GCM (16-byte tag) under a key derived from a
 * passphrase (scrypt, cost capped) or from a 32-byte key (HKDF). Safe for several processes: each change takes an
 * advisory lock (`<path>.lock`), re-reads the file under it, and writes a temp file that is fsynced and renamed over
 * the vault, so a crash leaves the old or the new file, never half of one, and no process overwrites another's entries.
 * Reads see the file as it is on disk.
 */
export class EncryptedFileVaultStore implements TenantVaultStore {
  readonly tenant: string;
  private readonly backend: FileBackend;

  constructor(options: EncryptedFileVaultStoreOptions) {
    if (typeof options?.path !== 'string' || options.path === '') throw new InvalidVaultArgumentError('path must be a non-empty string');
    if (options.keys === undefined && (typeof options.passphrase !== 'string' || options.passphrase === '')) {
      throw new InvalidVaultArgumentError('passphrase must be a non-empty string (or give keys)');
    }
    const keys = toKeyProvider(options.keys ?? (options.passphrase as string));
    const stale = options.lockStaleMs ?? 10_000;
    const timeout = options.lockTimeoutMs ?? 30_000;
    if (!Number.isFinite(stale) || stale < 2000) throw new InvalidVaultArgumentError('lockStaleMs must be at least 2000');
    if (!Number.isFinite(timeout) || timeout < 0) throw new InvalidVaultArgumentError('lockTimeoutMs must be a non-negative number');
    this.backend = new FileBackend(options.path, keys, checkScryptCost({ ...DEFAULT_SCRYPT_COST, ...options.cost }), stale, timeout);
    this.tenant = checkTenant(options.tenant ?? DEFAULT_TENANT);
  }

  get path(): string {
    return this.backend.path;
  }

  /** Same file and key, another tenant's scopes. */
  forTenant(tenant: string): EncryptedFileVaultStore {
    const view = Object.create(EncryptedFileVaultStore.prototype) as EncryptedFileVaultStore;
    return Object.assign(view, { backend: this.backend, tenant: checkTenant(tenant) });
  }

  private async table(scope: string): Promise<ScopeTable | undefined> {
    checkScope(scope);
    return (await this.backend.read()).tenants.get(this.tenant)?.get(scope);
  }

  private change<T>(scope: string, fn: (table: ScopeTable, scopes: Map<string, ScopeTable>) => { result: T; changed: boolean }): Promise<T> {
    checkScope(scope);
    return this.backend.mutate((tenants) => {
      let scopes = tenants.get(this.tenant);
      if (!scopes) {
        scopes = new Map();
        tenants.set(this.tenant, scopes);
      }
      let table = scopes.get(scope);
      if (!table) {
        table = new ScopeTable();
        scopes.set(scope, table);
      }
      return fn(table, scopes);
    });
  }

  async getOrCreate(scope: string, type: string, value: string): Promise<VaultEntry> {
    const known = (await this.table(scope))?.find(value, type);
    if (known) return known;
    return this.change(scope, (table) => {
      const before = table.size;
      const result = table.getOrCreate(type, value);
      return { result, changed: table.size !== before };
    });
  }

  async get(scope: string, placeholder: string): Promise<VaultEntry | undefined> {
    return (await this.table(scope))?.get(placeholder);
  }

  async find(scope: string, value: string, type?: string): Promise<VaultEntry | undefined> {
    return (await this.table(scope))?.find(value, type);
  }

  async list(scope: string): Promise<VaultEntry[]> {
    return (await this.table(scope))?.list() ?? [];
  }

  async remove(scope: string, placeholder: string): Promise<boolean> {
    if (!(await this.table(scope))?.get(placeholder)) return false;
    return this.change(scope, (table) => {
      const removed = table.remove(placeholder);
      return { result: removed, changed: removed };
    });
  }

  async clear(scope: string): Promise<void> {
    if (!(await this.table(scope))) return;
    await this.change(scope, (_table, scopes) => ({ result: undefined, changed: scopes.delete(scope) }));
  }

  /** Reads the file (decrypting it only when it changed), so another process's write is seen. */
  async revision(scope: string): Promise<string> {
    return String((await this.table(scope))?.revision ?? 0);
  }

  async snapshot(scope: string): Promise<VaultSnapshot> {
    return ((await this.table(scope)) ?? new ScopeTable()).snapshot(scope);
  }

  async restore(scope: string, snapshot: VaultSnapshot, mode: RestoreMode): Promise<void> {
    await this.change(scope, (table) => {
      table.restore(snapshot, mode);
      return { result: undefined, changed: true };
    });
  }
}
