import { identityOf } from './canonical.js';
import { VaultConflictError } from './errors.js';
import { formatPlaceholder } from './placeholder.js';
import type { RestoreMode, VaultEntry, VaultSnapshot } from './store.js';

/**
 * One counter for every table of the process, so a revision number is never reused: not by another scope, not by
 * a scope cleared and filled again. Equal revisions therefore mean equal entries, which is what lets a reader
 * (Deanonymize) keep what it built from them.
 */
let lastRevision = 0;
const nextRevision = (): number => ++lastRevision;

/**
 * The entries of one vault scope, with synchronous operations. Stores wrap it: because nothing here
 * awaits, each call runs to completion before another starts, which is what makes getOrCreate atomic
 * in a single process.
 */
export class ScopeTable {
  private readonly byPlaceholder = new Map<string, VaultEntry>();
  private readonly byIdentity = new Map<string, VaultEntry>();
  /** Identity (type and canonical value) of each entry, by placeholder; computed once per entry. */
  private readonly identities = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  /**
   * Changes whenever the entries change; 0 only while the table has never held an entry (so 0 means empty).
   * Counter-only changes leave it alone: nothing that reads entries depends on them.
   */
  get revision(): number {
    return this.rev;
  }
  private rev = 0;

  getOrCreate(type: string, value: string): VaultEntry {
    const identity = identityOf(type, value);
    const existing = this.byIdentity.get(identity);
    if (existing) return existing;
    const index = (this.counters.get(type) ?? 0) + 1;
    const entry: VaultEntry = Object.freeze({ placeholder: formatPlaceholder(type, index), type, value });
    this.counters.set(type, index);
    this.add(entry, identity);
    this.rev = nextRevision();
    return entry;
  }

  private add(entry: VaultEntry, identity: string): void {
    this.byPlaceholder.set(entry.placeholder, entry);
    this.identities.set(entry.placeholder, identity);
    // First wins: a vault written before identities were canonical may hold two spellings of one value, and the
    // earlier one keeps receiving that value from then on.
    if (!this.byIdentity.has(identity)) this.byIdentity.set(identity, entry);
  }

  get(placeholder: string): VaultEntry | undefined {
    return this.byPlaceholder.get(placeholder);
  }

  find(value: string, type?: string): VaultEntry | undefined {
    if (type !== undefined) return this.byIdentity.get(identityOf(type, value));
    // The canonical form depends on the type, so the value's identity is worked out once per type met.
    const wanted = new Map<string, string>();
    for (const entry of this.byPlaceholder.values()) {
      let identity = wanted.get(entry.type);
      if (identity === undefined) wanted.set(entry.type, (identity = identityOf(entry.type, value)));
      if (this.identities.get(entry.placeholder) === identity) return entry;
    }
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
    const identity = this.identities.get(placeholder)!;
    this.byPlaceholder.delete(placeholder);
    this.identities.delete(placeholder);
    if (this.byIdentity.get(identity) === entry) this.byIdentity.delete(identity);
    this.rev = nextRevision();
    return true;
  }

  clear(): void {
    if (this.byPlaceholder.size > 0) this.rev = nextRevision();
    this.byPlaceholder.clear();
    this.identities.clear();
    this.byIdentity.clear();
    this.counters.clear();
  }

  /** An independent copy with the same revision: same entries, so whatever was built from them still holds. */
  clone(): ScopeTable {
    const copy = new ScopeTable();
    for (const [placeholder, entry] of this.byPlaceholder) copy.add(entry, this.identities.get(placeholder)!);
    for (const [type, count] of this.counters) copy.counters.set(type, count);
    copy.rev = this.rev;
    return copy;
  }

  /**
   * Takes over `previous`'s revision when this table, read again from storage, holds the same entries: a change
   * elsewhere in the file must not look like a change of this scope.
   */
  continueFrom(previous: ScopeTable | undefined): void {
    if (previous && this.sameEntries(previous)) this.rev = previous.rev;
  }

  /** Whether both tables hold the same entries in the same order (what `revision` stands for). */
  private sameEntries(other: ScopeTable): boolean {
    if (other.byPlaceholder.size !== this.byPlaceholder.size) return false;
    const theirs = other.byPlaceholder.values();
    for (const mine of this.byPlaceholder.values()) {
      const their = theirs.next().value as VaultEntry;
      if (mine.placeholder !== their.placeholder || mine.type !== their.type || mine.value !== their.value) return false;
    }
    return true;
  }

  snapshot(scope: string): VaultSnapshot {
    return {
      version: 1,
      scope,
      entries: this.list().map((e) => ({ placeholder: e.placeholder, type: e.type, value: e.value })),
      counters: Object.fromEntries(this.counters),
    };
  }

  /**
   * `snapshot` must already be validated (parseVaultSnapshot). Checks everything before changing anything.
   * Values are compared by identity (canonical form): a placeholder the store already holds for another spelling
   * of the same value is the same entry, not a conflict.
   */
  restore(snapshot: VaultSnapshot, mode: RestoreMode): void {
    const identities = snapshot.entries.map((e) => identityOf(e.type, e.value));
    if (mode === 'merge') {
      snapshot.entries.forEach((entry, i) => {
        const samePlaceholder = this.byPlaceholder.get(entry.placeholder);
        if (samePlaceholder) {
          if (this.identities.get(entry.placeholder) !== identities[i]) {
            throw new VaultConflictError(`snapshot entry ${i}: placeholder is already bound to another value`);
          }
          return;
        }
        if (this.byIdentity.has(identities[i]!)) {
          throw new VaultConflictError(`snapshot entry ${i}: value is already bound to another placeholder`);
        }
      });
    } else {
      this.clear();
    }
    let added = false;
    snapshot.entries.forEach(({ placeholder, type, value }, i) => {
      if (this.byPlaceholder.has(placeholder)) return;
      this.add(Object.freeze({ placeholder, type, value }), identities[i]!);
      added = true;
    });
    if (added) this.rev = nextRevision();
    for (const [type, count] of Object.entries(snapshot.counters)) {
      this.counters.set(type, Math.max(this.counters.get(type) ?? 0, count));
    }
  }
}
