/**
 * The VaultStore contract, run against every store (memory, encrypted file, Redis). Redis needs redis-server on
 * PATH and is skipped with a message otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidVaultArgumentError, Vault, VaultConflictError, parseVaultSnapshot } from '../src/index.js';
import type { TenantVaultStore, VaultStore } from '../src/index.js';
import { allKinds } from './stores.js';
import { expectOneToOne } from './one-to-one.js';

const entry = (placeholder: string, type: string, value: string) => ({ placeholder, type, value });

describe.each(allKinds())('VaultStore conformance: $name', (kind) => {
  beforeAll(async () => {
    if (!kind.skip) await kind.setup();
  });
  afterAll(async () => {
    if (!kind.skip) await kind.teardown();
  });
  const test = kind.skip ? it.skip : it;

  test('numbers per type from 1, returns the same entry for the same value, looks up both ways', async () => {
    const store = kind.create();
    expect(await store.getOrCreate('s', 'PERSON', 'Ann Lee')).toEqual(entry('[REDACTED_PERSON_1]', 'PERSON', 'Ann Lee'));
    expect(await store.getOrCreate('s', 'EMAIL_ADDRESS', 'ann@example.com')).toEqual(entry('[REDACTED_EMAIL_ADDRESS_1]', 'EMAIL_ADDRESS', 'ann@example.com'));
    expect(await store.getOrCreate('s', 'PERSON', 'Bob')).toEqual(entry('[REDACTED_PERSON_2]', 'PERSON', 'Bob'));
    expect((await store.getOrCreate('s', 'PERSON', 'Ann Lee')).placeholder).toBe('[REDACTED_PERSON_1]');
    expect(await store.get('s', '[REDACTED_PERSON_2]')).toEqual(entry('[REDACTED_PERSON_2]', 'PERSON', 'Bob'));
    expect(await store.get('s', '[REDACTED_PERSON_3]')).toBeUndefined();
    expect(await store.get('nope', '[REDACTED_PERSON_1]')).toBeUndefined();
    expect(await store.find('s', 'Bob', 'PERSON')).toEqual(entry('[REDACTED_PERSON_2]', 'PERSON', 'Bob'));
    expect(await store.find('s', 'Bob', 'LOCATION')).toBeUndefined();
    expect(await store.find('s', 'unknown')).toBeUndefined();
    expect((await store.list('s')).map((e) => e.placeholder)).toEqual(['[REDACTED_PERSON_1]', '[REDACTED_EMAIL_ADDRESS_1]', '[REDACTED_PERSON_2]']);
    expect(await store.list('empty')).toEqual([]);
  });

  test('find without a type answers the earliest entry holding the value', async () => {
    const store = kind.create();
    await store.getOrCreate('s', 'LOCATION', 'Other');
    await store.getOrCreate('s', 'PERSON', 'Paris');
    await store.getOrCreate('s', 'LOCATION', 'Paris');
    expect((await store.find('s', 'Paris'))?.placeholder).toBe('[REDACTED_PERSON_1]');
    expect((await store.find('s', 'Paris', 'LOCATION'))?.placeholder).toBe('[REDACTED_LOCATION_2]');
  });

  test('never gives one placeholder to two values nor two placeholders to one value under concurrent calls', async () => {
    const store = kind.create();
    const values = Array.from({ length: 150 }, (_, i) => `user${(i * 7) % 37}@example.com`);
    const results = await Promise.all(values.map((v) => store.getOrCreate('s', 'EMAIL_ADDRESS', v)));
    const byPlaceholder = expectOneToOne(results);
    expect(byPlaceholder.size).toBe(37);
    expect(new Set((await store.list('s')).map((e) => e.placeholder)).size).toBe(37);
  });

  test('remove retires the number; clear restarts numbering', async () => {
    const store = kind.create();
    await store.getOrCreate('s', 'PERSON', 'Ann');
    await store.getOrCreate('s', 'PERSON', 'Bob');
    expect(await store.remove('s', '[REDACTED_PERSON_2]')).toBe(true);
    expect(await store.remove('s', '[REDACTED_PERSON_2]')).toBe(false);
    expect(await store.remove('s', 'junk')).toBe(false);
    expect(await store.get('s', '[REDACTED_PERSON_2]')).toBeUndefined();
    expect(await store.find('s', 'Bob')).toBeUndefined();
    expect((await store.getOrCreate('s', 'PERSON', 'Cid')).placeholder).toBe('[REDACTED_PERSON_3]');
    expect((await store.getOrCreate('s', 'PERSON', 'Bob')).placeholder).toBe('[REDACTED_PERSON_4]');
    expect((await store.snapshot('s')).counters).toEqual({ PERSON: 4 });
    await store.clear('s');
    expect(await store.list('s')).toEqual([]);
    expect((await store.getOrCreate('s', 'PERSON', 'Dan')).placeholder).toBe('[REDACTED_PERSON_1]');
  });

  test('snapshot and restore (replace, merge, conflicts change nothing)', async () => {
    const store = kind.create();
    await store.getOrCreate('a', 'PERSON', 'Ann');
    await store.getOrCreate('a', 'PERSON', 'Bob');
    await store.remove('a', '[REDACTED_PERSON_1]');
    const snap = await store.snapshot('a');
    expect(snap).toEqual({ version: 1, scope: 'a', entries: [entry('[REDACTED_PERSON_2]', 'PERSON', 'Bob')], counters: { PERSON: 2 } });
    await store.getOrCreate('b', 'PERSON', 'Zed');
    await store.restore('b', snap, 'replace');
    expect(await store.list('b')).toEqual([entry('[REDACTED_PERSON_2]', 'PERSON', 'Bob')]);
    expect((await store.getOrCreate('b', 'PERSON', 'New')).placeholder).toBe('[REDACTED_PERSON_3]');

    const conflicting = parseVaultSnapshot({ version: 1, scope: 'x', entries: [entry('[REDACTED_PERSON_9]', 'PERSON', 'Cid'), entry('[REDACTED_PERSON_2]', 'PERSON', 'Eve')] });
    await expect(store.restore('b', conflicting, 'merge')).rejects.toBeInstanceOf(VaultConflictError);
    const sameValue = parseVaultSnapshot({ version: 1, scope: 'x', entries: [entry('[REDACTED_PERSON_7]', 'PERSON', 'Bob')] });
    await expect(store.restore('b', sameValue, 'merge')).rejects.toBeInstanceOf(VaultConflictError);
    expect((await store.list('b')).map((e) => e.value)).toEqual(['Bob', 'New']);

    const fine = parseVaultSnapshot({ version: 1, scope: 'x', entries: [entry('[REDACTED_PERSON_2]', 'PERSON', 'Bob'), entry('[REDACTED_EMAIL_ADDRESS_5]', 'EMAIL_ADDRESS', 'c@d.io')] });
    await store.restore('b', fine, 'merge');
    expect(await store.get('b', '[REDACTED_EMAIL_ADDRESS_5]')).toEqual(entry('[REDACTED_EMAIL_ADDRESS_5]', 'EMAIL_ADDRESS', 'c@d.io'));
    expect((await store.getOrCreate('b', 'EMAIL_ADDRESS', 'e@f.io')).placeholder).toBe('[REDACTED_EMAIL_ADDRESS_6]');
  });

  test('keeps scopes apart, whatever their names', async () => {
    const store = kind.create();
    const names = ['a', 'a:b', 'a}:{b', '{a}', 'a\u0000b', 'ä ü 🙂', 'x'.repeat(1000), '../etc', '*', 'a:ph'];
    for (const [i, name] of names.entries()) await store.getOrCreate(name, 'PERSON', `v${i}`);
    for (const [i, name] of names.entries()) {
      expect(await store.list(name)).toEqual([entry('[REDACTED_PERSON_1]', 'PERSON', `v${i}`)]);
    }
    await expect(store.getOrCreate('', 'PERSON', 'v')).rejects.toBeInstanceOf(InvalidVaultArgumentError);
  });

  test('a tenant never reads, finds, lists, removes or restores another tenant\'s values', async () => {
    const base = kind.create();
    const a = base.forTenant('acme');
    const b = base.forTenant('globex');
    const secret = await a.getOrCreate('chat-1', 'EMAIL_ADDRESS', 'ceo@acme.example');
    expect(await b.get('chat-1', secret.placeholder)).toBeUndefined();
    expect(await b.find('chat-1', 'ceo@acme.example')).toBeUndefined();
    expect(await b.list('chat-1')).toEqual([]);
    expect(await b.remove('chat-1', secret.placeholder)).toBe(false);
    expect((await b.snapshot('chat-1')).entries).toEqual([]);
    await b.clear('chat-1');
    expect(await base.list('chat-1')).toEqual([]);
    // Crafted scope names that embed the other tenant do not reach it.
    for (const scope of ['acme:chat-1', '{acme:chat-1}', 'chat-1}', '../acme/chat-1']) {
      expect(await b.get(scope, secret.placeholder)).toBeUndefined();
    }
    // Numbering is per tenant: globex's first address gets number 1 too, without seeing acme's value.
    expect((await b.getOrCreate('chat-1', 'EMAIL_ADDRESS', 'x@globex.example')).placeholder).toBe(secret.placeholder);
    expect(await a.get('chat-1', secret.placeholder)).toEqual(secret);
    expect(a.forTenant('globex').tenant).toBe('globex');
    for (const bad of ['', 'a:b', '{x}', '../x', 'a b', 'x'.repeat(65), '-x']) {
      expect(() => base.forTenant(bad)).toThrow(InvalidVaultArgumentError);
    }
  });

  test('one value spelled with invisible characters, compatibility forms or (e-mail) case gets one placeholder', async () => {
    const store = kind.create();
    const first = await store.getOrCreate('s', 'EMAIL_ADDRESS', 'jo\u200Bhn@example.com');
    for (const spelling of ['john@example.com', 'John@Example.COM', '\uFF4A\uFF4F\uFF48\uFF4E@example.com', 'jo\u00ADhn@exam\u2060ple.com', '\uFEFFjohn@example.com\u200D']) {
      expect(await store.getOrCreate('s', 'EMAIL_ADDRESS', spelling)).toEqual(first);
      expect(await store.find('s', spelling, 'EMAIL_ADDRESS')).toEqual(first);
      expect(await store.find('s', spelling)).toEqual(first);
    }
    // The first spelling is the one kept, exactly as given.
    expect(await store.list('s')).toEqual([entry('[REDACTED_EMAIL_ADDRESS_1]', 'EMAIL_ADDRESS', 'jo\u200Bhn@example.com')]);
    // Case is folded for e-mail addresses only; other types keep it, and values that differ in letters stay apart.
    expect((await store.getOrCreate('s', 'PERSON', 'May')).placeholder).toBe('[REDACTED_PERSON_1]');
    expect((await store.getOrCreate('s', 'PERSON', 'MAY')).placeholder).toBe('[REDACTED_PERSON_2]');
    expect((await store.getOrCreate('s', 'PERSON', 'Ma\u200By')).placeholder).toBe('[REDACTED_PERSON_1]');
    expect((await store.getOrCreate('s', 'EMAIL_ADDRESS', 'jon@example.com')).placeholder).toBe('[REDACTED_EMAIL_ADDRESS_2]');
    // Values made only of invisible characters do not all collapse into one.
    const a = await store.getOrCreate('s', 'CUSTOM', '\u200B');
    const b = await store.getOrCreate('s', 'CUSTOM', '\u200C');
    expect(a.placeholder).not.toBe(b.placeholder);
  });

  test('restore keeps the first of two spellings a snapshot from before canonical identities may hold', async () => {
    const store = kind.create();
    const legacy = parseVaultSnapshot({
      version: 1,
      scope: 'x',
      entries: [entry('[REDACTED_EMAIL_ADDRESS_1]', 'EMAIL_ADDRESS', 'jo\u200Bhn@example.com'), entry('[REDACTED_EMAIL_ADDRESS_2]', 'EMAIL_ADDRESS', 'john@example.com')],
    });
    await store.restore('s', legacy, 'replace');
    // Both placeholders still restore; the value itself now gets the first one.
    expect((await store.get('s', '[REDACTED_EMAIL_ADDRESS_2]'))?.value).toBe('john@example.com');
    expect((await store.getOrCreate('s', 'EMAIL_ADDRESS', 'john@example.com')).placeholder).toBe('[REDACTED_EMAIL_ADDRESS_1]');
    // Merging the same snapshot again changes nothing and is no conflict ...
    await store.restore('s', legacy, 'merge');
    expect(await store.list('s')).toHaveLength(2);
    // ... but a new placeholder for a spelling of a known value is one.
    const another = parseVaultSnapshot({ version: 1, scope: 'x', entries: [entry('[REDACTED_EMAIL_ADDRESS_9]', 'EMAIL_ADDRESS', 'JOHN@example.com')] });
    await expect(store.restore('s', another, 'merge')).rejects.toBeInstanceOf(VaultConflictError);
    const rebound = parseVaultSnapshot({ version: 1, scope: 'x', entries: [entry('[REDACTED_EMAIL_ADDRESS_1]', 'EMAIL_ADDRESS', 'ann@example.com')] });
    await expect(store.restore('s', rebound, 'merge')).rejects.toBeInstanceOf(VaultConflictError);
  });

  test('revision changes exactly when the entries change', async () => {
    const store = kind.create();
    const rev = async (scope = 's') => {
      const r = await store.revision!(scope);
      expect(typeof r).toBe('string');
      return r!;
    };
    const seen = new Set<string>();
    const changed = async () => {
      const r = await rev();
      expect(seen.has(r)).toBe(false);
      seen.add(r);
      return r;
    };
    await changed();
    await store.getOrCreate('s', 'PERSON', 'Ann');
    let current = await changed();
    // Reads, a known value again, another scope and another tenant leave it alone.
    await store.getOrCreate('s', 'PERSON', 'Ann');
    await store.getOrCreate('s', 'PERSON', 'A\u200Bnn');
    await store.list('s');
    await store.find('s', 'Ann');
    await store.getOrCreate('other', 'PERSON', 'Bob');
    await store.forTenant('acme').getOrCreate('s', 'PERSON', 'Cid');
    expect(await store.remove('s', '[REDACTED_PERSON_9]')).toBe(false);
    expect(await rev()).toBe(current);
    await store.getOrCreate('s', 'PERSON', 'Bob');
    current = await changed();
    await store.remove('s', '[REDACTED_PERSON_1]');
    current = await changed();
    // Removing and adding between two reads still shows (same count, new content).
    await store.remove('s', '[REDACTED_PERSON_2]');
    await store.getOrCreate('s', 'PERSON', 'Dan');
    current = await changed();
    await store.restore('s', parseVaultSnapshot({ version: 1, scope: 'x', entries: [entry('[REDACTED_PERSON_7]', 'PERSON', 'Eve')] }), 'merge');
    current = await changed();
    await store.restore('s', parseVaultSnapshot({ version: 1, scope: 'x', entries: [entry('[REDACTED_PERSON_7]', 'PERSON', 'Eve')] }), 'replace');
    current = await changed();
    await store.clear('s');
    const empty = await rev();
    // Filled again after a clear, the scope must not repeat a token it had before.
    await store.getOrCreate('s', 'PERSON', 'Eve');
    expect(seen.has(await rev())).toBe(false);
    expect(await rev()).not.toBe(empty);
    expect(current).not.toBe(await rev());
  });

  test('revision sees a write made through a second instance on the same storage', async () => {
    if (!kind.persistent) return;
    const first = kind.create();
    await first.getOrCreate('s', 'PERSON', 'Ann');
    await first.getOrCreate('quiet', 'PERSON', 'Zed');
    const before = await first.revision!('s');
    const quiet = await first.revision!('quiet');
    await kind.reopen().getOrCreate('s', 'PERSON', 'Bob');
    expect(await first.revision!('s')).not.toBe(before);
    // The other scope of the same storage did not change, and its token says so.
    expect(await first.revision!('quiet')).toBe(quiet);
  });

  test('a second instance on the same storage (restart, replica) sees the same mapping', async () => {
    if (!kind.persistent) return;
    const first = kind.create().forTenant('acme');
    const p = await first.getOrCreate('s', 'PERSON', 'Ann');
    const second: VaultStore = kind.reopen().forTenant('acme');
    expect(await second.get('s', p.placeholder)).toEqual(p);
    expect((await second.getOrCreate('s', 'PERSON', 'Ann')).placeholder).toBe(p.placeholder);
    expect((await second.getOrCreate('s', 'PERSON', 'Bob')).placeholder).toBe('[REDACTED_PERSON_2]');
    expect((await first.find('s', 'Bob'))?.placeholder).toBe('[REDACTED_PERSON_2]');
  });
});

describe('Vault tenant option', () => {
  it('uses the store\'s tenant view and refuses stores without tenants', async () => {
    const [memory] = allKinds();
    const store = memory!.create();
    const acme = new Vault({ store, tenant: 'acme', scope: 'chat' });
    const p = await acme.placeholderFor('PERSON', 'Ann');
    expect(await new Vault({ store, tenant: 'globex', scope: 'chat' }).valueOf(p)).toBeUndefined();
    expect(await acme.scope('chat').valueOf(p)).toBe('Ann');
    expect(await new Vault({ store: store.forTenant('acme'), scope: 'chat' }).valueOf(p)).toBe('Ann');
    const plain: VaultStore = { ...store, getOrCreate: store.getOrCreate.bind(store) } as unknown as VaultStore;
    delete (plain as Partial<TenantVaultStore>).forTenant;
    expect(() => new Vault({ store: plain, tenant: 'acme' })).toThrow(InvalidVaultArgumentError);
    expect(() => new Vault({ store, tenant: 'a:b' })).toThrow(InvalidVaultArgumentError);
  });
});
