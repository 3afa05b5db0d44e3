/**
 * The entity types the sample transcripts are labelled with: types Veil detects. The first fifteen are the
 * core set, each labelled many times; DATE_TIME marks dates of birth only (other dates are decoys); the rest are
 * secrets and the IDs of other countries, labelled a few times each.
 */
export const CORE_SAMPLE_LABELS = [
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

export const SAMPLE_LABELS = [
  ...CORE_SAMPLE_LABELS,
  'DATE_TIME',
  'SECRET',
  'MEDICAL_RECORD_NUMBER',
  'UK_NHS',
  'UK_NINO',
  'CA_SIN',
  'AU_TFN',
  'AU_MEDICARE',
  'IN_AADHAAR',
  'IN_PAN',
  'DE_TAX_ID',
  'ES_NIF',
  'ES_NIE',
  'IT_FISCAL_CODE',
  'FR_NIR',
  'SG_NRIC_FIN',
  'US_ITIN',
  'ABA_ROUTING_NUMBER',
  'MAC_ADDRESS',
  'US_NPI',
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
