import { createParser } from 'eventsource-parser';
import { ResponseTooLargeError } from '../errors.js';

/**
 * Rewrites the events of a server-sent-events stream: `data` returns the replacement payloads for one
 * event's data (possibly several events); `flush` may add events before the stream ends.
 */
export interface SseRewriter {
  data(payload: string): string[];
  flush(): string[];
}

/** Longest event (all its lines, or one unterminated line), in characters: `veil serve`'s default body limit. */
export const DEFAULT_MAX_EVENT_CHARS = 1024 * 1024;

export interface SseRewriteOptions {
  /** An event longer than this fails the stream with ResponseTooLargeError. Default DEFAULT_MAX_EVENT_CHARS. */
  maxEventChars?: number;
}

/** One SSE event in the wire format, LF line endings; `data` may hold newlines (one `data:` line each). */
export function formatEvent(data: string, event?: string, id?: string): string {
  let out = '';
  if (event !== undefined) out += `event: ${event}\n`;
  if (id !== undefined) out += `id: ${id}\n`;
  for (const line of data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/**
 * Turns CR and CRLF line endings into LF as text arrives, a CRLF split across chunks included. SSE
 * allows all three and a field value can hold none of them, so this changes no event; the parser then
 * only meets LF, its linear path (with a CR in a chunk it searches for both endings from every line,
 * which is quadratic in the chunk's length).
 */
export class LineEndingNormalizer {
  private afterCr = false;

  push(text: string): string {
    if (text === '') return text;
    const start = this.afterCr && text[0] === '\n' ? 1 : 0;
    this.afterCr = text[text.length - 1] === '\r';
    return text.slice(start).replace(/\r\n?/g, '\n');
  }
}

/**
 * Parses a decoded SSE stream (eventsource-parser: CR, LF or CRLF endings, any chunking, linear time)
 * and writes each event back out, data rewritten, as LF-terminated SSE. Comments and `retry` pass
 * through; fields that are no part of SSE are dropped, as every client ignores them; an event not
 * closed by a blank line when the stream ends is dropped, as the SSE specification says.
 * An event over `maxEventChars` errors the stream (ResponseTooLargeError): what was sent before it was
 * restored, and nothing unrestored follows.
 */
export function sseRewriteStream(rewriter: SseRewriter, options: SseRewriteOptions = {}): TransformStream<string, string> {
  const maxEventChars = options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS;
  const lines = new LineEndingNormalizer();
  let out = '';
  let overflow = false;
  const parser = createParser({
    maxBufferSize: maxEventChars,
    onEvent(event) {
      // The parser caps what it buffers between feeds; an event that arrives whole in one chunk is checked here.
      if (overflow || event.data.length > maxEventChars) {
        overflow = true;
        return;
      }
      const payloads = rewriter.data(event.data);
      // The id marks the position after the whole original event, so it goes with the last payload.
      payloads.forEach((payload, i) => {
        out += formatEvent(payload, event.event, i === payloads.length - 1 ? event.id : undefined);
      });
    },
    onComment(comment) {
      out += `: ${comment}\n\n`;
    },
    onRetry(ms) {
      out += `retry: ${ms}\n\n`;
    },
    onError(error) {
      if (error.type === 'max-buffer-size-exceeded') overflow = true;
    },
  });
  const send = (controller: TransformStreamDefaultController<string>): void => {
    if (overflow) throw new ResponseTooLargeError('a streamed event', maxEventChars, 'characters');
    if (out !== '') controller.enqueue(out);
    out = '';
  };
  return new TransformStream<string, string>({
    transform(chunk, controller) {
      parser.feed(lines.push(chunk));
      send(controller);
    },
    flush(controller) {
      for (const payload of rewriter.flush()) out += formatEvent(payload);
      send(controller);
    },
  });
}
