import { expect } from 'vitest';

/**
 * Asserts that concurrent `getOrCreate` results form a one-to-one mapping: no placeholder for two values, no two
 * placeholders for one value. Returns the mapping, placeholder -> value.
 */
export function expectOneToOne(results: ReadonlyArray<{ placeholder: string; value: string }>): Map<string, string> {
  const byValue = new Map<string, string>();
  const byPlaceholder = new Map<string, string>();
  for (const r of results) {
    expect(byValue.get(r.value) ?? r.placeholder).toBe(r.placeholder);
    expect(byPlaceholder.get(r.placeholder) ?? r.value).toBe(r.value);
    byValue.set(r.value, r.placeholder);
    byPlaceholder.set(r.placeholder, r.value);
  }
  expect(byValue.size).toBe(byPlaceholder.size);
  return byPlaceholder;
}
