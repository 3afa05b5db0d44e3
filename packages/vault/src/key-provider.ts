import { hkdfSync, scrypt } from 'node:crypto';
import { InvalidVaultArgumentError, VaultError } from './errors.js';

/** scrypt cost parameters; the defaults follow OWASP's minimum for scrypt (N = 2^15, r = 8, p = 1). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_COST: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
// Upper bounds keep a tampered file (or a bad setting) from asking scrypt for gigabytes of memory or minutes of CPU.
export const MAX_SCRYPT_COST: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 20, r: 32, p: 16 });
const KEY_BYTES = 32;

/** Checks scrypt cost parameters against MAX_SCRYPT_COST before any work is done with them. */
export function checkScryptCost(cost: ScryptCost): ScryptCost {
  const powerOfTwo = Number.isSafeInteger(cost.N) && cost.N >= 2 && cost.N <= MAX_SCRYPT_COST.N && (cost.N & (cost.N - 1)) === 0;
  const inRange = (x: number, max: number) => Number.isSafeInteger(x) && x >= 1 && x <= max;
  if (!powerOfTwo || !inRange(cost.r, MAX_SCRYPT_COST.r) || !inRange(cost.p, MAX_SCRYPT_COST.p)) {
    throw new InvalidVaultArgumentError('scrypt cost needs N a power of two in [2, 2^20], r in [1, 32] and p in [1, 16]');
  }
  // 128 * N * r bytes per lane; refuse more than 1 GiB in all.
  if (128 * cost.N * cost.r * cost.p > 2 ** 30) throw new InvalidVaultArgumentError('scrypt cost needs more than 1 GiB of memory');
  return cost;
}

export function scryptKey(passphrase: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  checkScryptCost(cost);
  return new Promise((resolve, reject) => {
    // scrypt needs 128 * N * r bytes; lift Node's 32 MiB default just enough.
    const maxmem = 256 * cost.N * cost.r;
    scrypt(passphrase, salt, KEY_BYTES, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** 32 bytes from a master key with HKDF-SHA256; `info` names the purpose (and tenant). */
export function hkdfKey(master: Buffer, salt: string | Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, salt, Buffer.from(info, 'utf8'), KEY_BYTES));
}

/** What a KeyProvider hands a store: a passphrase to stretch (scrypt) or a 32-byte key used as is. */
export type KeyMaterial = { kind: 'passphrase'; passphrase: string } | { kind: 'key'; key: Buffer };

/** Where a store gets its secret. Called once per store, when it is first needed; the result is kept in memory. */
export interface KeyProvider {
  getKeyMaterial(): Promise<KeyMaterial>;
}

/** The key (or passphrase) could not be obtained or has the wrong form. The message never contains the secret. */
export class VaultKeyError extends VaultError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('VEIL_VAULT_KEY', message, options);
  }
}

function parseKey(text: string, what: string): Buffer {
  const trimmed = text.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) key = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (!key || key.length !== KEY_BYTES) throw new VaultKeyError(`${what} must be 32 bytes as 64 hex digits or base64`);
  return key;
}

function toKey(key: Buffer | Uint8Array | string, what: string): Buffer {
  if (typeof key === 'string') return parseKey(key, what);
  if (key instanceof Uint8Array && key.length === KEY_BYTES) return Buffer.from(key);
  throw new VaultKeyError(`${what} must be 32 bytes`);
}

/** A passphrase, stretched with scrypt by the store (file: the file's own salt and cost; Redis: its fixed salt and cost). */
export function passphraseKey(passphrase: string): KeyProvider {
  if (typeof passphrase !== 'string' || passphrase === '') throw new InvalidVaultArgumentError('passphrase must be a non-empty string');
  return { getKeyMaterial: async () => ({ kind: 'passphrase', passphrase }) };
}

/** A 32-byte key (Buffer, or a string of 64 hex digits or base64). */
export function staticKey(key: Buffer | Uint8Array | string): KeyProvider {
  const material: KeyMaterial = { kind: 'key', key: toKey(key, 'key') };
  return { getKeyMaterial: async () => material };
}

/**
 * A 32-byte key (64 hex digits or base64) read from an environment variable when the store first needs it,
 * or with `{ passphrase: true }` the variable's text used as a passphrase.
 */
export function envKey(name = 'VEIL_VAULT_KEY', options: { passphrase?: boolean } = {}): KeyProvider {
  return {
    getKeyMaterial: async () => {
      const text = process.env[name];
      if (text === undefined || text === '') throw new VaultKeyError(`environment variable ${name} is not set`);
      return options.passphrase ? { kind: 'passphrase', passphrase: text } : { kind: 'key', key: parseKey(text, `environment variable ${name}`) };
    },
  };
}

/** A key (or `{ passphrase }`) from your own code: a secrets manager, a KMS unwrap, ... */
export function functionKey(fn: () => Buffer | Uint8Array | string | { passphrase: string } | Promise<Buffer | Uint8Array | string | { passphrase: string }>): KeyProvider {
  return {
    getKeyMaterial: async () => {
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn();
      } catch (error) {
        throw new VaultKeyError('the key function failed', { cause: error });
      }
      if (typeof result === 'object' && result !== null && !(result instanceof Uint8Array)) {
        if (typeof result.passphrase !== 'string' || result.passphrase === '') throw new VaultKeyError('the key function returned an empty passphrase');
        return { kind: 'passphrase', passphrase: result.passphrase };
      }
      return { kind: 'key', key: toKey(result, 'the key function result') };
    },
  };
}

/** Accepts a KeyProvider or, for convenience, a passphrase string. */
export function toKeyProvider(keys: KeyProvider | string): KeyProvider {
  if (typeof keys === 'string') return passphraseKey(keys);
  if (typeof keys?.getKeyMaterial !== 'function') throw new InvalidVaultArgumentError('keys must be a KeyProvider or a passphrase');
  return keys;
}

/** Tenant ids: 1-64 letters, digits, `.`, `_`, `-`, starting with a letter or digit. They appear in storage keys. */
export const TENANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const DEFAULT_TENANT = 'default';

export function checkTenant(tenant: unknown): string {
  if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant)) {
    throw new InvalidVaultArgumentError('tenant id must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit');
  }
  return tenant;
}

export function checkScope(scope: unknown): string {
  if (typeof scope !== 'string' || scope === '' || scope.length > 1024) throw new InvalidVaultArgumentError('scope must be a non-empty string of at most 1024 characters');
  return scope;
}
