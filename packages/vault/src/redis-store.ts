import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Redis } from 'ioredis';
import { canonicalValue } from './canonical.js';
import { InvalidVaultArgumentError, VaultConflictError, VaultDecryptionError, VaultError, VaultUnavailableError } from './errors.js';
import { DEFAULT_SCRYPT_COST, DEFAULT_TENANT, checkScope, checkScryptCost, checkTenant, hkdfKey, scryptKey, toKeyProvider } from './key-provider.js';
import type { KeyProvider, ScryptCost } from './key-provider.js';
import { formatPlaceholder, parsePlaceholder } from './placeholder.js';
import type { RestoreMode, TenantVaultStore, VaultEntry, VaultSnapshot } from './store.js';

/**
 * The part of an ioredis client (`Redis` or `Cluster`) the store uses. Declared here so that the store's types do
 * not pull ioredis's declarations into yours.
 */
export interface RedisClientLike {
  evalsha(sha: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  hmget(key: string, ...fields: string[]): Promise<Array<string | null>>;
  ping(): Promise<string>;
  quit(): Promise<unknown>;
  disconnect(): void;
}

export interface RedisVaultStoreOptions {
  /** An ioredis client (standalone or Cluster) you own and close, or a `redis://` URL for a client the store owns. */
  redis: RedisClientLike | string;
  /** Extra ioredis options (RedisOptions) when `redis` is a URL. The store's defaults fail fast (see README). */
  redisOptions?: Record<string, unknown>;
  /** Master secret; per-tenant encryption and lookup keys are derived from it with HKDF. */
  keys: KeyProvider | string;
  /** Tenant of this instance; `forTenant` gives the others. Default `default`. */
  tenant?: string;
  /** Key prefix (no braces). Default `veil`. Also part of the passphrase salt. */
  prefix?: string;
  /**
   * Seconds a scope lives after its last use (every read and write refreshes it); 0 keeps it forever.
   * A function chooses per tenant and scope. Default one day.
   */
  ttlSeconds?: number | ((scope: string, tenant: string) => number);
  /** scrypt cost when `keys` gives a passphrase; capped like file costs. Default N = 2^15, r = 8, p = 1. */
  passphraseCost?: Partial<ScryptCost>;
}

const TOUCH = `
local function touch(ttl)
  if tonumber(ttl) > 0 then
    for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ttl) end
  end
end
`;

// KEYS: 1 ids (lookup HMAC -> placeholder), 2 ph (placeholder -> sealed value), 3 ctr (type -> last number, '#seq',
// '#epoch'), 4 order (zset placeholder by creation sequence). All four share one hash tag, so one Cluster slot.
//
// Revision of a scope: '#epoch' (random, set by the first write after the keys were created, so a scope cleared,
// replaced or expired and filled again never repeats a token), '#seq' (rises with every insertion) and the number
// of entries (falls with every removal). Between two equal tokens nothing was inserted (same seq) and so nothing
// was removed either (same count): the entries are the same. Writers of an older version bump '#seq' and the count
// too, and a scope they created has no epoch, which reads as "cannot tell".
const SCRIPTS = {
  // ARGV: lookup HMAC, type, sealed value, ttl ms, new epoch -> {placeholder}, or {placeholder, sealed} when it
  // existed (its value is the first spelling, which may differ from this one)
  getOrCreate: `${TOUCH}
local p = redis.call('HGET', KEYS[1], ARGV[1])
if p then
  touch(ARGV[4])
  return {p, redis.call('HGET', KEYS[2], p)}
else
  redis.call('HSETNX', KEYS[3], '#epoch', ARGV[5])
  repeat
    local n = redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
    p = '[REDACTED_' .. ARGV[2] .. '_' .. n .. ']'
  until redis.call('HEXISTS', KEYS[2], p) == 0
  local seq = redis.call('HINCRBY', KEYS[3], '#seq', 1)
  redis.call('HSET', KEYS[1], ARGV[1], p)
  redis.call('HSET', KEYS[2], p, ARGV[3])
  redis.call('ZADD', KEYS[4], seq, p)
end
touch(ARGV[4])
return {p}`,
  // ARGV: placeholder, ttl ms
  get: `${TOUCH}
touch(ARGV[2])
return redis.call('HGET', KEYS[2], ARGV[1])`,
  // ARGV: ttl ms, lookup HMACs... -> {placeholder, sealed} of the earliest match
  find: `${TOUCH}
touch(ARGV[1])
local best, bestScore
for i = 2, #ARGV do
  local p = redis.call('HGET', KEYS[1], ARGV[i])
  if p then
    local s = tonumber(redis.call('ZSCORE', KEYS[4], p))
    if s and (not bestScore or s < bestScore) then best, bestScore = p, s end
  end
end
if not best then return false end
return {best, redis.call('HGET', KEYS[2], best)}`,
  // ARGV: ttl ms -> {placeholder, sealed, ...}
  list: `${TOUCH}
touch(ARGV[1])
local out = {}
for _, p in ipairs(redis.call('ZRANGE', KEYS[4], 0, -1)) do
  local b = redis.call('HGET', KEYS[2], p)
  if b then out[#out + 1] = p; out[#out + 1] = b end
end
return out`,
  // ARGV: ttl ms -> token, or false when the scope has entries but no epoch (written by an older version)
  revision: `${TOUCH}
touch(ARGV[1])
local n = redis.call('ZCARD', KEYS[4])
local e = redis.call('HGET', KEYS[3], '#epoch')
if not e then
  if n == 0 then return '0' end
  return false
end
return e .. ':' .. (redis.call('HGET', KEYS[3], '#seq') or '0') .. ':' .. n`,
  types: `return redis.call('HKEYS', KEYS[3])`,
  // ARGV: placeholder, ttl ms
  remove: `${TOUCH}
local b = redis.call('HGET', KEYS[2], ARGV[1])
if not b then return 0 end
local id = string.match(b, '^([^.]+)%.')
if id and redis.call('HGET', KEYS[1], id) == ARGV[1] then redis.call('HDEL', KEYS[1], id) end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
touch(ARGV[2])
return 1`,
  clear: `return redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])`,
  // ARGV: mode, ttl ms, new epoch, n, then n x (placeholder, lookup HMAC, HMAC of the exact value, sealed), then
  // (type, count) pairs. A placeholder already held for the same identity is the same entry (an entry written before
  // identities were canonical is bound to the exact value's HMAC); the first entry of an identity keeps it, since a
  // snapshot written back then may hold two spellings of one value.
  restore: `${TOUCH}
local n = tonumber(ARGV[4])
if ARGV[1] == 'merge' then
  for i = 0, n - 1 do
    local p, id, exact = ARGV[5 + 4 * i], ARGV[6 + 4 * i], ARGV[7 + 4 * i]
    local b = redis.call('HGET', KEYS[2], p)
    if b then
      local bound = string.match(b, '^([^.]+)%.')
      if bound ~= id and bound ~= exact then return {'placeholder', i} end
    else
      if redis.call('HEXISTS', KEYS[1], id) == 1 then return {'value', i} end
    end
  end
else
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
end
redis.call('HSETNX', KEYS[3], '#epoch', ARGV[3])
for i = 0, n - 1 do
  local p, id, b = ARGV[5 + 4 * i], ARGV[6 + 4 * i], ARGV[8 + 4 * i]
  if redis.call('HEXISTS', KEYS[2], p) == 0 then
    local seq = redis.call('HINCRBY', KEYS[3], '#seq', 1)
    redis.call('HSETNX', KEYS[1], id, p)
    redis.call('HSET', KEYS[2], p, b)
    redis.call('ZADD', KEYS[4], seq, p)
  end
end
for j = 5 + 4 * n, #ARGV - 1, 2 do
  local cur = tonumber(redis.call('HGET', KEYS[3], ARGV[j])) or 0
  if tonumber(ARGV[j + 1]) > cur then redis.call('HSET', KEYS[3], ARGV[j], ARGV[j + 1]) end
end
touch(ARGV[2])
return {'ok'}`,
} as const;

type ScriptName = keyof typeof SCRIPTS;
const SHA = Object.fromEntries(Object.entries(SCRIPTS).map(([k, v]) => [k, createHash('sha1').update(v).digest('hex')])) as Record<ScriptName, string>;

const b64u = (b: Buffer) => b.toString('base64url');
/** 96 random bits: two fillings of one scope never share an epoch. */
const newEpoch = () => b64u(randomBytes(12));
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface TenantKeys {
  enc: Buffer;
  mac: Buffer;
}

/** Shared by a store and all its tenant views: the connection and the master key. */
class Backend {
  readonly client: RedisClientLike;
  readonly owned: boolean;
  private master: Promise<Buffer> | undefined;
  private readonly tenantKeys = new Map<string, TenantKeys>();
  lastError: Error | undefined;

  constructor(
    redis: RedisClientLike | string,
    redisOptions: Record<string, unknown> | undefined,
    private readonly keys: KeyProvider,
    readonly prefix: string,
    private readonly passphraseCost: ScryptCost,
    readonly ttl: (scope: string, tenant: string) => number,
  ) {
    if (typeof redis === 'string') {
      this.owned = true;
      const client = new Redis(redis, {
        // Fail closed and fast: a command waits through at most one reconnection attempt, then rejects.
        maxRetriesPerRequest: 1,
        commandTimeout: 5000,
        connectTimeout: 5000,
        retryStrategy: (times) => Math.min(times * 100, 2000),
        ...redisOptions,
      });
      client.on('error', (error: Error) => {
        this.lastError = error;
      });
      this.client = client;
    } else {
      this.owned = false;
      this.client = redis;
    }
  }

  private masterKey(): Promise<Buffer> {
    if (!this.master) {
      this.master = (async () => {
        const material = await this.keys.getKeyMaterial();
        if (material.kind === 'key') return material.key;
        return scryptKey(material.passphrase, Buffer.from(`veil-vault-redis:${this.prefix}`, 'utf8'), this.passphraseCost);
      })();
      this.master.catch(() => {
        this.master = undefined;
      });
    }
    return this.master;
  }

  async keysFor(tenant: string): Promise<TenantKeys> {
    const cached = this.tenantKeys.get(tenant);
    if (cached) return cached;
    const master = await this.masterKey();
    const keys = { enc: hkdfKey(master, 'veil-vault-redis-v1', `enc\u0000${tenant}`), mac: hkdfKey(master, 'veil-vault-redis-v1', `mac\u0000${tenant}`) };
    this.tenantKeys.set(tenant, keys);
    return keys;
  }

  async run(name: ScriptName, keys: string[], args: Array<string | number>): Promise<unknown> {
    try {
      try {
        return await this.client.evalsha(SHA[name], keys.length, ...keys, ...args);
      } catch (error) {
        if (!/NOSCRIPT/.test((error as Error)?.message ?? '')) throw error;
        return await this.client.eval(SCRIPTS[name], keys.length, ...keys, ...args);
      }
    } catch (error) {
      if (error instanceof VaultError) throw error;
      // The driver's message may quote command arguments (sealed values, lookup HMACs): keep only its class.
      const kind = (error as Error)?.name ?? 'Error';
      throw new VaultUnavailableError(`the Redis vault store failed (${kind}); nothing was stored or restored`);
    }
  }
}

/**
 * Keeps vault scopes in Redis (standalone or Cluster), shared by any number of processes.
 *
 * - Values are sealed with AES-256-GCM before they leave the process; keys are derived per tenant (HKDF) from
 *   the master secret. A value is found by a keyed HMAC (per tenant and scope), never by its plain text.
 * - Numbering happens in one Lua script on the server, so replicas never give one number to two values nor two
 *   numbers to one value.
 * - All keys of a scope share the hash tag `{tenant:scope-hmac}`: one Cluster slot per scope.
 * - Each scope expires `ttlSeconds` after its last use.
 * - Redis errors reject with VaultUnavailableError; nothing falls back to sending values in clear.
 */
export class RedisVaultStore implements TenantVaultStore {
  readonly tenant: string;
  private readonly backend: Backend;

  constructor(options: RedisVaultStoreOptions) {
    if (!options || typeof options !== 'object') throw new InvalidVaultArgumentError('options are required');
    const prefix = options.prefix ?? 'veil';
    if (typeof prefix !== 'string' || !/^[A-Za-z0-9:._-]{1,64}$/.test(prefix)) throw new InvalidVaultArgumentError('prefix must be 1-64 letters, digits, ":", ".", "_" or "-"');
    const ttlOption = options.ttlSeconds ?? 86_400;
    const checkTtl = (s: number) => {
      if (!Number.isFinite(s) || s < 0) throw new InvalidVaultArgumentError('ttlSeconds must be a non-negative number');
      return Math.ceil(s * 1000);
    };
    if (typeof ttlOption === 'number') checkTtl(ttlOption);
    const ttl = typeof ttlOption === 'function' ? (scope: string, t: string) => checkTtl(ttlOption(scope, t)) : () => checkTtl(ttlOption);
    const cost = checkScryptCost({ ...DEFAULT_SCRYPT_COST, ...options.passphraseCost });
    if (typeof options.redis !== 'string' && (typeof options.redis !== 'object' || options.redis === null)) {
      throw new InvalidVaultArgumentError('redis must be an ioredis client or a redis:// URL');
    }
    this.backend = new Backend(options.redis, options.redisOptions, toKeyProvider(options.keys), prefix, cost, ttl);
    this.tenant = checkTenant(options.tenant ?? DEFAULT_TENANT);
  }

  /** Same connection and master key, another tenant: its own derived keys and its own key space. */
  forTenant(tenant: string): RedisVaultStore {
    const view = Object.create(RedisVaultStore.prototype) as RedisVaultStore;
    return Object.assign(view, { backend: this.backend, tenant: checkTenant(tenant) });
  }

  /** The Redis client (for health checks). */
  get client(): RedisClientLike {
    return this.backend.client;
  }

  /** Resolves when Redis answers PING; rejects with VaultUnavailableError otherwise. */
  async ping(): Promise<void> {
    try {
      await this.backend.client.ping();
    } catch {
      throw new VaultUnavailableError('the Redis vault store is unreachable');
    }
  }

  /** Closes the connection if the store opened it (a client you passed is left to you). */
  async close(): Promise<void> {
    if (this.backend.owned) await this.backend.client.quit().catch(() => this.backend.client.disconnect());
  }

  private async context(scope: string) {
    checkScope(scope);
    const keys = await this.backend.keysFor(this.tenant);
    const scopeTag = b64u(createHmac('sha256', keys.mac).update(`scope\u0000${scope}`).digest().subarray(0, 16));
    const base = `${this.backend.prefix}:{${this.tenant}:${scopeTag}}:`;
    return {
      keys,
      scopeTag,
      redisKeys: [`${base}ids`, `${base}ph`, `${base}ctr`, `${base}order`],
      ttl: this.backend.ttl(scope, this.tenant),
    };
  }

  /**
   * Keyed HMAC of the value's identity (its canonical form): what finds an entry, and what its sealed value is bound
   * to. An already canonical value hashes as before identities were canonical, so older entries are still found.
   */
  private lookupId(keys: TenantKeys, scopeTag: string, type: string, value: string): string {
    return this.hashId(keys, scopeTag, type, canonicalValue(type, value));
  }

  private hashId(keys: TenantKeys, scopeTag: string, type: string, text: string): string {
    return b64u(createHmac('sha256', keys.mac).update(`id\u0000${scopeTag}\u0000${type}\u0000${text}`).digest());
  }

  private aad(scopeTag: string, type: string, id: string): Buffer {
    return Buffer.from(`veil-redis-v1\u0000${this.tenant}\u0000${scopeTag}\u0000${type}\u0000${id}`, 'utf8');
  }

  private seal(keys: TenantKeys, scopeTag: string, type: string, value: string, id: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', keys.enc, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(this.aad(scopeTag, type, id));
    const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${id}.${b64u(iv)}.${b64u(data)}`;
  }

  private open(keys: TenantKeys, scopeTag: string, placeholder: string, sealed: unknown): VaultEntry {
    const parsed = parsePlaceholder(placeholder);
    const parts = typeof sealed === 'string' ? sealed.split('.') : [];
    if (!parsed || parts.length !== 3) throw new VaultDecryptionError('cannot decrypt a vault entry: malformed data in the store', 'malformed');
    const [id, ivText, dataText] = parts as [string, string, string];
    const iv = Buffer.from(ivText, 'base64url');
    const data = Buffer.from(dataText, 'base64url');
    if (iv.length !== IV_BYTES || data.length < TAG_BYTES) throw new VaultDecryptionError('cannot decrypt a vault entry: malformed data in the store', 'malformed');
    let value: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', keys.enc, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(this.aad(scopeTag, parsed.type, id));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      value = Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultDecryptionError('cannot decrypt a vault entry: wrong key or altered data');
    }
    const actual = Buffer.from(id);
    const matches = (expected: Buffer) => expected.length === actual.length && timingSafeEqual(expected, actual);
    // An entry written before identities were canonical is bound to the HMAC of its exact value.
    if (!matches(Buffer.from(this.lookupId(keys, scopeTag, parsed.type, value))) && !matches(Buffer.from(this.hashId(keys, scopeTag, parsed.type, value)))) {
      throw new VaultDecryptionError('cannot decrypt a vault entry: altered data', 'tampered');
    }
    return Object.freeze({ placeholder, type: parsed.type, value });
  }

  async getOrCreate(scope: string, type: string, value: string): Promise<VaultEntry> {
    formatPlaceholder(type, 1); // validates the type before it reaches the script
    const { keys, scopeTag, redisKeys, ttl } = await this.context(scope);
    const id = this.lookupId(keys, scopeTag, type, value);
    const answer = await this.backend.run('getOrCreate', redisKeys, [id, type, this.seal(keys, scopeTag, type, value, id), ttl, newEpoch()]);
    const [placeholder, sealed] = Array.isArray(answer) ? (answer as unknown[]) : [];
    if (typeof placeholder !== 'string' || parsePlaceholder(placeholder)?.type !== type) {
      throw new VaultDecryptionError('unexpected answer from the Redis vault store', 'malformed');
    }
    if (sealed != null) return this.open(keys, scopeTag, placeholder, sealed);
    return Object.freeze({ placeholder, type, value });
  }

  async get(scope: string, placeholder: string): Promise<VaultEntry | undefined> {
    if (!parsePlaceholder(placeholder)) return undefined;
    const { keys, scopeTag, redisKeys, ttl } = await this.context(scope);
    const sealed = await this.backend.run('get', redisKeys, [placeholder, ttl]);
    return sealed == null ? undefined : this.open(keys, scopeTag, placeholder, sealed);
  }

  async find(scope: string, value: string, type?: string): Promise<VaultEntry | undefined> {
    const { keys, scopeTag, redisKeys, ttl } = await this.context(scope);
    let types: string[];
    if (type !== undefined) types = [type];
    else {
      const all = (await this.backend.run('types', redisKeys, [])) as string[];
      types = all.filter((t) => /^[A-Z][A-Z0-9_]*$/.test(t));
      if (types.length === 0) return undefined;
    }
    const found = (await this.backend.run('find', redisKeys, [ttl, ...types.map((t) => this.lookupId(keys, scopeTag, t, value))])) as [string, string] | null;
    if (!found) return undefined;
    return this.open(keys, scopeTag, found[0], found[1]);
  }

  async list(scope: string): Promise<VaultEntry[]> {
    const { keys, scopeTag, redisKeys, ttl } = await this.context(scope);
    const flat = (await this.backend.run('list', redisKeys, [ttl])) as string[];
    const entries: VaultEntry[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) entries.push(this.open(keys, scopeTag, flat[i]!, flat[i + 1]));
    return entries;
  }

  /** One round trip, nothing decrypted: the scope's epoch, insertion sequence and entry count. */
  async revision(scope: string): Promise<string | undefined> {
    const { redisKeys, ttl } = await this.context(scope);
    const token = await this.backend.run('revision', redisKeys, [ttl]);
    return typeof token === 'string' ? token : undefined;
  }

  async remove(scope: string, placeholder: string): Promise<boolean> {
    if (!parsePlaceholder(placeholder)) return false;
    const { redisKeys, ttl } = await this.context(scope);
    return (await this.backend.run('remove', redisKeys, [placeholder, ttl])) === 1;
  }

  async clear(scope: string): Promise<void> {
    const { redisKeys } = await this.context(scope);
    await this.backend.run('clear', redisKeys, []);
  }

  async snapshot(scope: string): Promise<VaultSnapshot> {
    const entries = await this.list(scope);
    const { redisKeys } = await this.context(scope);
    const types = (await this.backend.run('types', redisKeys, [])) as string[];
    const counters: Record<string, number> = {};
    // Counters come from the entries plus the stored numbers (kept so removed numbers stay retired).
    const flat = types.filter((t) => /^[A-Z][A-Z0-9_]*$/.test(t));
    if (flat.length > 0) {
      const values = await this.counterValues(redisKeys[2]!, flat);
      flat.forEach((t, i) => {
        const n = Number(values[i]);
        if (Number.isSafeInteger(n) && n > 0) counters[t] = n;
      });
    }
    return { version: 1, scope, entries: entries.map((e) => ({ placeholder: e.placeholder, type: e.type, value: e.value })), counters };
  }

  private async counterValues(key: string, fields: string[]): Promise<Array<string | null>> {
    try {
      return await this.backend.client.hmget(key, ...fields);
    } catch (error) {
      throw new VaultUnavailableError(`the Redis vault store failed (${(error as Error)?.name ?? 'Error'})`);
    }
  }

  async restore(scope: string, snapshot: VaultSnapshot, mode: RestoreMode): Promise<void> {
    const { keys, scopeTag, redisKeys, ttl } = await this.context(scope);
    const args: Array<string | number> = [mode, ttl, newEpoch(), snapshot.entries.length];
    for (const { placeholder, type, value } of snapshot.entries) {
      const id = this.lookupId(keys, scopeTag, type, value);
      args.push(placeholder, id, this.hashId(keys, scopeTag, type, value), this.seal(keys, scopeTag, type, value, id));
    }
    for (const [type, count] of Object.entries(snapshot.counters)) args.push(type, count);
    const result = (await this.backend.run('restore', redisKeys, args)) as [string, number?];
    if (result?.[0] === 'placeholder') throw new VaultConflictError(`snapshot entry ${result[1]}: placeholder is already bound to another value`);
    if (result?.[0] === 'value') throw new VaultConflictError(`snapshot entry ${result[1]}: value is already bound to another placeholder`);
  }
}
