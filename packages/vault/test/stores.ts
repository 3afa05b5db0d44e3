/** Factories for every VaultStore, shared by the conformance suite and the Vault tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { EncryptedFileVaultStore, MemoryVaultStore, RedisVaultStore, staticKey } from '../src/index.js';
import type { TenantVaultStore } from '../src/index.js';
import { RedisServer, redisAvailable } from './redis-server.js';

export interface StoreKind {
  name: string;
  /** Whether a second instance on the same backing storage sees the first one's entries. */
  persistent: boolean;
  skip: boolean;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A fresh, empty backing storage. */
  create(): TenantVaultStore;
  /** Another instance on the same backing storage as the last `create()` (a restart or a second replica). */
  reopen(): TenantVaultStore;
}

export const TEST_KEY = Buffer.alloc(32, 7);

export function memoryKind(): StoreKind {
  let last: MemoryVaultStore | undefined;
  return {
    name: 'memory', persistent: false, skip: false,
    setup: async () => undefined, teardown: async () => undefined,
    create: () => (last = new MemoryVaultStore()),
    reopen: () => last!,
  };
}

export function fileKind(): StoreKind {
  let dir = '';
  let n = 0;
  const make = () => new EncryptedFileVaultStore({ path: join(dir, `vault-${n}.json`), passphrase: 'test', cost: { N: 1024 } });
  return {
    name: 'encrypted file', persistent: true, skip: false,
    setup: async () => {
      dir = await mkdtemp(join(tmpdir(), 'veil-conformance-'));
    },
    teardown: async () => {
      await rm(dir, { recursive: true, force: true });
    },
    create: () => {
      n++;
      return make();
    },
    reopen: make,
  };
}

export function redisKind(): StoreKind {
  let server: RedisServer | undefined;
  let client: Redis | undefined;
  let n = 0;
  const opened: RedisVaultStore[] = [];
  // A client you pass in is yours: the store does not close it. Each create() gets its own key prefix.
  const make = () => {
    const store = new RedisVaultStore({ redis: client!, keys: staticKey(TEST_KEY), prefix: `t${n}`, ttlSeconds: 600 });
    opened.push(store);
    return store;
  };
  return {
    name: 'redis', persistent: true, skip: !redisAvailable,
    setup: async () => {
      server = await RedisServer.start();
      client = new Redis(server.url, { maxRetriesPerRequest: 1 });
    },
    teardown: async () => {
      await client?.quit().catch(() => undefined);
      await server?.stop();
    },
    create: () => {
      n++;
      return make();
    },
    reopen: make,
  };
}

export const allKinds = (): StoreKind[] => [memoryKind(), fileKind(), redisKind()];
