import type { Finding } from './types.js';

const overlaps = (a: Finding, b: Finding): boolean => a.start < b.end && b.start < a.end;
const length = (f: Finding): number => f.end - f.start;

/**
 * Same-type findings that overlap describe one value seen by two recognizers (or two patterns):
 * their union is redacted so neither part leaks. The merged finding keeps the better one's
 * recognizer and score.
 */
function mergeSameType(findings: Finding[], text: string): Finding[] {
  const byType = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byType.get(f.type);
    if (list) list.push(f);
    else byType.set(f.type, [f]);
  }
  const merged: Finding[] = [];
  for (const list of byType.values()) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let current: Finding | undefined;
    for (const f of list) {
      if (current && f.start < current.end) {
        if (f.end <= current.end && f.score <= current.score) continue;
        const best = f.score > current.score ? f : current;
        const end = Math.max(current.end, f.end);
        current = {
          ...best,
          start: current.start,
          end,
          text: text.slice(current.start, end),
          explanation: [...(best.explanation ?? []), 'merged with an overlapping finding of the same type'],
        };
      } else {
        if (current) merged.push(current);
        current = f;
      }
    }
    if (current) merged.push(current);
  }
  return merged;
}

/** Index of the first accepted span whose start is >= `start` (accepted is sorted by start). */
function lowerBound(accepted: Finding[], start: number): number {
  let lo = 0;
  let hi = accepted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (accepted[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Returns non-overlapping findings sorted by start. Overlapping findings of one type are merged;
 * between types the higher score wins, then the longer span, then the earlier one.
 * `text` is the text the offsets refer to (used to fill in merged spans).
 */
export function resolveOverlaps(findings: Finding[], text: string): Finding[] {
  const candidates = mergeSameType(findings, text).sort(
    (a, b) => b.score - a.score || length(b) - length(a) || a.start - b.start,
  );
  const accepted: Finding[] = [];
  for (const f of candidates) {
    const at = lowerBound(accepted, f.start);
    const before = accepted[at - 1];
    const after = accepted[at];
    if ((before && overlaps(before, f)) || (after && overlaps(after, f))) continue;
    accepted.splice(at, 0, f);
  }
  return accepted;
}

/** Findings that do not overlap any of `spans` (sorted by start, non-overlapping). */
export function withoutOverlapsWith<T extends { start: number; end: number }>(
  findings: T[],
  spans: ReadonlyArray<{ start: number; end: number }>,
): T[] {
  if (spans.length === 0) return findings;
  return findings.filter((f) => {
    let lo = 0;
    let hi = spans.length;
    // First span ending after f starts; f overlaps it iff that span starts before f ends.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (spans[mid]!.end <= f.start) lo = mid + 1;
      else hi = mid;
    }
    const span = spans[lo];
    return !(span && span.start < f.end);
  });
}
