import type { Deanonymize } from '../deanonymize.js';
import type { PlaceholderEntry } from '../placeholder-match.js';
import type { InputScanner } from '../types.js';
import { charAt, charBefore, joinsWord } from '../word-boundary.js';

/**
 * Replaces values the vault already knows with their placeholders, whole words only, longest first.
 * A conversation's history carries restored answers; recognizers may miss a value in its new
 * context, and it must not reach the model in clear nor under a second placeholder.
 */
export function replaceKnownValues(text: string, entries: readonly PlaceholderEntry[]): string {
  if (text === '' || entries.length === 0) return text;
  const byLength = [...entries].filter((e) => e.value.length > 0).sort((a, b) => b.value.length - a.value.length);
  const taken = new Uint8Array(text.length);
  const spans: Array<{ start: number; end: number; placeholder: string }> = [];
  for (const entry of byLength) {
    let from = text.indexOf(entry.value);
    while (from !== -1) {
      const end = from + entry.value.length;
      const free = taken[from] === 0 && taken[end - 1] === 0;
      // The same word boundaries as hiddenNames: a word of another script glued on does not make it part of a word.
      const whole = !joinsWord(charBefore(text, from), charAt(text, from)) && !joinsWord(charBefore(text, end), charAt(text, end));
      if (free && whole) {
        taken.fill(1, from, end);
        spans.push({ start: from, end, placeholder: entry.placeholder });
      }
      from = text.indexOf(entry.value, from + 1);
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const span of spans) {
    parts.push(text.slice(cursor, span.start), span.placeholder);
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * Anonymizes every piece of text of one conversation with one vault scope, in order, so numbering
 * follows the conversation and the same value always gets the same placeholder.
 */
export class ConversationProtector {
  constructor(
    private readonly anonymize: InputScanner,
    private readonly deanonymize: Deanonymize,
  ) {}

  async text(text: string): Promise<string> {
    if (text === '') return text;
    const { sanitized } = await this.anonymize.scan(text);
    return replaceKnownValues(sanitized, await this.deanonymize.vault.entries());
  }

  /** String leaves of a JSON value (tool-call arguments, tool results); keys are schema, not data. */
  async json(value: unknown): Promise<unknown> {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) out.push(await this.json(item));
      return out;
    }
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = await this.json(item);
      return out;
    }
    return value;
  }

  /** JSON text such as OpenAI tool-call `arguments`; text that is not JSON is anonymized as text. */
  async jsonText(text: string): Promise<string> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.text(text);
    }
    return JSON.stringify(await this.json(parsed));
  }
}
