import { PLACEHOLDER_PATTERN, parsePlaceholder } from '@veil/vault';
import { seededRandom } from './rng.js';

/**
 * A deterministic stand-in for an LLM answering about a sanitized document: it rewords and reorders the
 * sentences, keeps every placeholder, and mangles some of them the way real models do.
 */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; placeholder: string; rendered: string; mangling: Mangling | null };

export type Mangling = 'no_brackets' | 'lower_case' | 'spaces' | 'missing_underscore';

const MANGLINGS: readonly Mangling[] = ['no_brackets', 'lower_case', 'spaces', 'missing_underscore'];

export function mangle(placeholder: string, how: Mangling): string {
  const parsed = parsePlaceholder(placeholder);
  if (!parsed) return placeholder;
  switch (how) {
    case 'no_brackets':
      return placeholder.slice(1, -1);
    case 'lower_case':
      return placeholder.toLowerCase();
    case 'spaces':
      return `REDACTED ${parsed.type.replaceAll('_', ' ')} ${parsed.index}`;
    case 'missing_underscore':
      return `[REDACTED_${parsed.type}${parsed.index}]`;
  }
}

/** Word swaps applied outside placeholders; whole words only. */
const REWORDINGS: ReadonlyArray<[RegExp, string]> = [
  [/\bplease\b/g, 'kindly'],
  [/\bcalled\b/g, 'phoned'],
  [/\bsaid\b/g, 'stated'],
  [/\basked\b/g, 'requested'],
  [/\bhelp\b/g, 'assist'],
  [/\bcustomer\b/g, 'client'],
  [/\bbut\b/g, 'however'],
  [/\babout\b/g, 'regarding'],
];

const OPENERS = ['Here is a summary of the document.', 'Summary follows.', 'In short, the key points are below.'];

const SENTINEL = /\uE000(\d{1,9})\uE001/g;

function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const endsSentence = (ch === '.' || ch === '?' || ch === '!') && /\s/.test(text[i + 1] ?? ' ');
    if (endsSentence || ch === '\n') {
      const s = text.slice(start, i + 1).trim();
      if (s) sentences.push(s);
      start = i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

export interface StandInOptions {
  /** Share of placeholder occurrences to mangle. */
  mangleRate?: number;
}

export function standInModel(sanitized: string, seed: string, options: StandInOptions = {}): Segment[] {
  const random = seededRandom(seed);
  const mangleRate = options.mangleRate ?? 0.2;
  // Placeholders are swapped for private-use sentinels so rewording and splitting cannot touch them.
  const placeholders: string[] = [];
  const protectedText = sanitized.replace(PLACEHOLDER_PATTERN, (p) => `\uE000${placeholders.push(p) - 1}\uE001`);
  const sentences = splitSentences(protectedText).map((s) => {
    let out = s;
    for (const [pattern, word] of REWORDINGS) if (random() < 0.7) out = out.replace(pattern, word);
    return out;
  });
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
  }
  const answer = `${OPENERS[Math.floor(random() * OPENERS.length)]} ${sentences.join(' ')}`;

  const segments: Segment[] = [];
  let cursor = 0;
  for (const m of answer.matchAll(SENTINEL)) {
    if (m.index > cursor) segments.push({ kind: 'text', text: answer.slice(cursor, m.index) });
    const placeholder = placeholders[Number(m[1])]!;
    const mangling = random() < mangleRate ? MANGLINGS[Math.floor(random() * MANGLINGS.length)]! : null;
    segments.push({ kind: 'placeholder', placeholder, rendered: mangling ? mangle(placeholder, mangling) : placeholder, mangling });
    cursor = m.index + m[0].length;
  }
  if (cursor < answer.length) segments.push({ kind: 'text', text: answer.slice(cursor) });
  return segments;
}

export function renderSegments(segments: readonly Segment[]): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : s.rendered)).join('');
}
