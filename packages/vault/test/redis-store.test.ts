/**
 * RedisVaultStore against a real redis-server on 127.0.0.1 (random port): replicas, restarts, TTL, tenants, outage.
 * Skipped with a message when redis-server is not on PATH.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisVaultStore, Vault, VaultDecryptionError, VaultUnavailableError, envKey, functionKey, passphraseKey, staticKey } from '../src/index.js';
import { RedisServer, redisAvailable } from './redis-server.js';
import { TEST_KEY } from './stores.js';
import { expectOneToOne } from './one-to-one.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!redisAvailable)('RedisVaultStore on a real Redis', () => {
  let server: RedisServer;
  let admin: Redis;
  const stores: RedisVaultStore[] = [];
  const open = (options: Partial<ConstructorParameters<typeof RedisVaultStore>[0]> = {}) => {
    const store = new RedisVaultStore({ redis: server.url, keys: staticKey(TEST_KEY), ...options });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await RedisServer.start();
    admin = new Redis(server.url, { maxRetriesPerRequest: 1 });
    admin.on('error', () => undefined);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    admin.disconnect();
    await server.stop();
  });

  async function dump(): Promise<{ keys: string[]; text: string }> {
    const keys = (await admin.keys('*')).sort();
    const parts: string[] = [];
    for (const key of keys) {
      const type = await admin.type(key);
      if (type === 'hash') parts.push(JSON.stringify(await admin.hgetall(key)));
      if (type === 'zset') parts.push(JSON.stringify(await admin.zrange(key, 0, -1)));
    }
    return { keys, text: keys.join('\n') + parts.join('\n') };
  }

  it('stores values only sealed, scope names only hashed, and each scope under one hash tag', async () => {
    const store = open({ prefix: 'sealed' });
    const vault = new Vault({ store: store.forTenant('acme'), scope: 'conversation-about-ann' });
    await vault.placeholderFor('EMAIL_ADDRESS', 'ann.lee@example.com');
    await vault.placeholderFor('PERSON', 'Ann Lee');
    const { keys, text } = await dump();
    const ours = keys.filter((k) => k.startsWith('sealed:'));
    expect(ours).toHaveLength(4);
    expect(text).not.toContain('ann.lee');
    expect(text).not.toContain('Ann Lee');
    expect(text).not.toContain('conversation-about-ann');
    const tags = new Set(ours.map((k) => /\{([^}]*)\}/.exec(k)?.[1]));
    expect(tags.size).toBe(1);
    expect([...tags][0]).toMatch(/^acme:[A-Za-z0-9_-]{22}$/);
  });

  it('two replicas under concurrent load never disagree', async () => {
    const one = open({ prefix: 'replicas' }).forTenant('acme');
    const two = open({ prefix: 'replicas' }).forTenant('acme');
    const values = Array.from({ length: 400 }, (_, i) => `person-${(i * 13) % 97}`);
    const calls = values.flatMap((v, i) => [(i % 2 ? one : two).getOrCreate('chat', 'PERSON', v), (i % 2 ? two : one).getOrCreate('chat', 'PERSON', v)]);
    const results = await Promise.all(calls);
    const byPlaceholder = expectOneToOne(results);
    expect(byPlaceholder.size).toBe(97);
    const numbers = [...byPlaceholder.keys()].map((p) => Number(/_(\d+)\]$/.exec(p)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 97 }, (_, i) => i + 1));
    for (const [placeholder, value] of byPlaceholder) {
      expect((await one.get('chat', placeholder))?.value).toBe(value);
      expect((await two.get('chat', placeholder))?.value).toBe(value);
    }
  });

  it('keeps the mapping across a restart of the process (a new store, the same key)', async () => {
    const first = open({ prefix: 'restart', keys: passphraseKey('long passphrase'), passphraseCost: { N: 1024 } });
    const p = await new Vault({ store: first, scope: 's' }).placeholderFor('PERSON', 'Ann');
    await first.close();
    const second = open({ prefix: 'restart', keys: functionKey(() => ({ passphrase: 'long passphrase' })), passphraseCost: { N: 1024 } });
    expect(await new Vault({ store: second, scope: 's' }).valueOf(p)).toBe('Ann');
    const wrong = open({ prefix: 'restart', keys: passphraseKey('another passphrase'), passphraseCost: { N: 1024 } });
    // Another key derives another lookup key and scope tag: it finds nothing, and cannot open a copied entry.
    expect(await new Vault({ store: wrong, scope: 's' }).valueOf(p)).toBeUndefined();
  });

  it('expires a scope ttlSeconds after its last use, and each use pushes that back', async () => {
    const store = open({ prefix: 'ttl', ttlSeconds: 1 });
    const vault = new Vault({ store, scope: 's' });
    const p = await vault.placeholderFor('PERSON', 'Ann');
    for (let i = 0; i < 3; i++) {
      await sleep(500);
      expect(await vault.valueOf(p)).toBe('Ann'); // refreshes
    }
    const ttls = await Promise.all((await admin.keys('ttl:*')).map((k) => admin.pttl(k)));
    expect(ttls.every((t) => t > 0 && t <= 1000)).toBe(true);
    await sleep(1300);
    expect(await vault.valueOf(p)).toBeUndefined();
    expect(await admin.keys('ttl:*')).toEqual([]);
    const forever = open({ prefix: 'forever', ttlSeconds: (scope) => (scope === 'keep' ? 0 : 60) });
    await new Vault({ store: forever, scope: 'keep' }).placeholderFor('PERSON', 'Ann');
    await new Vault({ store: forever, scope: 'short' }).placeholderFor('PERSON', 'Ann');
    const keys = await admin.keys('forever:*');
    const pttl = await Promise.all(keys.map(async (k) => [k, await admin.pttl(k)] as const));
    expect(pttl.filter(([, t]) => t === -1)).toHaveLength(4);
    expect(pttl.filter(([, t]) => t > 0)).toHaveLength(4);
  });

  it('refuses cross-tenant restore, even with entries copied between tenants in Redis', async () => {
    const store = open({ prefix: 'tenants' });
    const acme = new Vault({ store: store.forTenant('acme'), scope: 'chat' });
    const globex = new Vault({ store: store.forTenant('globex'), scope: 'chat' });
    const p = await acme.placeholderFor('EMAIL_ADDRESS', 'ceo@acme.example');
    await globex.placeholderFor('EMAIL_ADDRESS', 'x@globex.example');
    expect(await globex.valueOf(p)).toBe('x@globex.example');
    // An attacker with write access copies acme's sealed entry over globex's: it does not open under globex's key.
    const phKeys = await admin.keys('tenants:*:ph');
    const acmeKey = phKeys.find((k) => k.includes('{acme:'))!;
    const globexKey = phKeys.find((k) => k.includes('{globex:'))!;
    await admin.hset(globexKey, p, (await admin.hget(acmeKey, p))!);
    await expect(globex.valueOf(p)).rejects.toBeInstanceOf(VaultDecryptionError);
    // A sealed value moved to another placeholder of the same scope is caught too.
    await acme.placeholderFor('EMAIL_ADDRESS', 'cfo@acme.example');
    await admin.hset(acmeKey, '[REDACTED_EMAIL_ADDRESS_2]', (await admin.hget(acmeKey, p))!.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
    await expect(acme.valueOf('[REDACTED_EMAIL_ADDRESS_2]')).rejects.toBeInstanceOf(VaultDecryptionError);
  });

  it('reads entries an older version wrote (bound to the exact value, no epoch), and tells revisions once it writes', async () => {
    const store = open({ prefix: 'legacy' });
    // The store's own sealing, reached past `private`, to write an entry the way the previous version did.
    const inner = store as unknown as {
      context(scope: string): Promise<{ keys: unknown; scopeTag: string; redisKeys: string[] }>;
      hashId(keys: unknown, scopeTag: string, type: string, text: string): string;
      seal(keys: unknown, scopeTag: string, type: string, value: string, id: string): string;
    };
    const { keys, scopeTag, redisKeys } = await inner.context('s');
    const [ids, ph, ctr, order] = redisKeys as [string, string, string, string];
    const value = 'Ann.Lee@Example.com';
    const exactId = inner.hashId(keys, scopeTag, 'EMAIL_ADDRESS', value);
    await admin.hset(ids, exactId, '[REDACTED_EMAIL_ADDRESS_1]');
    await admin.hset(ph, '[REDACTED_EMAIL_ADDRESS_1]', inner.seal(keys, scopeTag, 'EMAIL_ADDRESS', value, exactId));
    await admin.hset(ctr, 'EMAIL_ADDRESS', '1', '#seq', '1');
    await admin.zadd(order, 1, '[REDACTED_EMAIL_ADDRESS_1]');

    const vault = new Vault({ store, scope: 's' });
    expect(await vault.valueOf('[REDACTED_EMAIL_ADDRESS_1]')).toBe(value);
    expect(await vault.revision()).toBeUndefined();
    // Written by this version: the scope gets an epoch, and from then on its revision is known.
    await vault.placeholderFor('PERSON', 'Bob');
    const revision = await vault.revision();
    expect(revision).toMatch(/^[A-Za-z0-9_-]{16}:2:2$/);
    // An older writer adding an entry (no epoch of its own, but it raises the sequence) still changes the token.
    await admin.hincrby(ctr, '#seq', 1);
    await admin.zadd(order, 3, '[REDACTED_PERSON_9]');
    expect(await vault.revision()).not.toBe(revision);
    // The exact-value binding is still a binding: moved to another placeholder's value, it does not open.
    await admin.hset(ph, '[REDACTED_EMAIL_ADDRESS_2]', inner.seal(keys, scopeTag, 'EMAIL_ADDRESS', 'other@example.com', exactId));
    await expect(vault.valueOf('[REDACTED_EMAIL_ADDRESS_2]')).rejects.toBeInstanceOf(VaultDecryptionError);
  });

  it('reads the key from an environment variable', async () => {
    process.env.VEIL_TEST_VAULT_KEY = TEST_KEY.toString('hex');
    const a = open({ prefix: 'env', keys: envKey('VEIL_TEST_VAULT_KEY') });
    const b = open({ prefix: 'env', keys: staticKey(TEST_KEY.toString('base64')) });
    const p = await a.getOrCreate('s', 'PERSON', 'Ann');
    expect(await b.get('s', p.placeholder)).toEqual(p);
    delete process.env.VEIL_TEST_VAULT_KEY;
    await expect(open({ prefix: 'env', keys: envKey('VEIL_TEST_VAULT_KEY') }).get('s', p.placeholder)).rejects.toMatchObject({ code: 'VEIL_VAULT_KEY' });
  });

  it('fails closed with VaultUnavailableError while Redis is down, and resumes when it returns', async () => {
    const store = open({ prefix: 'outage', ttlSeconds: 0 });
    const vault = new Vault({ store, scope: 's' });
    const before = await vault.placeholderFor('PERSON', 'Ann');
    const load = Array.from({ length: 20 }, (_, i) => vault.placeholderFor('PERSON', `p${i}`));
    await server.stop();
    const settled = await Promise.allSettled([...load, vault.placeholderFor('PERSON', 'during outage'), vault.valueOf(before)]);
    for (const r of settled) {
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(VaultUnavailableError);
        expect(String(r.reason.message)).not.toMatch(/outage|Ann|p\d/);
      }
    }
    expect(settled.slice(-2).every((r) => r.status === 'rejected')).toBe(true);
    const started = Date.now();
    await expect(vault.valueOf(before)).rejects.toBeInstanceOf(VaultUnavailableError);
    expect(Date.now() - started).toBeLessThan(6000);
    await server.start(); // empty: no persistence in this test server
    let resumed: string | undefined;
    for (let i = 0; i < 50 && resumed === undefined; i++) {
      resumed = await vault.placeholderFor('PERSON', 'after').catch(() => undefined);
      if (resumed === undefined) await sleep(200);
    }
    expect(resumed).toBe('[REDACTED_PERSON_1]');
    expect(await vault.valueOf('[REDACTED_PERSON_1]')).toBe('after');
    admin.disconnect();
    admin = new Redis(server.url, { maxRetriesPerRequest: 1 });
    admin.on('error', () => undefined);
  });
});
