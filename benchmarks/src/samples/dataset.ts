/** The entity types the sample transcripts are labelled with: exactly the types Veil detects. */
export const SAMPLE_LABELS = [
  'PERSON',
  'ORGANIZATION',
  'LOCATION',
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'US_SSN',
  'IP_ADDRESS',
  'IBAN_CODE',
  'URL',
  'UUID',
  'CRYPTO',
  'US_BANK_NUMBER',
  'US_DRIVER_LICENSE',
  'US_PASSPORT',
] as const;

export type SampleLabel = (typeof SAMPLE_LABELS)[number];

const LABEL_SET: ReadonlySet<string> = new Set(SAMPLE_LABELS);

export function isSampleLabel(value: string): value is SampleLabel {
  return LABEL_SET.has(value);
}

/**
 * One labelled span. Offsets are Unicode code points (as Python counts them), end exclusive.
 * `text` repeats the labelled value so a file can be checked on its own, without the compiler.
 */
export interface SampleSpan {
  start: number;
  end: number;
  label: SampleLabel;
  text?: string;
}

export interface SampleDocument {
  id: string;
  text: string;
  spans: SampleSpan[];
  meta?: { genre: string; source?: string };
}

/** Code-point view of a string: slicing it gives the same result as Python's str slicing. */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

export function sliceCodePoints(text: string, start: number, end: number): string {
  return codePoints(text).slice(start, end).join('');
}

export function toJsonl(documents: readonly SampleDocument[]): string {
  return documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n';
}

/** Parses JSONL; a line that is not JSON becomes an error naming its line number, never its content. */
export function parseJsonl(content: string): unknown[] {
  const records: unknown[] = [];
  const lines = content.split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line));
    } catch {
      throw new SyntaxError(`samples JSONL line ${index + 1} is not valid JSON`);
    }
  });
  return records;
}
