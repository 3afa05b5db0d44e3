import { isSampleLabel } from './dataset.js';
import type { SampleSpan } from './dataset.js';
import { SeededRandom } from './rng.js';
import { generateValue } from './values.js';
import type { GeneratorContext } from './values.js';

/**
 * Inline markup of the sample sources:
 *   {{PERSON|Maria van der Berg}}     a labelled literal value (may span a line break)
 *   {{CREDIT_CARD|@visa:dashed}}      a labelled generated value
 *   {{IBAN_CODE|@iban:DE#salary}}     `#key` reuses the same generated value within the document
 *   {{=@gitsha}}                      generated text with no label (a decoy)
 *   {{#repeat 3}} ... {{/repeat}}     repeats a block, drawing fresh values each time (log excerpts)
 * Parsing uses indexOf rather than regexes so malformed sources cannot cause backtracking.
 */
export class MarkupError extends Error {
  override name = 'MarkupError';
}

export interface CompiledMarkup {
  text: string;
  spans: SampleSpan[];
}

const OPEN = '{{';
const CLOSE = '}}';
const REPEAT_OPEN = '{{#repeat ';
const REPEAT_CLOSE = '{{/repeat}}';
const MAX_REPEAT = 1000;

function lineOf(source: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function expandRepeats(source: string, where: string): string {
  let out = '';
  let cursor = 0;
  for (;;) {
    const open = source.indexOf(REPEAT_OPEN, cursor);
    if (open < 0) return out + source.slice(cursor);
    const headerEnd = source.indexOf(CLOSE, open);
    const close = source.indexOf(REPEAT_CLOSE, open);
    if (headerEnd < 0 || close < 0) throw new MarkupError(`${where}:${lineOf(source, open)}: unclosed {{#repeat}}`);
    const count = Number(source.slice(open + REPEAT_OPEN.length, headerEnd).trim());
    if (!Number.isInteger(count) || count < 1 || count > MAX_REPEAT) {
      throw new MarkupError(`${where}:${lineOf(source, open)}: repeat count must be an integer 1..${MAX_REPEAT}`);
    }
    const body = source.slice(headerEnd + CLOSE.length, close);
    if (body.includes(REPEAT_OPEN)) throw new MarkupError(`${where}:${lineOf(source, open)}: nested {{#repeat}}`);
    out += source.slice(cursor, open) + body.repeat(count);
    cursor = close + REPEAT_CLOSE.length;
  }
}

/** Compiles one document's marked-up source; `seed` (the document id) fixes every generated value. */
export function compileMarkup(source: string, seed: string, where = seed): CompiledMarkup {
  const expanded = expandRepeats(source, where);
  const ctx: GeneratorContext = { rng: new SeededRandom(seed), clockSeconds: 0 };
  const keyed = new Map<string, string>();
  const spans: SampleSpan[] = [];
  let text = '';
  let length = 0; // in code points
  const append = (chunk: string): void => {
    text += chunk;
    length += Array.from(chunk).length;
  };
  const valueOf = (content: string): string => {
    if (!content.startsWith('@')) return content;
    const hash = content.indexOf('#');
    const spec = hash < 0 ? content.slice(1) : content.slice(1, hash);
    const key = hash < 0 ? undefined : `${spec.split(':')[0]}#${content.slice(hash + 1)}`;
    if (key !== undefined && keyed.has(key)) return keyed.get(key) ?? '';
    const value = generateValue(ctx, spec);
    if (key !== undefined) keyed.set(key, value);
    return value;
  };

  let cursor = 0;
  for (;;) {
    const open = expanded.indexOf(OPEN, cursor);
    if (open < 0) break;
    const close = expanded.indexOf(CLOSE, open + OPEN.length);
    if (close < 0) throw new MarkupError(`${where}:${lineOf(expanded, open)}: unclosed {{`);
    append(expanded.slice(cursor, open));
    const inner = expanded.slice(open + OPEN.length, close);
    const at = `${where}:${lineOf(expanded, open)}`;
    try {
      if (inner.startsWith('=')) {
        append(valueOf(inner.slice(1)));
      } else {
        const bar = inner.indexOf('|');
        const label = bar < 0 ? inner : inner.slice(0, bar);
        if (bar < 0 || !isSampleLabel(label)) {
          // Echo the label only when it looks like one: markup missing its label starts with the value itself.
          throw new MarkupError(/^[A-Z_]{1,32}$/.test(label) ? `unknown label "${label}"` : 'unknown label');
        }
        const value = valueOf(inner.slice(bar + 1));
        if (value === '' || value.trim() !== value) throw new MarkupError('a labelled value must be non-empty with no outer whitespace');
        const start = length;
        append(value);
        spans.push({ start, end: length, label, text: value });
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MarkupError(`${at}: ${reason}`);
    }
    cursor = close + CLOSE.length;
  }
  append(expanded.slice(cursor));
  if (text.includes(OPEN) || text.includes(CLOSE)) throw new MarkupError(`${where}: stray braces left in the text`);
  return { text, spans };
}
