/** One placeholder and the original value it stands for. */
export interface VaultEntry {
  placeholder: string;
  /** Placeholder type, e.g. `PERSON` (upper-case letters, digits, underscores). */
  type: string;
  value: string;
}

/** JSON form of one vault scope; what `Vault.export()` returns and `Vault.import()` takes. */
export interface VaultSnapshot {
  version: 1;
  scope: string;
  /** In creation order. */
  entries: VaultEntry[];
  /**
   * Highest number handed out per type. Kept so a removed placeholder's number is never reused:
   * a model answer that still mentions it must not be restored to a different value.
   */
  counters: Record<string, number>;
}

export type RestoreMode = 'replace' | 'merge';

/**
 * Where a Vault keeps its entries. Every method is async so a persistent or shared store
 * (file, Redis, database) can replace the in-memory one without touching the scanners.
 *
 * Identity of an entry within a scope is (type, canonical value): `identityOf` in canonical.ts, so spellings that
 * differ only by invisible characters, compatibility forms or (e-mail) case share one entry, which keeps the first
 * spelling. Values arrive already trimmed by Vault.
 * Implementations must make `getOrCreate` atomic: two concurrent callers must never receive one
 * placeholder for two values, nor two placeholders for one identity.
 */
export interface VaultStore {
  getOrCreate(scope: string, type: string, value: string): Promise<VaultEntry>;
  get(scope: string, placeholder: string): Promise<VaultEntry | undefined>;
  /** First entry (creation order) holding `value`, restricted to `type` when given. */
  find(scope: string, value: string, type?: string): Promise<VaultEntry | undefined>;
  /** Entries in creation order. */
  list(scope: string): Promise<VaultEntry[]>;
  remove(scope: string, placeholder: string): Promise<boolean>;
  clear(scope: string): Promise<void>;
  snapshot(scope: string): Promise<VaultSnapshot>;
  /**
   * Loads an already validated snapshot into `scope`. `replace` drops what was there; `merge` keeps it
   * and throws VaultConflictError (changing nothing) if an entry disagrees with an existing one.
   */
  restore(scope: string, snapshot: VaultSnapshot, mode: RestoreMode): Promise<void>;
  /**
   * A token that changes whenever the scope's entries change (create, remove, clear, restore, expiry, another
   * process's write) and is cheap to read. Equal tokens from one store mean equal entries, so a reader may keep
   * whatever it built from `list()` while the token stays the same. Undefined when the store cannot tell.
   * Optional: a store without it simply gets no such caching.
   */
  revision?(scope: string): Promise<string | undefined>;
}

/**
 * A store that keeps tenants apart. The instance itself serves one tenant (`tenant`); `forTenant` returns a view
 * of the same backing storage for another tenant. No operation of one tenant's view can read, find, list,
 * remove or restore another tenant's entries, whatever scope name or placeholder it is given.
 */
export interface TenantVaultStore extends VaultStore {
  readonly tenant: string;
  forTenant(tenant: string): TenantVaultStore;
}
