/**
 * Small helpers shared by the refinement rules. Every rule returns new findings through `respan`, so `text`
 * always equals `source.slice(start, end)` and each change is explained.
 */
import { partitionPoint } from '../../partition-point.js';
import type { Finding } from '../../types.js';

/** The types a token-classification NER model predicts as names; other types pass refinement untouched. */
export const NAME_TYPES: ReadonlySet<string> = new Set(['PERSON', 'LOCATION', 'ORGANIZATION']);

export const isNameFinding = (f: Finding): boolean => NAME_TYPES.has(f.type);

/** The same finding over another span of `source`, with `note` added to its explanation. */
export function respan(source: string, finding: Finding, start: number, end: number, note: string): Finding {
  if (start === finding.start && end === finding.end) return finding;
  return {
    ...finding,
    start,
    end,
    text: source.slice(start, end),
    explanation: [...(finding.explanation ?? []), note],
  };
}

/** Start of the line holding `at`, looking back at most `reach` characters. */
export function lineStartBefore(source: string, at: number, reach: number): number {
  const from = Math.max(0, at - reach);
  const newline = source.slice(from, at).lastIndexOf('\n');
  return newline === -1 ? from : from + newline + 1;
}

/** End of the line holding `at`, looking ahead at most `reach` characters. */
export function lineEndAfter(source: string, at: number, reach: number): number {
  const to = Math.min(source.length, at + reach);
  const newline = source.slice(at, to).indexOf('\n');
  return newline === -1 ? to : at + newline;
}

/** Score of a name a rule adds from its lists or the text alone: below the model's usual scores, above typical thresholds. */
export const ADDED_NAME_SCORE = 0.65;

/** `findings` with the findings a rule `added` merged in, in text order. */
export function withAdded(findings: readonly Finding[], added: readonly Finding[]): Finding[] {
  if (added.length === 0) return [...findings];
  return [...findings, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
}

export const byStart = (a: Finding, b: Finding): number => a.start - b.start || b.end - a.end;

/**
 * Never two overlapping findings. The model's own spans never overlap; refinement's extensions can make one
 * span contain another ("Izzat Ibrahim al-Douri" around "al-Douri"), and a value inside a value is a part of
 * it, so the containing span is kept. Other overlaps are settled as in Anonymize: higher score, then longer.
 * Sorted by start, a finding that replaces the last kept one starts at or after the end of the one before.
 */
export function withoutOverlaps(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const f of [...findings].sort(byStart)) {
    const last = kept[kept.length - 1];
    if (!last || f.start >= last.end) {
      kept.push(f);
      continue;
    }
    const contains = (a: Finding, b: Finding) => a.start <= b.start && a.end >= b.end;
    if (contains(last, f)) continue;
    if (contains(f, last) || f.score > last.score || (f.score === last.score && f.end - f.start > last.end - last.start)) kept[kept.length - 1] = f;
  }
  return kept;
}

/** Index of the last span in `sorted` (by start) whose start is below `limit`, or -1. */
function lastStartingBefore(sorted: readonly Finding[], limit: number): number {
  return partitionPoint(sorted, (f) => f.start < limit) - 1;
}

/**
 * A test for "does this span overlap any of `spans`" in O(log n) per question, so checks stay linear-ish
 * however many findings a long text has.
 */
export function overlapIndex(spans: readonly Finding[]): (f: Finding) => boolean {
  const sorted = [...spans].sort(byStart);
  const maxEnd: number[] = [];
  for (const [i, s] of sorted.entries()) maxEnd.push(Math.max(s.end, i > 0 ? maxEnd[i - 1]! : 0));
  return (f) => {
    const i = lastStartingBefore(sorted, f.end);
    return i >= 0 && maxEnd[i]! > f.start;
  };
}

/** A test for "is this span inside one of `spans`"; `spans` must not overlap each other. */
export function containmentIndex(spans: readonly Finding[]): (f: Finding) => boolean {
  const sorted = [...spans].sort(byStart);
  return (f) => {
    const i = lastStartingBefore(sorted, f.start + 1);
    return i >= 0 && sorted[i]!.end >= f.end;
  };
}
