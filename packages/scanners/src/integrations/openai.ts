import { ConfigurationError, InvalidInputError, ResponseTooLargeError } from '../errors.js';
import type { StreamingDeanonymizer } from '../stream/streaming-deanonymizer.js';
import type { UnknownFields } from './field-walk.js';
import { protectChatCall } from './openai-request.js';
import { AnswerRestorer } from './restore.js';
import { resolveScanners } from './scanners.js';
import type { VeilAdapterOptions, VeilScanners } from './scanners.js';
import { DEFAULT_MAX_EVENT_CHARS, sseRewriteStream } from './sse.js';
import type { SseRewriter } from './sse.js';

/**
 * `fetch` for OpenAI-compatible clients: chat-completions requests leave with every free-text field
 * anonymized (the field table is CHAT_REQUEST in openai-request.ts), answers come back restored,
 * streamed (SSE) or not.
 *
 *   const openai = new OpenAI({ baseURL, apiKey, fetch: veilFetch({ vault }) });
 *
 * Use one veilFetch (one vault scope) per conversation so placeholders stay consistent across turns.
 */
export type VeilFetchOptions = VeilAdapterOptions & {
  /** The fetch to wrap. Default: the global fetch. */
  fetch?: typeof fetch;
  /**
   * POST requests to endpoints other than chat completions cannot be anonymized: `reject` (default)
   * throws instead of sending them, `pass` sends them unchanged.
   */
  otherEndpoints?: 'reject' | 'pass';
  /**
   * A request field Veil has no rule for, holding text (a new API field, a provider extension, a
   * query parameter other than `api-version`): `reject` (default) throws UnsupportedRequestFieldError
   * before anything is sent, `anonymize` anonymizes its text as free text. Numbers and flags pass.
   */
  unknownFields?: UnknownFields;
  /** Longest streamed (SSE) event, in characters. Default DEFAULT_MAX_EVENT_CHARS (1 MiB). */
  maxEventChars?: number;
  /** Longest non-streamed answer body, in bytes. Default DEFAULT_MAX_BODY_BYTES (16 MiB). */
  maxBodyBytes?: number;
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Message fields holding text the model wrote, besides tool calls. */
const TEXT_FIELDS = ['content', 'refusal', 'reasoning_content', 'reasoning'] as const;

/** Largest non-streamed answer body, in bytes. A chat completion with logprobs for every token stays well below. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

function restoreMessage(message: Json, restorer: AnswerRestorer): Json {
  const out: Json = { ...message };
  for (const field of TEXT_FIELDS) if (typeof message[field] === 'string') out[field] = restorer.text(message[field]);
  if (Array.isArray(message.tool_calls)) {
    out.tool_calls = message.tool_calls.map((call) => {
      if (!isObject(call)) return call;
      if (isObject(call.function) && typeof call.function.arguments === 'string') return { ...call, function: { ...call.function, arguments: restorer.jsonText(call.function.arguments) } };
      if (isObject(call.custom) && typeof call.custom.input === 'string') return { ...call, custom: { ...call.custom, input: restorer.text(call.custom.input) } };
      return call;
    });
  }
  return out;
}

/** Restores a non-streamed chat completion. */
export function restoreChatCompletion(body: Json, restorer: AnswerRestorer): Json {
  if (!Array.isArray(body.choices)) return body;
  return {
    ...body,
    choices: body.choices.map((choice) => (isObject(choice) && isObject(choice.message) ? { ...choice, message: restoreMessage(choice.message, restorer) } : choice)),
  };
}

/**
 * Restores `chat.completion.chunk` events. Every choice's text field and every tool call's arguments
 * get their own streaming deanonymizer; what they hold back is released in the choice's finishing
 * chunk, or in an extra chunk before `[DONE]` if the stream ends without one.
 */
export class ChatChunkRestorer implements SseRewriter {
  private readonly open = new Map<string, { restorer: StreamingDeanonymizer; choice: number; field: string; tool?: number }>();
  private template: Json = {};

  constructor(private readonly restorer: AnswerRestorer) {}

  data(payload: string): string[] {
    if (payload.trim() === '[DONE]') return [...this.flush(), payload];
    let chunk: unknown;
    try {
      chunk = JSON.parse(payload);
    } catch {
      return [this.restorer.text(payload)];
    }
    // Error events and other JSON may quote the prompt: restored whole, each value JSON-escaped.
    if (!isObject(chunk) || !Array.isArray(chunk.choices)) return [this.restorer.jsonText(payload)];
    this.template = { id: chunk.id, object: chunk.object, created: chunk.created, model: chunk.model };
    const choices = chunk.choices.map((choice) => (isObject(choice) ? this.restoreChoice(choice) : choice));
    return [JSON.stringify({ ...chunk, choices })];
  }

  flush(): string[] {
    const choices = [...new Set([...this.open.values()].map((o) => o.choice))];
    if (choices.length === 0) return [];
    return [JSON.stringify({ ...this.template, choices: choices.map((index) => ({ index, delta: this.release(index, {}), finish_reason: null })) })];
  }

  private stream(key: string, init: () => { restorer: StreamingDeanonymizer; choice: number; field: string; tool?: number }): StreamingDeanonymizer {
    let open = this.open.get(key);
    if (!open) {
      open = init();
      this.open.set(key, open);
    }
    return open.restorer;
  }

  private restoreChoice(choice: Json): Json {
    const index = typeof choice.index === 'number' ? choice.index : 0;
    if (!isObject(choice.delta)) return choice;
    const delta: Json = { ...choice.delta };
    for (const field of TEXT_FIELDS) {
      if (typeof delta[field] !== 'string') continue;
      delta[field] = this.stream(`${index}:${field}`, () => ({ restorer: this.restorer.textStream(), choice: index, field })).push(delta[field]);
    }
    if (Array.isArray(delta.tool_calls)) {
      delta.tool_calls = delta.tool_calls.map((call) => {
        if (!isObject(call) || !isObject(call.function) || typeof call.function.arguments !== 'string') return call;
        const tool = typeof call.index === 'number' ? call.index : 0;
        const restorer = this.stream(`${index}:tool:${tool}`, () => ({ restorer: this.restorer.jsonStream(), choice: index, field: 'arguments', tool }));
        return { ...call, function: { ...call.function, arguments: restorer.push(call.function.arguments) } };
      });
    }
    const finished = choice.finish_reason !== null && choice.finish_reason !== undefined;
    return { ...choice, delta: finished ? this.release(index, delta) : delta };
  }

  /** Ends the choice's deanonymizers and adds what they held to `delta`. */
  private release(choice: number, delta: Json): Json {
    const out: Json = { ...delta };
    for (const [key, open] of [...this.open.entries()]) {
      if (open.choice !== choice) continue;
      this.open.delete(key);
      const rest = open.restorer.end();
      if (rest === '') continue;
      if (open.tool === undefined) {
        out[open.field] = (typeof out[open.field] === 'string' ? (out[open.field] as string) : '') + rest;
      } else {
        const calls = Array.isArray(out.tool_calls) ? [...(out.tool_calls as unknown[])] : [];
        calls.push({ index: open.tool, function: { arguments: rest } });
        out.tool_calls = calls;
      }
    }
    return out;
  }
}

function isChatCompletions(url: URL): boolean {
  return url.pathname.endsWith('/chat/completions');
}

async function bodyText(body: unknown): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return new TextDecoder().decode(body);
  if (body instanceof Blob) return body.text();
  throw new InvalidInputError('request body must be JSON text for Veil to anonymize it');
}

function withoutLengthHeaders(headers: HeadersInit | undefined): Headers {
  const out = new Headers(headers);
  out.delete('content-length');
  return out;
}

/** Limits of one answer; see VeilFetchOptions. */
interface AnswerLimits {
  maxEventChars: number;
  maxBodyBytes: number;
}

/**
 * Reads a body whole, up to `max` bytes: a larger one is cancelled and fails, since it could only be
 * passed on unrestored.
 */
async function readCapped(response: Response, body: ReadableStream<Uint8Array>, max: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  const reader = body.getReader();
  const fail = async (): Promise<never> => {
    await reader.cancel().catch(() => undefined);
    throw new ResponseTooLargeError('the response body', max, 'bytes');
  };
  if (declared > max) return fail();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    size += r.value.byteLength;
    if (size > max) return fail();
    parts.push(decoder.decode(r.value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

async function restoreResponse(response: Response, scanners: VeilScanners, limits: AnswerLimits): Promise<Response> {
  if (!response.ok || response.body === null) return response;
  const type = response.headers.get('content-type') ?? '';
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  const init = { status: response.status, statusText: response.statusText, headers };
  const restorer = await AnswerRestorer.load(scanners.deanonymize);
  if (type.includes('text/event-stream')) {
    const body = response.body
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(sseRewriteStream(new ChatChunkRestorer(restorer), { maxEventChars: limits.maxEventChars }))
      .pipeThrough(new TextEncoderStream());
    return new Response(body, init);
  }
  const text = await readCapped(response, response.body, limits.maxBodyBytes);
  if (!type.includes('json')) return new Response(restorer.text(text), init);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new Response(restorer.text(text), init);
  }
  return new Response(JSON.stringify(isObject(parsed) ? restoreChatCompletion(parsed, restorer) : parsed), init);
}

function limit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new ConfigurationError(`${name} must be a positive integer`);
  return value;
}

export function veilFetch(options: VeilFetchOptions): typeof fetch {
  const scanners = resolveScanners(options, 'veilFetch');
  const inner = options.fetch ?? globalThis.fetch;
  if (typeof inner !== 'function') throw new ConfigurationError('no fetch function available');
  const otherEndpoints = options.otherEndpoints ?? 'reject';
  if (otherEndpoints !== 'reject' && otherEndpoints !== 'pass') throw new ConfigurationError('otherEndpoints must be "reject" or "pass"');
  const unknownFields = options.unknownFields ?? 'reject';
  if (unknownFields !== 'reject' && unknownFields !== 'anonymize') throw new ConfigurationError('unknownFields must be "reject" or "anonymize"');
  const limits: AnswerLimits = {
    maxEventChars: limit(options.maxEventChars, DEFAULT_MAX_EVENT_CHARS, 'maxEventChars'),
    maxBodyBytes: limit(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 'maxBodyBytes'),
  };

  const wrapped = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD') return inner(input, init);
    if (!isChatCompletions(url)) {
      if (otherEndpoints === 'pass') return inner(input, init);
      throw new ConfigurationError(`Veil can only anonymize chat completions; refusing to send ${method} ${url.pathname}`);
    }
    const raw = init?.body !== undefined ? await bodyText(init.body) : request ? await request.clone().text() : undefined;
    if (raw === undefined) throw new InvalidInputError('chat completions request has no body');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new InvalidInputError('chat completions request body is not JSON');
    }
    if (!isObject(body)) throw new InvalidInputError('chat completions request body must be a JSON object');
    const out = await protectChatCall(url, body, scanners, { unknownFields });
    const headers = withoutLengthHeaders(init?.headers ?? request?.headers);
    const response = await inner(out.url, { ...init, method, headers, body: JSON.stringify(out.body), signal: init?.signal ?? request?.signal ?? null });
    return restoreResponse(response, scanners, limits);
  };
  return wrapped as typeof fetch;
}
