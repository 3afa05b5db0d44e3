import { createParser } from 'eventsource-parser';
import type { EventSourceMessage, EventSourceParser } from 'eventsource-parser';
import { InvalidInputError } from '../errors.js';
import type { PlaceholderMatcher } from '../placeholder-match.js';
import { StreamingDeanonymizer } from '../stream/streaming-deanonymizer.js';
import { LineEndingNormalizer, formatEvent } from '../integrations/sse.js';

export { formatEvent };

/** Limits of one SSE deanonymize stream; memory held is about `maxEventChars` + `maxStreams` × the matcher's holdback. */
export interface SseLimits {
  /** Longest event (all its lines) or unterminated line, in characters. */
  maxEventChars: number;
  /** Most text streams restored at once (OpenAI choices, Anthropic content blocks). */
  maxStreams: number;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Restores placeholders in a Server-Sent Events stream of model output, as it arrives.
 *
 * Input, one of (told apart per event):
 * - OpenAI chat or completions chunks (`data: {"choices": [{"index", "delta": {"content"}}]}` or `choices[].text`),
 *   ending with `data: [DONE]`: each choice is restored on its own and the events are passed on with the restored
 *   text; what a choice holds back (a possible placeholder prefix) goes out with a later event of that choice, at the
 *   latest with its `finish_reason` chunk or in one extra chunk before `[DONE]`;
 * - Anthropic Messages events (`content_block_delta` with a `text_delta`): the same per content block, flushed in an
 *   extra delta before its `content_block_stop`;
 * - any other `data:` that is not a JSON object is plain text: the restored text goes out as `data:` events.
 * Other JSON events (role chunks, `message_start`, pings, usage) pass through unchanged, in order.
 *
 * `push` takes decoded text in any split and CR, LF or CRLF line endings; output uses LF. An incomplete event at the
 * end of the input is dropped, as the SSE specification says.
 */
export class SseDeanonymizer {
  private readonly parser: EventSourceParser;
  private readonly streams = new Map<string, StreamingDeanonymizer>();
  private readonly pendingEvents: EventSourceMessage[] = [];
  private readonly lines = new LineEndingNormalizer();
  private parseError: Error | undefined;
  private lastOpenAi: Json | undefined;
  private done = false;
  private ended = false;
  /** Events received and restorations made, for metrics. */
  events = 0;

  constructor(private readonly matcher: PlaceholderMatcher, private readonly limits: SseLimits) {
    this.parser = createParser({
      onEvent: (event) => this.pendingEvents.push(event),
      onError: (error) => {
        this.parseError ??= error;
      },
      maxBufferSize: limits.maxEventChars,
    });
  }

  /** Placeholders restored so far, over all streams. */
  get restored(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.restored;
    return n + this.flushedRestored;
  }
  private flushedRestored = 0;

  /** Feeds decoded input; returns the SSE text to send now (possibly empty). */
  push(text: string): string {
    if (this.done) return '';
    if (this.ended) throw new InvalidInputError('the stream has already ended');
    try {
      this.parser.feed(this.lines.push(text));
    } catch {
      this.parseError ??= new Error('terminated');
    }
    if (this.parseError) {
      this.abort();
      throw new InvalidInputError(`an event is longer than ${this.limits.maxEventChars} characters`);
    }
    let out = '';
    for (const event of this.pendingEvents.splice(0)) out += this.handle(event);
    return out;
  }

  /** Input ended: releases what every stream still holds (restored), then `[DONE]` if the input had one. */
  end(): string {
    if (this.ended) return '';
    this.ended = true;
    return this.finish();
  }

  /** Drops what is held back (the input failed or the client went away). */
  abort(): void {
    this.ended = true;
    for (const s of this.streams.values()) s.abort(new Error('stream aborted'));
    this.streams.clear();
  }

  private restorer(key: string): StreamingDeanonymizer {
    let s = this.streams.get(key);
    if (s === undefined) {
      if (this.streams.size >= this.limits.maxStreams) {
        this.abort();
        throw new InvalidInputError(`more than ${this.limits.maxStreams} text streams in one request`);
      }
      s = new StreamingDeanonymizer(this.matcher);
      this.streams.set(key, s);
    }
    return s;
  }

  private flush(key: string): string {
    const s = this.streams.get(key);
    if (s === undefined) return '';
    this.streams.delete(key);
    const out = s.end();
    this.flushedRestored += s.restored;
    return out;
  }

  private handle(event: EventSourceMessage): string {
    if (this.done) return '';
    this.events++;
    const data = event.data;
    if (data.trim() === '[DONE]') {
      this.done = true;
      this.ended = true;
      return this.finish();
    }
    let parsed: unknown;
    try {
      parsed = data.startsWith('{') ? JSON.parse(data) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!isObject(parsed)) {
      const out = this.restorer('text').push(data);
      return out === '' ? '' : formatEvent(out, event.event, event.id);
    }
    if (Array.isArray(parsed.choices)) return this.openAi(parsed, event);
    if (parsed.type === 'content_block_delta' && isObject(parsed.delta) && parsed.delta.type === 'text_delta' && typeof parsed.delta.text === 'string') {
      parsed.delta.text = this.restorer(`block:${String(parsed.index)}`).push(parsed.delta.text);
      return formatEvent(JSON.stringify(parsed), event.event, event.id);
    }
    if (parsed.type === 'content_block_stop') {
      const rest = this.flush(`block:${String(parsed.index)}`);
      const extra = rest === ''
        ? ''
        : formatEvent(JSON.stringify({ type: 'content_block_delta', index: parsed.index, delta: { type: 'text_delta', text: rest } }), event.event === undefined ? undefined : 'content_block_delta');
      return extra + formatEvent(data, event.event, event.id);
    }
    return formatEvent(data, event.event, event.id);
  }

  private openAi(chunk: Json, event: EventSourceMessage): string {
    this.lastOpenAi = chunk;
    for (const choice of chunk.choices as unknown[]) {
      if (!isObject(choice)) continue;
      const key = `choice:${String(choice.index ?? 0)}`;
      const finished = choice.finish_reason !== null && choice.finish_reason !== undefined;
      if (isObject(choice.delta)) {
        const content = choice.delta.content;
        if (typeof content === 'string') choice.delta.content = this.restorer(key).push(content);
        if (finished) {
          const rest = this.flush(key);
          if (rest !== '') choice.delta.content = `${typeof choice.delta.content === 'string' ? choice.delta.content : ''}${rest}`;
        }
      } else if (typeof choice.text === 'string' || finished) {
        let text = typeof choice.text === 'string' ? this.restorer(key).push(choice.text) : '';
        if (finished) text += this.flush(key);
        if (typeof choice.text === 'string' || text !== '') choice.text = text;
      }
    }
    return formatEvent(JSON.stringify(chunk), event.event, event.id);
  }

  private finish(): string {
    let out = '';
    for (const key of [...this.streams.keys()]) {
      const rest = this.flush(key);
      if (rest === '') continue;
      if (key === 'text') out += formatEvent(rest);
      else if (key.startsWith('block:')) {
        out += formatEvent(JSON.stringify({ type: 'content_block_delta', index: Number(key.slice(6)), delta: { type: 'text_delta', text: rest } }));
      } else {
        const index = Number(key.slice(7));
        const last = this.lastOpenAi ?? {};
        const chat = last.object !== 'text_completion';
        const choice = chat ? { index, delta: { content: rest }, finish_reason: null } : { index, text: rest, finish_reason: null };
        const extra: Json = { ...last, choices: [choice] };
        delete extra.usage;
        out += formatEvent(JSON.stringify(extra));
      }
    }
    if (this.done) out += formatEvent('[DONE]');
    return out;
  }
}
