import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EncryptedFileVaultStore,
  InvalidVaultArgumentError,
  InvalidVaultSnapshotError,
  MemoryVaultStore,
  Vault,
  VaultConflictError,
  parsePlaceholder,
} from './index.js';
import type { VaultStore } from './index.js';
import { redisKind } from '../test/stores.js';

let dir = '';
let files = 0;
// Redis runs when redis-server is on PATH (a real server on 127.0.0.1); otherwise it is left out with a message.
const redis = redisKind();
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'veil-vault-contract-'));
  if (!redis.skip) await redis.setup();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (!redis.skip) await redis.teardown();
});

// Every store must honour the same contract, so the Vault tests run against each of them.
const STORES: Array<[string, () => VaultStore]> = [
  ['memory', () => new MemoryVaultStore()],
  ['encrypted file', () => new EncryptedFileVaultStore({ path: join(dir, `vault-${files++}.json`), passphrase: 'test', cost: { N: 1024 } })],
  ...(redis.skip ? [] : [['redis', () => redis.create()] as [string, () => VaultStore]]),
];

describe.each(STORES)('Vault with the %s store', (_name, makeStore) => {
  describe('Vault placeholders', () => {
    it('numbers per type from 1 in order of creation', async () => {
      const vault = new Vault({ store: makeStore() });
      expect(await vault.placeholderFor('PERSON', 'Ann Lee')).toBe('[REDACTED_PERSON_1]');
      expect(await vault.placeholderFor('EMAIL_ADDRESS', 'ann@example.com')).toBe('[REDACTED_EMAIL_ADDRESS_1]');
      expect(await vault.placeholderFor('PERSON', 'Bob Stone')).toBe('[REDACTED_PERSON_2]');
    });

    it('gives the same trimmed value the same placeholder across calls', async () => {
      const vault = new Vault({ store: makeStore() });
      const first = await vault.placeholderFor('PERSON', 'Ann Lee');
      expect(await vault.placeholderFor('PERSON', '  Ann Lee\n')).toBe(first);
      expect(await vault.placeholderFor('PERSON', 'ann lee')).not.toBe(first);
      expect(await vault.valueOf(first)).toBe('Ann Lee');
    });

    it('keeps a value found as two types under two placeholders', async () => {
      const vault = new Vault({ store: makeStore() });
      const asPerson = await vault.placeholderFor('PERSON', 'Paris');
      const asPlace = await vault.placeholderFor('LOCATION', 'Paris');
      expect(asPerson).toBe('[REDACTED_PERSON_1]');
      expect(asPlace).toBe('[REDACTED_LOCATION_1]');
      expect(await vault.placeholderOf('Paris', 'LOCATION')).toBe(asPlace);
      expect(await vault.placeholderOf('Paris')).toBe(asPerson);
    });

    it('maps free-form type names to valid placeholder types', async () => {
      const vault = new Vault({ store: makeStore() });
      expect(await vault.placeholderFor('employee-id', 'E-1')).toBe('[REDACTED_EMPLOYEE_ID_1]');
      expect(await vault.placeholderFor('9lives', 'cat')).toBe('[REDACTED_X_9LIVES_1]');
    });

    it('looks up both ways and answers undefined for unknown input', async () => {
      const vault = new Vault({ store: makeStore() });
      const p = await vault.placeholderFor('US_SSN', '078-05-1120');
      expect(await vault.valueOf(p)).toBe('078-05-1120');
      expect(await vault.placeholderOf(' 078-05-1120 ')).toBe(p);
      expect(await vault.valueOf('[REDACTED_US_SSN_2]')).toBeUndefined();
      expect(await vault.valueOf('not a placeholder')).toBeUndefined();
      expect(await vault.placeholderOf('unknown')).toBeUndefined();
      expect(await vault.placeholderOf('')).toBeUndefined();
    });

    it('rejects values it cannot store with a typed error that does not echo them', async () => {
      const vault = new Vault({ store: makeStore() });
      await expect(vault.placeholderFor('PERSON', '   ')).rejects.toBeInstanceOf(InvalidVaultArgumentError);
      await expect(vault.placeholderFor('PERSON', 42 as unknown as string)).rejects.toBeInstanceOf(InvalidVaultArgumentError);
      await expect(vault.placeholderFor('', 'x')).rejects.toBeInstanceOf(InvalidVaultArgumentError);
      expect(() => new Vault({ scope: '' })).toThrow(InvalidVaultArgumentError);
    });

    it('lists, removes and clears; a removed number is not reused until clear', async () => {
      const vault = new Vault({ store: makeStore() });
      const a = await vault.placeholderFor('PERSON', 'A');
      const b = await vault.placeholderFor('PERSON', 'B');
      const c = await vault.placeholderFor('EMAIL_ADDRESS', 'c@example.com');
      expect((await vault.entries()).map((e) => e.placeholder)).toEqual([a, b, c]);
      expect(await vault.remove(b)).toBe(true);
      expect(await vault.remove(b)).toBe(false);
      expect(await vault.valueOf(b)).toBeUndefined();
      expect(await vault.placeholderFor('PERSON', 'D')).toBe('[REDACTED_PERSON_3]');
      expect(await vault.placeholderFor('PERSON', 'B')).toBe('[REDACTED_PERSON_4]');
      await vault.clear();
      expect(await vault.entries()).toEqual([]);
      expect(await vault.placeholderFor('PERSON', 'Z')).toBe('[REDACTED_PERSON_1]');
    });
  });

  describe('Vault scopes', () => {
    it('isolates scopes sharing one store', async () => {
      const store = makeStore();
      const alice = new Vault({ store, scope: 'alice' });
      const bob = alice.scope('bob');
      expect(bob.store).toBe(store);
      const pa = await alice.placeholderFor('PERSON', 'Carol');
      const pb = await bob.placeholderFor('PERSON', 'Dave');
      expect(pa).toBe('[REDACTED_PERSON_1]');
      expect(pb).toBe('[REDACTED_PERSON_1]');
      expect(await alice.valueOf(pa)).toBe('Carol');
      expect(await bob.valueOf(pb)).toBe('Dave');
      expect(await bob.placeholderOf('Carol')).toBeUndefined();
      await bob.clear();
      expect(await alice.valueOf(pa)).toBe('Carol');
      // A second Vault object on the same store and scope sees the same entries.
      expect(await new Vault({ store, scope: 'alice' }).valueOf(pa)).toBe('Carol');
    });
  });

  describe('Vault export and import', () => {
    it('round-trips through JSON text', async () => {
      const vault = new Vault({ store: makeStore(), scope: 'chat-1' });
      await vault.placeholderFor('PERSON', 'Ann');
      await vault.placeholderFor('PERSON', 'Ben');
      await vault.placeholderFor('IP_ADDRESS', '10.0.0.1');
      await vault.remove('[REDACTED_PERSON_2]');
      const json = JSON.stringify(await vault.export());

      const copy = Vault.fromJSON(json);
      expect(copy.scopeName).toBe('chat-1');
      expect(await copy.entries()).toEqual(await vault.entries());
      expect(await copy.placeholderFor('PERSON', 'Ann')).toBe('[REDACTED_PERSON_1]');
      // The counter travels too: PERSON_2 was removed and stays retired.
      expect(await copy.placeholderFor('PERSON', 'Cid')).toBe('[REDACTED_PERSON_3]');

      const other = new Vault({ store: makeStore() });
      await other.placeholderFor('URL', 'https://example.com');
      await other.import(JSON.parse(json));
      expect(await other.entries()).toEqual(await vault.entries());
    });

    it('merges compatible snapshots and refuses conflicting ones without changing anything', async () => {
      const vault = new Vault({ store: makeStore() });
      await vault.placeholderFor('PERSON', 'Ann');
      await vault.import(
        { version: 1, scope: 'x', entries: [{ placeholder: '[REDACTED_PERSON_1]', type: 'PERSON', value: 'Ann' }, { placeholder: '[REDACTED_PERSON_5]', type: 'PERSON', value: 'Eve' }] },
        { mode: 'merge' },
      );
      expect(await vault.valueOf('[REDACTED_PERSON_5]')).toBe('Eve');
      expect(await vault.placeholderFor('PERSON', 'New')).toBe('[REDACTED_PERSON_6]');

      const before = await vault.entries();
      const clash = { version: 1, scope: 'x', entries: [{ placeholder: '[REDACTED_PERSON_9]', type: 'PERSON', value: 'Zed' }, { placeholder: '[REDACTED_PERSON_1]', type: 'PERSON', value: 'Other' }] };
      await expect(vault.import(clash, { mode: 'merge' })).rejects.toBeInstanceOf(VaultConflictError);
      const twice = { version: 1, scope: 'x', entries: [{ placeholder: '[REDACTED_PERSON_7]', type: 'PERSON', value: 'Ann' }] };
      await expect(vault.import(twice, { mode: 'merge' })).rejects.toBeInstanceOf(VaultConflictError);
      expect(await vault.entries()).toEqual(before);
    });

    it.each([
      ['not JSON', '{"version":1, secret-value'],
      ['wrong version', { version: 2, entries: [] }],
      ['entries not an array', { version: 1, entries: {} }],
      ['bad placeholder', { version: 1, entries: [{ placeholder: 'PERSON_1', value: 'x' }] }],
      ['type mismatch', { version: 1, entries: [{ placeholder: '[REDACTED_PERSON_1]', type: 'URL', value: 'x' }] }],
      ['empty value', { version: 1, entries: [{ placeholder: '[REDACTED_PERSON_1]', value: ' ' }] }],
      ['duplicate placeholder', { version: 1, entries: [{ placeholder: '[REDACTED_PERSON_1]', value: 'a' }, { placeholder: '[REDACTED_PERSON_1]', value: 'b' }] }],
      ['duplicate value', { version: 1, entries: [{ placeholder: '[REDACTED_PERSON_1]', value: 'a' }, { placeholder: '[REDACTED_PERSON_2]', value: 'a' }] }],
      ['bad counters', { version: 1, entries: [], counters: { PERSON: -1 } }],
      ['null', null],
    ])('rejects a snapshot with %s', async (_label, snapshot) => {
      const vault = new Vault({ store: makeStore() });
      await expect(vault.import(snapshot)).rejects.toBeInstanceOf(InvalidVaultSnapshotError);
      expect(() => Vault.fromJSON(snapshot)).toThrow(InvalidVaultSnapshotError);
    });

    it('keeps values out of snapshot error messages', () => {
      const secret = 'ann.secret@example.com';
      try {
        Vault.fromJSON(`{"version":1,"entries":[{"placeholder":"[REDACTED_X_1]","value":"${secret}"},{"placeholder":"[REDACTED_X_1]","value":"${secret}"}]}`);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidVaultSnapshotError);
        expect(String((e as Error).message)).not.toContain(secret);
      }
      try {
        Vault.fromJSON(`{"value":"${secret}" oops`);
        expect.unreachable();
      } catch (e) {
        expect((e as Error).message).not.toContain(secret);
        expect((e as Error).cause).toBeUndefined();
      }
    });
  });

  describe('Vault concurrency', () => {
    it('never gives one placeholder to two values under 200 concurrent calls', async () => {
      const vault = new Vault({ store: makeStore() });
      const values = Array.from({ length: 200 }, (_, i) => ({ type: i % 3 === 0 ? 'EMAIL_ADDRESS' : 'PERSON', value: `value-${i % 37}` }));
      const placeholders = await Promise.all(values.map(({ type, value }) => vault.placeholderFor(type, value)));

      const valueByPlaceholder = new Map<string, string>();
      const placeholderByKey = new Map<string, string>();
      values.forEach(({ type, value }, i) => {
        const p = placeholders[i]!;
        expect(parsePlaceholder(p)?.type).toBe(type);
        const known = valueByPlaceholder.get(p);
        if (known !== undefined) expect(known).toBe(value);
        valueByPlaceholder.set(p, value);
        const key = `${type}|${value}`;
        const knownP = placeholderByKey.get(key);
        if (knownP !== undefined) expect(knownP).toBe(p);
        placeholderByKey.set(key, p);
      });
      const entries = await vault.entries();
      expect(entries).toHaveLength(placeholderByKey.size);
      for (const e of entries) expect(valueByPlaceholder.get(e.placeholder)).toBe(e.value);
      // Numbers per type are exactly 1..n with no gaps or repeats.
      for (const type of ['PERSON', 'EMAIL_ADDRESS']) {
        const numbers = entries.filter((e) => e.type === type).map((e) => parsePlaceholder(e.placeholder)!.index).sort((a, b) => a - b);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }
    });
  });
});
