import { VaultConflictError } from './errors.js';
import { formatPlaceholder } from './placeholder.js';
import type { RestoreMode, VaultEntry, VaultSnapshot } from './store.js';

const identityOf = (type: string, value: string): string => `${type}\u0000${value}`;

/**
 * The entries of one vault scope, with synchronous operations. Stores wrap it: because nothing here
 * awaits, each call runs to completion before another starts, which is what makes getOrCreate atomic
 * in a single process.
 */
export class ScopeTable {
  private readonly byPlaceholder = new Map<string, VaultEntry>();
  private readonly byIdentity = new Map<string, VaultEntry>();
  private readonly counters = new Map<string, number>();

  getOrCreate(type: string, value: string): VaultEntry {
    const identity = identityOf(type, value);
    const existing = this.byIdentity.get(identity);
    if (existing) return existing;
    const index = (this.counters.get(type) ?? 0) + 1;
    const entry: VaultEntry = Object.freeze({ placeholder: formatPlaceholder(type, index), type, value });
    this.counters.set(type, index);
    this.byPlaceholder.set(entry.placeholder, entry);
    this.byIdentity.set(identity, entry);
    return entry;
  }

  get(placeholder: string): VaultEntry | undefined {
    return this.byPlaceholder.get(placeholder);
  }

  find(value: string, type?: string): VaultEntry | undefined {
    if (type !== undefined) return this.byIdentity.get(identityOf(type, value));
    for (const entry of this.byPlaceholder.values()) if (entry.value === value) return entry;
    return undefined;
  }

  list(): VaultEntry[] {
    return [...this.byPlaceholder.values()];
  }

  get size(): number {
    return this.byPlaceholder.size;
  }

  remove(placeholder: string): boolean {
    const entry = this.byPlaceholder.get(placeholder);
    if (!entry) return false;
    this.byPlaceholder.delete(placeholder);
    this.byIdentity.delete(identityOf(entry.type, entry.value));
    return true;
  }

  clear(): void {
    this.byPlaceholder.clear();
    this.byIdentity.clear();
    this.counters.clear();
  }

  snapshot(scope: string): VaultSnapshot {
    return {
      version: 1,
      scope,
      entries: this.list().map((e) => ({ placeholder: e.placeholder, type: e.type, value: e.value })),
      counters: Object.fromEntries(this.counters),
    };
  }

  /** `snapshot` must already be validated (parseVaultSnapshot). Checks everything before changing anything. */
  restore(snapshot: VaultSnapshot, mode: RestoreMode): void {
    if (mode === 'merge') {
      snapshot.entries.forEach((entry, i) => {
        const samePlaceholder = this.byPlaceholder.get(entry.placeholder);
        if (samePlaceholder && samePlaceholder.value !== entry.value) {
          throw new VaultConflictError(`snapshot entry ${i}: placeholder is already bound to another value`);
        }
        const sameValue = this.byIdentity.get(identityOf(entry.type, entry.value));
        if (sameValue && sameValue.placeholder !== entry.placeholder) {
          throw new VaultConflictError(`snapshot entry ${i}: value is already bound to another placeholder`);
        }
      });
    } else {
      this.clear();
    }
    for (const { placeholder, type, value } of snapshot.entries) {
      if (this.byPlaceholder.has(placeholder)) continue;
      const entry: VaultEntry = Object.freeze({ placeholder, type, value });
      this.byPlaceholder.set(placeholder, entry);
      this.byIdentity.set(identityOf(type, value), entry);
    }
    for (const [type, count] of Object.entries(snapshot.counters)) {
      this.counters.set(type, Math.max(this.counters.get(type) ?? 0, count));
    }
  }
}
