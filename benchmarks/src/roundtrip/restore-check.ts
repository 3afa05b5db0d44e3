import type { Segment } from './stand-in-model.js';

export interface RestoreCount {
  placed: number;
  restored: number;
  mangled: number;
}

/** Characters of surrounding text that must come back unchanged around a restored value. */
const CONTEXT = 16;

/**
 * Counts, per placeholder occurrence in the model's answer, whether its original value came back in its place:
 * the restored text must contain the value with the neighbouring literal text intact on both sides. Each
 * occurrence is judged on its own, so one damaged spot does not spoil the rest.
 */
export function countRestored(
  segments: readonly Segment[],
  restoredText: string,
  valueOf: (placeholder: string) => string | undefined,
): RestoreCount {
  const literal = (i: number) => {
    const s = segments[i];
    return s?.kind === 'text' ? s.text : '';
  };
  let placed = 0;
  let restored = 0;
  let mangled = 0;
  for (const [i, seg] of segments.entries()) {
    if (seg.kind !== 'placeholder') continue;
    placed++;
    if (seg.mangling) mangled++;
    const value = valueOf(seg.placeholder);
    if (value === undefined) continue;
    // Neighbouring literal text only: a neighbouring placeholder is judged on its own.
    const before = literal(i - 1).slice(-CONTEXT);
    const after = literal(i + 1).slice(0, CONTEXT);
    if (restoredText.includes(before + value + after)) restored++;
  }
  return { placed, restored, mangled };
}
