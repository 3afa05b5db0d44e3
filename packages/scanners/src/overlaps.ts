import { partitionPoint } from './partition-point.js';
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
const lowerBound = (accepted: Finding[], start: number): number => partitionPoint(accepted, (a) => a.start < start);

/**
 * The score each finding competes with: a finding that wholly contains a shorter finding of another type ranks
 * just above it, because it names the whole value (an e-mail address around a name, a URL around a company) while
 * the other sees a piece. Ranks, not removals: if the container then loses to a third finding, the piece it
 * contained still competes on its own, so nothing is left unredacted by this rule.
 */
function competingScores(findings: Finding[]): Map<Finding, number> {
  const rank = new Map<Finding, number>(findings.map((f) => [f, f.score]));
  const byStart = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  for (let i = 0; i < byStart.length; i++) {
    const outer = byStart[i]!;
    for (let j = i + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
      const inner = byStart[j]!;
      if (inner.end <= outer.end && inner.type !== outer.type && length(inner) < length(outer)) {
        rank.set(outer, Math.max(rank.get(outer)!, inner.score + 1e-6));
      }
    }
  }
  return rank;
}

/**
 * Returns non-overlapping findings sorted by start. Overlapping findings of one type are merged;
 * between types a finding that contains another wins over it, otherwise the higher score wins, then the
 * longer span, then the earlier one. `text` is the text the offsets refer to (used to fill in merged spans).
 */
export function resolveOverlaps(findings: Finding[], text: string): Finding[] {
  const merged = mergeSameType(findings, text);
  const rank = competingScores(merged);
  const candidates = merged.sort(
    (a, b) => rank.get(b)! - rank.get(a)! || length(b) - length(a) || a.start - b.start,
  );
  const accepted: Finding[] = [];
  const rejected: Finding[] = [];
  for (const f of candidates) {
    const at = lowerBound(accepted, f.start);
    const before = accepted[at - 1];
    const after = accepted[at];
    if ((before && overlaps(before, f)) || (after && overlaps(after, f))) rejected.push(f);
    else accepted.splice(at, 0, f);
  }
  for (const f of rejected) coverLoser(accepted, f, text);
  return accepted;
}

/**
 * A finding that lost to overlapping winners must not come back in pieces: if part of it is not covered by
 * them (a model's LOCATION over "Said 3782" and a card over "3782 822463 10005"), it and the winners it
 * touches are merged into one finding over their union, of the best winner's type and score.
 */
function coverLoser(accepted: Finding[], f: Finding, text: string): void {
  let lo = lowerBound(accepted, f.start);
  if (lo > 0 && accepted[lo - 1]!.end > f.start) lo--;
  let hi = lo;
  let covered = f.start;
  let best: Finding | undefined;
  while (hi < accepted.length && accepted[hi]!.start < f.end) {
    const a = accepted[hi]!;
    // Whitespace between two winners is not part of any value.
    if (a.start > covered && /\S/.test(text.slice(covered, a.start))) break;
    covered = Math.max(covered, a.end);
    hi++;
  }
  if (covered >= f.end) return;
  // Part of f is uncovered: take every winner it overlaps into the union.
  hi = lo;
  while (hi < accepted.length && accepted[hi]!.start < f.end) {
    const a = accepted[hi]!;
    if (!best || a.score > best.score) best = a;
    hi++;
  }
  if (!best) return;
  const start = Math.min(f.start, accepted[lo]!.start);
  const end = Math.max(f.end, accepted[hi - 1]!.end);
  accepted.splice(lo, hi - lo, {
    ...best,
    start,
    end,
    text: text.slice(start, end),
    explanation: [...(best.explanation ?? []), `merged with an overlapping ${f.type} finding so no part of it is left`],
  });
}

/** Findings that do not overlap any of `spans` (sorted by start, non-overlapping). */
export function withoutOverlapsWith<T extends { start: number; end: number }>(
  findings: T[],
  spans: ReadonlyArray<{ start: number; end: number }>,
): T[] {
  if (spans.length === 0) return findings;
  return findings.filter((f) => {
    // First span ending after f starts; f overlaps it iff that span starts before f ends.
    const span = spans[partitionPoint(spans, (s) => s.end <= f.start)];
    return !(span && span.start < f.end);
  });
}
