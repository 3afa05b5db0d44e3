/**
 * The light tier: people, places and organizations from compromise's rule-based tagger, for users who want no
 * model. Scores are calibrated, not confident: each is 0.5 + 0.1 x the precision compromise measured on the GMB
 * dev set (first 2,500 sentences, nationality `gpe` spans removed, half-overlap match), so they stay above the
 * default 0.5 threshold, keep the order of how often compromise is right, and never exceed 0.6: any model hit
 * scoring higher wins the overlap.
 */
import { compromise, type NlpDocument } from './compromise.js';
import { InvalidInputError } from '../errors.js';
import type { EntityType, Finding, Recognizer } from '../types.js';

type LightType = 'PERSON' | 'LOCATION' | 'ORGANIZATION';

/** Measured precision of compromise per type, for one-word and multi-word matches. */
export const COMPROMISE_PRECISION: Readonly<Record<LightType, { single: number; multi: number }>> = {
  PERSON: { single: 0.62, multi: 0.88 },
  LOCATION: { single: 0.8, multi: 0.75 },
  ORGANIZATION: { single: 0.64, multi: 0.59 },
};

export function compromiseScore(type: LightType, singleWord: boolean): number {
  const precision = COMPROMISE_PRECISION[type][singleWord ? 'single' : 'multi'];
  return Math.round((0.5 + 0.1 * precision) * 1000) / 1000;
}

const SELECTORS = [
  ['PERSON', (doc: NlpDocument) => doc.people()],
  ['LOCATION', (doc: NlpDocument) => doc.places()],
  ['ORGANIZATION', (doc: NlpDocument) => doc.organizations()],
] as const;

interface TermJson {
  tags?: string[];
  pre?: string;
  offset?: { start?: number; length?: number };
}

interface OffsetJson {
  offset?: { start?: number; length?: number };
  terms?: TermJson[];
}

const NAME_PART_TAGS = ['FirstName', 'LastName', 'Acronym'];
const isNamePart = (term: TermJson) => term.tags?.some((t) => NAME_PART_TAGS.includes(t)) ?? false;

/**
 * compromise counts titles and roles as part of a person ("Mr. O'Malley", "Plaintiff Maria Gonzalez"). They are
 * not personal data and, left in, would give the same person a second placeholder; they are cut off the start.
 */
function personStart(match: OffsetJson): number | undefined {
  const terms = match.terms ?? [];
  const hasName = terms.some(isNamePart);
  let i = 0;
  while (i < terms.length - 1) {
    const term = terms[i]!;
    const honorific = term.tags?.includes('Honorific') ?? false;
    if (!honorific && (!hasName || isNamePart(term))) break;
    i++;
  }
  return i > 0 ? terms[i]!.offset?.start : undefined;
}

/** Characters trimmed from the ends of a match: spaces and punctuation other than a closing period or apostrophe. */
const EDGE_TRIM = /[\s,;:!?"()[\]{}]/u;

/** Words whose trailing period belongs to them: initials, D.C.-style dotted forms and company/name suffixes. */
const ABBREVIATION_BEFORE_DOT = /(?:^|[^\p{L}])(?:\p{L}|[\p{L}.]{0,8}\.\p{L}|Inc|Corp|Co|Ltd|Jr|Sr|St|Bros|Mt|Ft)$/u;

/**
 * A match's length counts the punctuation before its first term ("- Fiona" after a list bullet) while its start
 * does not, so that prefix is taken off the length.
 */
function matchExtent(match: OffsetJson): { start?: number; length?: number } {
  const start = match.offset?.start;
  const length = match.offset?.length;
  const prefix = match.terms?.[0]?.pre?.trimStart().length ?? 0;
  if (typeof start !== 'number' || typeof length !== 'number') return { start, length };
  return { start, length: Math.max(0, length - prefix) };
}

export class CompromiseRecognizer implements Recognizer {
  readonly name = 'compromise';
  readonly types: EntityType[] = ['PERSON', 'LOCATION', 'ORGANIZATION'];

  analyze(text: string): Finding[] {
    if (typeof text !== 'string') throw new InvalidInputError('text must be a string');
    const findings: Finding[] = [];
    for (const chunk of sentenceChunks(text, CHUNK_LENGTH)) {
      if (chunk.end > chunk.start) this.analyzeChunk(text, chunk.start, chunk.end, findings);
    }
    return findings.sort((a, b) => a.start - b.start);
  }

  private analyzeChunk(fullText: string, offset: number, end: number, findings: Finding[]): void {
    const text = fullText.slice(offset, end);
    if (text.trim().length === 0) return;
    const doc = compromise()(text);
    for (const [type, select] of SELECTORS) {
      for (const match of select(doc).json({ offset: true }) as OffsetJson[]) {
        let { start, length } = matchExtent(match);
        const nameStart = type === 'PERSON' ? personStart(match) : undefined;
        if (nameStart !== undefined && typeof start === 'number' && typeof length === 'number' && nameStart > start) {
          length -= nameStart - start;
          start = nameStart;
        }
        const span = trimSpan(text, start, length);
        if (!span) continue;
        const value = text.slice(span.start, span.end);
        const singleWord = !/\s/u.test(value);
        findings.push({
          type,
          start: offset + span.start,
          end: offset + span.end,
          text: value,
          score: compromiseScore(type, singleWord),
          recognizer: this.name,
          explanation: [`compromise ${type.toLowerCase()}`, singleWord ? 'single word' : 'multi-word'],
        });
      }
    }
  }
}

/**
 * compromise's cost grows faster than linearly on long documents (about 120 us/char at 200 KB against 29 at
 * 2 KB), so text is tagged in pieces of at most `limit` characters, cut after a line break or a sentence end
 * where possible, else at a space, so entities are rarely cut.
 */
const CHUNK_LENGTH = 2000;

export function sentenceChunks(text: string, limit: number): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (text.length - start > limit) {
    const window = text.slice(start, start + limit);
    let cut = window.lastIndexOf('\n') + 1;
    if (cut < limit / 2) cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! ')) + 1;
    if (cut < limit / 2) cut = window.lastIndexOf(' ') + 1;
    if (cut < limit / 2) cut = limit;
    // Never cut a surrogate pair in two.
    const code = text.charCodeAt(start + cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    chunks.push({ start, end: start + cut });
    start += cut;
  }
  chunks.push({ start, end: text.length });
  return chunks;
}

function trimSpan(text: string, start: unknown, length: unknown): { start: number; end: number } | undefined {
  if (typeof start !== 'number' || typeof length !== 'number' || start < 0 || length <= 0) return undefined;
  let s = start;
  let e = Math.min(text.length, start + length);
  while (s < e && EDGE_TRIM.test(text[s]!)) s++;
  while (e > s && EDGE_TRIM.test(text[e - 1]!)) e--;
  // compromise keeps a sentence's full stop on its last match ("in Paris."); abbreviations keep theirs.
  if (e > s && text[e - 1] === '.' && !ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(s, e - 12), e - 1))) e--;
  return e > s ? { start: s, end: e } : undefined;
}
