import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { VeilError } from '@veil/scanners';
import type { EntityType } from '@veil/scanners';
import { normalizeLabel } from './labels.js';
import { codePointToUtf16Table } from './offsets.js';

/** A labelled span with UTF-16 offsets into the document text, end exclusive. */
export interface Span {
  start: number;
  end: number;
  label: EntityType;
}

/** A gold span, keeping the dataset's own finer label (e.g. GMB's geo/gpe) when it has one. */
export interface GoldSpan extends Span {
  origLabel?: string;
}

export interface BenchDocument {
  id: string;
  text: string;
  /** Scored gold spans. */
  spans: GoldSpan[];
  /**
   * Gold spans left out of scoring on request (e.g. GMB's gpe demonyms): a prediction matching one is
   * neither a hit nor a false alarm.
   */
  ignored: GoldSpan[];
}

export interface LoadOptions {
  /** Gold spans whose `orig_label` is in this set are ignored rather than scored (e.g. ['gpe']). */
  ignoreOrigLabels?: readonly string[];
  /** Stop after this many documents. */
  limit?: number;
}

/** A dataset file is malformed; the message names the line, never the text. */
export class DatasetError extends VeilError {
  constructor(message: string) {
    super('VEIL_BENCH_DATASET', message);
  }
}

interface RawSpan {
  start: unknown;
  end: unknown;
  label: unknown;
  orig_label?: unknown;
}

/** Parses one JSONL line of the DESIGN.md dataset format, converting code-point offsets to UTF-16. */
export function parseDocument(line: string, lineNumber: number, options: LoadOptions = {}): BenchDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new DatasetError(`line ${lineNumber}: not valid JSON`);
  }
  if (typeof raw !== 'object' || raw === null) throw new DatasetError(`line ${lineNumber}: not a JSON object`);
  const record = raw as { id?: unknown; text?: unknown; spans?: unknown };
  if (typeof record.text !== 'string') throw new DatasetError(`line ${lineNumber}: "text" must be a string`);
  if (record.spans !== undefined && !Array.isArray(record.spans)) {
    throw new DatasetError(`line ${lineNumber}: "spans" must be an array`);
  }
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `line-${lineNumber}`;
  const text = record.text;
  const table = codePointToUtf16Table(text);
  const codePoints = table.length - 1;
  const ignoreOrig = new Set((options.ignoreOrigLabels ?? []).map((l) => l.toLowerCase()));
  const spans: GoldSpan[] = [];
  const ignored: GoldSpan[] = [];
  for (const [i, s] of ((record.spans ?? []) as RawSpan[]).entries()) {
    const { start, end, label } = s ?? ({} as RawSpan);
    if (!Number.isInteger(start) || !Number.isInteger(end) || typeof label !== 'string') {
      throw new DatasetError(`line ${lineNumber}, span ${i}: needs integer start/end and a string label`);
    }
    const cpStart = start as number;
    const cpEnd = end as number;
    if (cpStart < 0 || cpEnd <= cpStart || cpEnd > codePoints) {
      throw new DatasetError(`line ${lineNumber}, span ${i}: offsets ${cpStart}..${cpEnd} outside 0..${codePoints}`);
    }
    const type = normalizeLabel(label);
    if (type === undefined) continue;
    const span: GoldSpan = { start: table[cpStart]!, end: table[cpEnd]!, label: type };
    if (typeof s.orig_label === 'string') span.origLabel = s.orig_label;
    if (span.origLabel !== undefined && ignoreOrig.has(span.origLabel.toLowerCase())) ignored.push(span);
    else spans.push(span);
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id, text, spans, ignored };
}

function openLines(path: string): Readable {
  const file = createReadStream(path);
  return path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
}

/** Loads a `.jsonl` or `.jsonl.gz` dataset. Blank lines are skipped. */
export async function loadDataset(path: string, options: LoadOptions = {}): Promise<BenchDocument[]> {
  const docs: BenchDocument[] = [];
  const lines = createInterface({ input: openLines(path), crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      docs.push(parseDocument(line, lineNumber, options));
      if (options.limit !== undefined && docs.length >= options.limit) break;
    }
  } finally {
    lines.close();
  }
  return docs;
}

/** Entity types that occur in the gold spans of a dataset. */
export function datasetEntityTypes(docs: readonly BenchDocument[]): EntityType[] {
  const types = new Set<EntityType>();
  for (const d of docs) for (const s of d.spans) types.add(s.label);
  return [...types].sort();
}
