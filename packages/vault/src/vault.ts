import { InvalidVaultArgumentError } from './errors.js';
import { MemoryVaultStore } from './memory-store.js';
import { parsePlaceholder, toPlaceholderType } from './placeholder.js';
import { parseVaultSnapshot } from './snapshot.js';
import type { RestoreMode, TenantVaultStore, VaultEntry, VaultSnapshot, VaultStore } from './store.js';

export interface VaultOptions {
  /** Where entries live; defaults to a fresh MemoryVaultStore. */
  store?: VaultStore;
  /** Scope name; placeholders and values of one scope are invisible to the others. Default `default`. */
  scope?: string;
  /**
   * Tenant whose entries this Vault uses: the store's `forTenant(tenant)` view (every bundled store has one).
   * Tenants never see each other's values. Default: the store's own tenant (`default`).
   */
  tenant?: string;
}

export const DEFAULT_SCOPE = 'default';

function checkValue(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidVaultArgumentError('value must be a string');
  const trimmed = value.trim();
  if (trimmed === '') throw new InvalidVaultArgumentError('value must not be empty or only whitespace');
  return trimmed;
}

function checkType(type: unknown): string {
  if (typeof type !== 'string') throw new InvalidVaultArgumentError('entity type must be a string');
  try {
    return toPlaceholderType(type);
  } catch {
    throw new InvalidVaultArgumentError('entity type must not be empty');
  }
}

/**
 * Maps placeholders such as `[REDACTED_PERSON_1]` to original values within one scope.
 * The same value (trimmed, compared by `canonicalValue`) of the same type always gets the same placeholder in a
 * scope, and the placeholder restores to the first spelling seen;
 * numbering is per type from 1 in order of creation. A Vault holds no state of its own:
 * everything lives in its store, so any number of Vaults (and concurrent scans) can share one.
 */
export class Vault {
  readonly store: VaultStore;
  readonly scopeName: string;

  constructor(options: VaultOptions = {}) {
    let store: VaultStore = options.store ?? new MemoryVaultStore();
    if (options.tenant !== undefined) {
      const forTenant = (store as Partial<TenantVaultStore>).forTenant;
      if (typeof forTenant !== 'function') throw new InvalidVaultArgumentError('this store has no tenants (no forTenant method)');
      store = forTenant.call(store, options.tenant);
    }
    this.store = store;
    const scope = options.scope ?? DEFAULT_SCOPE;
    if (typeof scope !== 'string' || scope === '') throw new InvalidVaultArgumentError('scope must be a non-empty string');
    this.scopeName = scope;
  }

  /** Same store, another scope (e.g. one per conversation or tenant). */
  scope(name: string): Vault {
    return new Vault({ store: this.store, scope: name });
  }

  /** Returns the placeholder for `value`, creating it if this scope has none yet. */
  async placeholderFor(type: string, value: string): Promise<string> {
    const entry = await this.store.getOrCreate(this.scopeName, checkType(type), checkValue(value));
    return entry.placeholder;
  }

  /** Original value of a placeholder, or undefined if this scope does not know it. */
  async valueOf(placeholder: string): Promise<string | undefined> {
    if (typeof placeholder !== 'string' || !parsePlaceholder(placeholder)) return undefined;
    return (await this.store.get(this.scopeName, placeholder))?.value;
  }

  /** Placeholder already given to `value` (of `type` when given), without creating one. */
  async placeholderOf(value: string, type?: string): Promise<string | undefined> {
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    const entry = await this.store.find(this.scopeName, value.trim(), type === undefined ? undefined : checkType(type));
    return entry?.placeholder;
  }

  /** All entries of this scope in creation order. */
  async entries(): Promise<VaultEntry[]> {
    return this.store.list(this.scopeName);
  }

  /**
   * A token that changes whenever this scope's entries change, cheap to read (no value is decrypted). Equal tokens
   * mean equal entries, so Deanonymize can keep its matcher. Undefined when the store has no revisions.
   */
  async revision(): Promise<string | undefined> {
    if (typeof this.store.revision !== 'function') return undefined;
    return this.store.revision(this.scopeName);
  }

  /** Forgets one placeholder; its number is not handed out again. Returns whether it existed. */
  async remove(placeholder: string): Promise<boolean> {
    if (typeof placeholder !== 'string') return false;
    return this.store.remove(this.scopeName, placeholder);
  }

  /** Forgets every entry of this scope and restarts numbering. */
  async clear(): Promise<void> {
    await this.store.clear(this.scopeName);
  }

  /** JSON-serialisable copy of this scope. */
  async export(): Promise<VaultSnapshot> {
    return this.store.snapshot(this.scopeName);
  }

  /**
   * Loads a snapshot (object or JSON text) into this scope, whatever scope it was exported from.
   * `replace` (default) drops current entries; `merge` keeps them and fails with VaultConflictError,
   * changing nothing, if the snapshot disagrees with them. Bad snapshots throw InvalidVaultSnapshotError.
   */
  async import(snapshot: VaultSnapshot | string | unknown, options: { mode?: RestoreMode } = {}): Promise<void> {
    const mode = options.mode ?? 'replace';
    if (mode !== 'replace' && mode !== 'merge') throw new InvalidVaultArgumentError('import mode must be "replace" or "merge"');
    await this.store.restore(this.scopeName, parseVaultSnapshot(snapshot), mode);
  }

  /** A new in-memory Vault holding a snapshot; its scope is the snapshot's unless `scope` is given. */
  static fromJSON(snapshot: VaultSnapshot | string | unknown, options: { scope?: string } = {}): Vault {
    const parsed = parseVaultSnapshot(snapshot);
    const store = new MemoryVaultStore();
    const scope = options.scope ?? parsed.scope;
    store.restoreSync(scope, parsed);
    return new Vault({ store, scope });
  }
}
