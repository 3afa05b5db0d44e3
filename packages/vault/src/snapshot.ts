import { InvalidVaultSnapshotError } from './errors.js';
import { parsePlaceholder } from './placeholder.js';
import type { VaultEntry, VaultSnapshot } from './store.js';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks an untrusted snapshot (object or JSON text) and returns a clean copy.
 * Values are trimmed like Vault trims them; counters are raised to cover every entry.
 * Errors name the entry index, never its value.
 */
export function parseVaultSnapshot(input: unknown): VaultSnapshot {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      // JSON.parse messages quote the input, which may be PII: do not chain them.
      throw new InvalidVaultSnapshotError('snapshot is not valid JSON');
    }
  }
  if (!isRecord(data)) throw new InvalidVaultSnapshotError('snapshot must be an object');
  if (data.version !== 1) throw new InvalidVaultSnapshotError('unsupported snapshot version (expected 1)');
  const scope = data.scope ?? 'default';
  if (typeof scope !== 'string' || scope === '') throw new InvalidVaultSnapshotError('snapshot scope must be a non-empty string');
  if (!Array.isArray(data.entries)) throw new InvalidVaultSnapshotError('snapshot entries must be an array');

  const counters: Record<string, number> = {};
  const placeholders = new Set<string>();
  const identities = new Set<string>();
  const entries: VaultEntry[] = data.entries.map((raw: unknown, i: number) => {
    if (!isRecord(raw)) throw new InvalidVaultSnapshotError(`snapshot entry ${i} must be an object`);
    const { placeholder, type, value } = raw;
    const parsed = typeof placeholder === 'string' ? parsePlaceholder(placeholder) : undefined;
    if (!parsed || typeof placeholder !== 'string') throw new InvalidVaultSnapshotError(`snapshot entry ${i} has an invalid placeholder`);
    if (type !== undefined && type !== parsed.type) throw new InvalidVaultSnapshotError(`snapshot entry ${i}: type does not match its placeholder`);
    if (typeof value !== 'string' || value.trim() === '') throw new InvalidVaultSnapshotError(`snapshot entry ${i} must have a non-empty string value`);
    const trimmed = value.trim();
    if (placeholders.has(placeholder)) throw new InvalidVaultSnapshotError(`snapshot entry ${i} repeats a placeholder`);
    const identity = `${parsed.type}\u0000${trimmed}`;
    if (identities.has(identity)) throw new InvalidVaultSnapshotError(`snapshot entry ${i} repeats a value of the same type`);
    placeholders.add(placeholder);
    identities.add(identity);
    counters[parsed.type] = Math.max(counters[parsed.type] ?? 0, parsed.index);
    return { placeholder, type: parsed.type, value: trimmed };
  });

  if (data.counters !== undefined) {
    if (!isRecord(data.counters)) throw new InvalidVaultSnapshotError('snapshot counters must be an object');
    for (const [type, count] of Object.entries(data.counters)) {
      if (!/^[A-Z][A-Z0-9_]*$/.test(type) || !Number.isSafeInteger(count) || (count as number) < 0) {
        throw new InvalidVaultSnapshotError('snapshot counters must map placeholder types to non-negative integers');
      }
      counters[type] = Math.max(counters[type] ?? 0, count as number);
    }
  }
  return { version: 1, scope, entries, counters };
}
