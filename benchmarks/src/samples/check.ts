import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseJsonl, SAMPLE_LABELS } from './dataset.js';

/**
 * Labelling check for datasets in the DESIGN.md format. It reports problems by document id, span
 * index and offsets only: span values are personal data (even made-up ones) and stay out of messages.
 *
 *   pnpm exec tsx benchmarks/src/samples/check.ts [FILE.jsonl]
 */
export interface LabelIssue {
  id: string;
  span?: number;
  kind:
    | 'record'
    | 'duplicate-id'
    | 'text'
    | 'span-shape'
    | 'out-of-range'
    | 'label'
    | 'text-mismatch'
    | 'whitespace'
    | 'unsorted'
    | 'overlap';
  message: string;
}

export interface CheckOptions {
  /** Labels accepted; defaults to SAMPLE_LABELS, the types Veil detects. */
  labels?: readonly string[];
}

export interface DatasetSummary {
  documents: number;
  characters: number;
  minLength: number;
  maxLength: number;
  spansPerLabel: Record<string, number>;
  documentsPerGenre: Record<string, number>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

const OUTER_WHITESPACE = /^\s|\s$/u;

/** Checks every record; returns all problems found (an empty list means the labels are consistent). */
export function checkDocuments(records: readonly unknown[], options: CheckOptions = {}): LabelIssue[] {
  const labels = new Set<string>(options.labels ?? SAMPLE_LABELS);
  const issues: LabelIssue[] = [];
  const ids = new Set<string>();
  records.forEach((record, index) => {
    const fallbackId = `#${index + 1}`;
    if (!isRecord(record) || typeof record.id !== 'string' || record.id === '') {
      issues.push({ id: fallbackId, kind: 'record', message: 'record needs a non-empty string "id"' });
      return;
    }
    const id = record.id;
    if (ids.has(id)) issues.push({ id, kind: 'duplicate-id', message: 'id used by an earlier document' });
    ids.add(id);
    const { text, spans } = record;
    if (typeof text !== 'string' || text === '' || hasLoneSurrogate(text)) {
      issues.push({ id, kind: 'text', message: '"text" must be a non-empty, well-formed string' });
      return;
    }
    if (!Array.isArray(spans)) {
      issues.push({ id, kind: 'record', message: '"spans" must be an array' });
      return;
    }
    const chars = Array.from(text);
    let previousEnd = -1;
    let previousStart = -1;
    spans.forEach((span: unknown, spanIndex) => {
      const at = (kind: LabelIssue['kind'], message: string): void => {
        issues.push({ id, span: spanIndex, kind, message });
      };
      if (!isRecord(span) || !Number.isInteger(span.start) || !Number.isInteger(span.end) || typeof span.label !== 'string') {
        at('span-shape', 'span needs integer "start", "end" and a string "label"');
        return;
      }
      const start = span.start as number;
      const end = span.end as number;
      if (start < 0 || end <= start || end > chars.length) {
        at('out-of-range', `offsets ${start}..${end} outside 0..${chars.length} or empty`);
        return;
      }
      if (!labels.has(span.label)) at('label', `label "${span.label}" is not an allowed type`);
      const value = chars.slice(start, end).join('');
      if (span.text !== undefined && span.text !== value) {
        at('text-mismatch', `recorded text differs from the text at ${start}..${end}`);
      }
      if (OUTER_WHITESPACE.test(value)) at('whitespace', `span ${start}..${end} starts or ends with whitespace`);
      if (start < previousStart) at('unsorted', `span ${start}..${end} starts before the previous span`);
      else if (start < previousEnd) at('overlap', `span ${start}..${end} overlaps the previous span ending at ${previousEnd}`);
      previousStart = start;
      previousEnd = Math.max(previousEnd, end);
    });
  });
  return issues;
}

export interface UnlabelledRepeat {
  id: string;
  label: string;
  /** Code-point offset of the occurrence that no span covers. */
  start: number;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}_]/u.test(char);
}

/**
 * Finds places where a value labelled somewhere in a document occurs again, as a whole word,
 * without a span: usually a forgotten label. Comparison is exact (case-sensitive), so "Will"
 * the person and "will" the verb are told apart; a capitalised decoy of a labelled name is
 * still reported and must be reworded or labelled.
 */
export function findUnlabelledRepeats(doc: SampleDocumentLike): UnlabelledRepeat[] {
  const chars = Array.from(doc.text);
  const covered = new Uint8Array(chars.length);
  for (const span of doc.spans) covered.fill(1, span.start, span.end);
  const values = new Map<string, string>();
  for (const span of doc.spans) values.set(chars.slice(span.start, span.end).join(''), span.label);
  const found: UnlabelledRepeat[] = [];
  for (const [value, label] of values) {
    const needle = Array.from(value);
    for (let i = 0; i + needle.length <= chars.length; i++) {
      if (covered[i] || chars[i] !== needle[0]) continue;
      if (isWordChar(chars[i - 1]) || isWordChar(chars[i + needle.length])) continue;
      let match = true;
      for (let k = 1; k < needle.length && match; k++) match = chars[i + k] === needle[k];
      if (match && !covered.subarray(i, i + needle.length).some((bit) => bit === 1)) found.push({ id: doc.id, label, start: i });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

interface SampleDocumentLike {
  id: string;
  text: string;
  spans: readonly { start: number; end: number; label: string }[];
}

export function summarize(records: readonly unknown[]): DatasetSummary {
  const summary: DatasetSummary = {
    documents: 0,
    characters: 0,
    minLength: Number.POSITIVE_INFINITY,
    maxLength: 0,
    spansPerLabel: {},
    documentsPerGenre: {},
  };
  for (const record of records) {
    if (!isRecord(record) || typeof record.text !== 'string') continue;
    const length = Array.from(record.text).length;
    summary.documents++;
    summary.characters += length;
    summary.minLength = Math.min(summary.minLength, length);
    summary.maxLength = Math.max(summary.maxLength, length);
    const genre = isRecord(record.meta) && typeof record.meta.genre === 'string' ? record.meta.genre : 'unknown';
    summary.documentsPerGenre[genre] = (summary.documentsPerGenre[genre] ?? 0) + 1;
    if (!Array.isArray(record.spans)) continue;
    for (const span of record.spans as unknown[]) {
      if (isRecord(span) && typeof span.label === 'string') {
        summary.spansPerLabel[span.label] = (summary.spansPerLabel[span.label] ?? 0) + 1;
      }
    }
  }
  if (summary.documents === 0) summary.minLength = 0;
  return summary;
}

export interface FileCheck {
  issues: LabelIssue[];
  /** Only computed when there are no structural issues, since it trusts the offsets. */
  repeats: UnlabelledRepeat[];
  summary: DatasetSummary;
}

export function checkFile(path: string, options: CheckOptions = {}): FileCheck {
  const records = parseJsonl(readFileSync(path, 'utf8'));
  const issues = checkDocuments(records, options);
  const repeats = issues.length === 0 ? records.flatMap((record) => findUnlabelledRepeats(record as SampleDocumentLike)) : [];
  return { issues, repeats, summary: summarize(records) };
}

function main(argv: readonly string[]): number {
  const path = argv[0] ?? fileURLToPath(new URL('../../data/samples.jsonl', import.meta.url));
  const { issues, repeats, summary } = checkFile(path);
  console.log(JSON.stringify(summary, null, 2));
  for (const issue of issues) {
    console.error(`${issue.id}${issue.span === undefined ? '' : ` span ${issue.span}`}: ${issue.kind}: ${issue.message}`);
  }
  for (const repeat of repeats) console.error(`${repeat.id}: unlabelled repeat of a ${repeat.label} value at ${repeat.start}`);
  console.log(issues.length === 0 ? 'labels OK' : `${issues.length} labelling problem(s)`);
  if (repeats.length > 0) console.log(`${repeats.length} unlabelled repeat(s) of labelled values`);
  return issues.length === 0 && repeats.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
