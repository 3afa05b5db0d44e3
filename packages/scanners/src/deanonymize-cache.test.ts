/**
 * Deanonymize keeps the matcher it built while the vault's entries stay the same (issue 15): one build for repeated
 * scans, a new one as soon as an entry is added or removed, through every bundled store, including writes made by
 * another store instance on the same storage (what another process does).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EncryptedFileVaultStore, MemoryVaultStore, RedisVaultStore, Vault, staticKey } from '@veil/vault';
import type { VaultStore } from '@veil/vault';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisServer, redisAvailable } from '../../vault/test/redis-server.js';
import { Deanonymize } from './deanonymize.js';
import type { PlaceholderSource } from './deanonymize.js';
import * as placeholderMatch from './placeholder-match.js';
import type { PlaceholderEntry } from './placeholder-match.js';
import { createStreamingDeanonymizer } from './stream/index.js';

const builds = () => vi.spyOn(placeholderMatch, 'buildMatcher');
afterEach(() => {
  vi.restoreAllMocks();
});

interface Kind {
  name: string;
  skip: boolean;
  /** A fresh store, and a second instance on the same storage (another process, a replica). */
  create(): Promise<{ store: VaultStore; other: VaultStore }>;
}

let dir = '';
let redis: RedisServer | undefined;
let prefix = 0;
const opened: RedisVaultStore[] = [];

const kinds: Kind[] = [
  {
    name: 'memory',
    skip: false,
    create: async () => {
      const store = new MemoryVaultStore();
      return { store, other: store };
    },
  },
  {
    name: 'encrypted file',
    skip: false,
    create: async () => {
      const path = join(dir, `vault-${++prefix}.json`);
      const open = () => new EncryptedFileVaultStore({ path, keys: staticKey(Buffer.alloc(32, 3)) });
      return { store: open(), other: open() };
    },
  },
  {
    name: 'redis',
    skip: !redisAvailable,
    create: async () => {
      const options = { redis: redis!.url, keys: staticKey(Buffer.alloc(32, 3)), prefix: `cache${++prefix}` };
      const store = new RedisVaultStore(options);
      const other = new RedisVaultStore(options);
      opened.push(store, other);
      return { store, other };
    },
  },
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veil-deanon-cache-'));
  if (redisAvailable) redis = await RedisServer.start();
});
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await redis?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe.each(kinds)('Deanonymize matcher cache: $name store', (kind) => {
  const test = kind.skip ? it.skip : it;

  test('builds once for repeated scans of an unchanged vault, again when an entry is added or removed', async () => {
    const { store, other } = await kind.create();
    const vault = new Vault({ store, scope: 'chat' });
    const elsewhere = new Vault({ store: other, scope: 'chat' });
    await vault.placeholderFor('PERSON', 'Ann Lee');
    const deanonymize = new Deanonymize({ vault, matching: 'combined' });
    const build = builds();

    const answer = 'Hi [REDACTED_PERSON_1], ask [REDACTED_PERSON_2].';
    for (let i = 0; i < 4; i++) {
      expect((await deanonymize.scan('', answer)).sanitized).toBe('Hi Ann Lee, ask [REDACTED_PERSON_2].');
    }
    expect(build).toHaveBeenCalledTimes(1);

    // Added through the other instance: this one's cache must not hide it.
    await elsewhere.placeholderFor('PERSON', 'Bob Stone');
    expect((await deanonymize.scan('', answer)).sanitized).toBe('Hi Ann Lee, ask Bob Stone.');
    expect((await deanonymize.scan('', answer)).sanitized).toBe('Hi Ann Lee, ask Bob Stone.');
    expect(build).toHaveBeenCalledTimes(2);

    // Another scope of the same storage changing is not a reason to rebuild.
    await new Vault({ store: other, scope: 'another-chat' }).placeholderFor('PERSON', 'Cid');
    await deanonymize.scan('', answer);
    expect(build).toHaveBeenCalledTimes(2);

    await elsewhere.remove('[REDACTED_PERSON_1]');
    expect((await deanonymize.scan('', answer)).sanitized).toBe('Hi [REDACTED_PERSON_1], ask Bob Stone.');
    expect(build).toHaveBeenCalledTimes(3);

    await elsewhere.clear();
    await elsewhere.placeholderFor('PERSON', 'Dan');
    expect((await deanonymize.scan('', answer)).sanitized).toBe('Hi Dan, ask [REDACTED_PERSON_2].');
    expect(build).toHaveBeenCalledTimes(4);
  });
});

describe('Deanonymize matcher cache', () => {
  it('restores a placeholder created after the first scan (memory vault, no second instance)', async () => {
    const vault = new Vault();
    const deanonymize = new Deanonymize({ vault });
    expect((await deanonymize.scan('', 'to [REDACTED_EMAIL_ADDRESS_1]')).unknownPlaceholders).toEqual(['[REDACTED_EMAIL_ADDRESS_1]']);
    await vault.placeholderFor('EMAIL_ADDRESS', 'ann@example.com');
    expect((await deanonymize.scan('', 'to [REDACTED_EMAIL_ADDRESS_1]')).sanitized).toBe('to ann@example.com');
  });

  it('shares one build between concurrent scans, streams started from the scanner and observed copies', async () => {
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'Ann Lee');
    const deanonymize = new Deanonymize({ vault });
    const build = builds();
    const results = await Promise.all(Array.from({ length: 5 }, () => deanonymize.scan('', '[REDACTED_PERSON_1]')));
    expect(results.map((r) => r.sanitized)).toEqual(Array(5).fill('Ann Lee'));
    const stream = await createStreamingDeanonymizer(deanonymize);
    expect(stream.push('[REDACTED_PERSON_1] ') + stream.end()).toBe('Ann Lee ');
    await deanonymize.observed({ source: 'copy' }).scan('', '[REDACTED_PERSON_1]');
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('keeps one matcher per strategy: a scanner with another strategy builds its own', async () => {
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'Ann Lee');
    const exact = new Deanonymize({ vault, matching: 'exact' });
    const fuzzy = new Deanonymize({ vault, matching: 'fuzzy' });
    const build = builds();
    expect((await exact.scan('', 'redacted person 1')).sanitized).toBe('redacted person 1');
    expect((await fuzzy.scan('', 'redacted person 1')).sanitized).toBe('Ann Lee');
    expect((await exact.scan('', 'redacted person 1')).sanitized).toBe('redacted person 1');
    expect(build.mock.calls.map((c) => c[1])).toEqual(['exact', 'fuzzy']);
  });

  it('without a revision, compares the listed entries and rebuilds only when they differ', async () => {
    const entries: PlaceholderEntry[] = [{ placeholder: '[REDACTED_PERSON_1]', type: 'PERSON', value: 'Ann' }];
    // A source that hands out the same array it changes in place: the cache must keep its own copy.
    const source: PlaceholderSource = { entries: () => entries };
    const deanonymize = new Deanonymize({ vault: source });
    const build = builds();
    await deanonymize.scan('', '[REDACTED_PERSON_1]');
    await deanonymize.scan('', '[REDACTED_PERSON_1]');
    expect(build).toHaveBeenCalledTimes(1);
    entries.push({ placeholder: '[REDACTED_PERSON_2]', type: 'PERSON', value: 'Bob' });
    expect((await deanonymize.scan('', '[REDACTED_PERSON_2]')).sanitized).toBe('Bob');
    entries[0] = { placeholder: '[REDACTED_PERSON_1]', type: 'PERSON', value: 'Eve' };
    expect((await deanonymize.scan('', '[REDACTED_PERSON_1]')).sanitized).toBe('Eve');
    expect(build).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed read: the next scan asks the vault again', async () => {
    let fail = true;
    const source: PlaceholderSource = {
      revision: () => 'r1',
      entries: async () => {
        if (fail) throw new Error('store down');
        return [{ placeholder: '[REDACTED_PERSON_1]', type: 'PERSON', value: 'Ann' }];
      },
    };
    const deanonymize = new Deanonymize({ vault: source });
    await expect(deanonymize.scan('', '[REDACTED_PERSON_1]')).rejects.toThrow('store down');
    fail = false;
    expect((await deanonymize.scan('', '[REDACTED_PERSON_1]')).sanitized).toBe('Ann');
  });
});
