import { ScopeTable } from './scope-table.js';
import { DEFAULT_TENANT, checkScope, checkTenant } from './key-provider.js';
import type { RestoreMode, TenantVaultStore, VaultEntry, VaultSnapshot } from './store.js';

/** Keeps every scope in process memory; the default store. Lost when the process ends. */
export class MemoryVaultStore implements TenantVaultStore {
  readonly tenant: string;
  private readonly tenants: Map<string, Map<string, ScopeTable>>;
  private readonly scopes: Map<string, ScopeTable>;

  constructor(options: { tenant?: string } = {}, shared?: Map<string, Map<string, ScopeTable>>) {
    this.tenant = checkTenant(options.tenant ?? DEFAULT_TENANT);
    this.tenants = shared ?? new Map();
    let scopes = this.tenants.get(this.tenant);
    if (!scopes) {
      scopes = new Map();
      this.tenants.set(this.tenant, scopes);
    }
    this.scopes = scopes;
  }

  /** Another tenant's view of the same memory; tenants never see each other's scopes. */
  forTenant(tenant: string): MemoryVaultStore {
    return new MemoryVaultStore({ tenant }, this.tenants);
  }

  private table(scope: string): ScopeTable {
    checkScope(scope);
    let table = this.scopes.get(scope);
    if (!table) {
      table = new ScopeTable();
      this.scopes.set(scope, table);
    }
    return table;
  }

  async getOrCreate(scope: string, type: string, value: string): Promise<VaultEntry> {
    return this.table(scope).getOrCreate(type, value);
  }

  async get(scope: string, placeholder: string): Promise<VaultEntry | undefined> {
    return this.scopes.get(scope)?.get(placeholder);
  }

  async find(scope: string, value: string, type?: string): Promise<VaultEntry | undefined> {
    return this.scopes.get(scope)?.find(value, type);
  }

  async list(scope: string): Promise<VaultEntry[]> {
    return this.scopes.get(scope)?.list() ?? [];
  }

  async revision(scope: string): Promise<string> {
    // A missing scope is empty, and 0 is the revision of a table that never held an entry.
    return String(this.scopes.get(scope)?.revision ?? 0);
  }

  async remove(scope: string, placeholder: string): Promise<boolean> {
    return this.scopes.get(scope)?.remove(placeholder) ?? false;
  }

  async clear(scope: string): Promise<void> {
    this.scopes.delete(scope);
  }

  async snapshot(scope: string): Promise<VaultSnapshot> {
    return (this.scopes.get(scope) ?? new ScopeTable()).snapshot(scope);
  }

  async restore(scope: string, snapshot: VaultSnapshot, mode: RestoreMode): Promise<void> {
    this.table(scope).restore(snapshot, mode);
  }

  /** Synchronous replace, so `Vault.fromJSON` can return a ready Vault. */
  restoreSync(scope: string, snapshot: VaultSnapshot): void {
    this.table(scope).restore(snapshot, 'replace');
  }
}
