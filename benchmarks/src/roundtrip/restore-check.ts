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
    // Neighbouring literal text only, and only the half nearer to this occurrence when another placeholder
    // shares the literal: damage next to one placeholder must not count against its neighbour.
    const left = literal(i - 1);
    const right = literal(i + 1);
    const leftShared = segments[i - 2]?.kind === 'placeholder';
    const rightShared = segments[i + 2]?.kind === 'placeholder';
    const before = left.slice(left.length - Math.min(CONTEXT, leftShared ? Math.floor(left.length / 2) : left.length));
    const after = right.slice(0, Math.min(CONTEXT, rightShared ? Math.floor(right.length / 2) : right.length));
    if (restoredText.includes(before + value + after)) restored++;
  }
  return { placed, restored, mangled };
}
