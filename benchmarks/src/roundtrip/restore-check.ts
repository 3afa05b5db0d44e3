import type { Segment } from './stand-in-model.js';

export interface RestoreCount {
  placed: number;
  restored: number;
  mangled: number;
}

/**
 * Walks the model's answer segment by segment through the restored text: literal text must come through
 * unchanged, and each placeholder occurrence counts as restored only if its original value stands in its place.
 */
export function countRestored(
  segments: readonly Segment[],
  restoredText: string,
  valueOf: (placeholder: string) => string | undefined,
): RestoreCount {
  let cursor = 0;
  let placed = 0;
  let restored = 0;
  let mangled = 0;
  for (const [i, seg] of segments.entries()) {
    if (seg.kind === 'text') {
      if (restoredText.startsWith(seg.text, cursor)) cursor += seg.text.length;
      else {
        const found = restoredText.indexOf(seg.text, cursor);
        if (found >= 0) cursor = found + seg.text.length;
      }
      continue;
    }
    placed++;
    if (seg.mangling) mangled++;
    const value = valueOf(seg.placeholder);
    if (value !== undefined && restoredText.startsWith(value, cursor)) {
      const next = segments[i + 1];
      // The value must be followed by the next literal piece, else the restoration spilled over.
      if (!next || next.kind !== 'text' || restoredText.startsWith(next.text, cursor + value.length)) {
        restored++;
        cursor += value.length;
        continue;
      }
    }
    // Not restored: skip ahead to where the next literal piece resumes.
    const next = segments[i + 1];
    if (next?.kind === 'text') {
      const found = restoredText.indexOf(next.text, cursor);
      if (found >= 0) cursor = found;
    }
  }
  return { placed, restored, mangled };
}
