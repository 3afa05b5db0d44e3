/**
 * Small helpers shared by the refinement rules. Every rule returns new findings through `respan`, so `text`
 * always equals `source.slice(start, end)` and each change is explained.
 */
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

/** What separates tokens: white space, the commas, quotes and brackets of CSV rows and lists, `=` of logs. */
const DELIMITER = /[\s,;|"“”()[\]{}<>«»=]/u;
const isDelimiter = (ch: string | undefined): boolean => ch !== undefined && DELIMITER.test(ch);

/** Bounds of the token around offset `at` (a position inside the token). */
export function tokenAround(source: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !isDelimiter(source[start - 1])) start--;
  let end = at;
  while (end < source.length && !isDelimiter(source[end])) end++;
  return { start, end };
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
