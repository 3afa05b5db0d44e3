import { ConfigurationError, InvalidInputError } from '../errors.js';
import type { StreamingDeanonymizer } from '../stream/streaming-deanonymizer.js';
import { ConversationProtector } from './protect.js';
import { AnswerRestorer } from './restore.js';
import { resolveScanners } from './scanners.js';
import type { VeilAdapterOptions, VeilScanners } from './scanners.js';
import { sseRewriteStream } from './sse.js';
import type { SseRewriter } from './sse.js';

/**
 * `fetch` for OpenAI-compatible clients: chat-completions requests leave with their messages
 * anonymized, answers come back restored, streamed (SSE) or not.
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
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Message fields holding text the model reads, besides `content`. */
const TEXT_FIELDS = ['content', 'refusal', 'reasoning_content', 'reasoning'] as const;

async function protectContent(protector: ConversationProtector, content: unknown): Promise<unknown> {
  if (typeof content === 'string') return protector.text(content);
  if (!Array.isArray(content)) return content;
  const parts: unknown[] = [];
  for (const part of content) {
    if (isObject(part) && part.type === 'text' && typeof part.text === 'string') parts.push({ ...part, text: await protector.text(part.text) });
    else parts.push(part);
  }
  return parts;
}

async function protectToolCall(protector: ConversationProtector, call: unknown): Promise<unknown> {
  if (!isObject(call) || !isObject(call.function) || typeof call.function.arguments !== 'string') return call;
  return { ...call, function: { ...call.function, arguments: await protector.jsonText(call.function.arguments) } };
}

/** Anonymizes every message of a chat-completions body, in order, with one vault scope. */
export async function protectChatRequest(body: Json, scanners: VeilScanners): Promise<Json> {
  if (!Array.isArray(body.messages)) throw new InvalidInputError('chat completions request has no messages array');
  const protector = new ConversationProtector(scanners.anonymize, scanners.deanonymize);
  const messages: unknown[] = [];
  for (const message of body.messages) {
    if (!isObject(message)) {
      messages.push(message);
      continue;
    }
    const out: Json = { ...message };
    for (const field of TEXT_FIELDS) if (field in message) out[field] = await protectContent(protector, message[field]);
    if (Array.isArray(message.tool_calls)) {
      const calls: unknown[] = [];
      for (const call of message.tool_calls) calls.push(await protectToolCall(protector, call));
      out.tool_calls = calls;
    }
    if (isObject(message.function_call)) out.function_call = (await protectToolCall(protector, { function: message.function_call }) as Json).function;
    messages.push(out);
  }
  return { ...body, messages };
}

function restoreMessage(message: Json, restorer: AnswerRestorer): Json {
  const out: Json = { ...message };
  for (const field of TEXT_FIELDS) if (typeof message[field] === 'string') out[field] = restorer.text(message[field]);
  if (Array.isArray(message.tool_calls)) {
    out.tool_calls = message.tool_calls.map((call) =>
      isObject(call) && isObject(call.function) && typeof call.function.arguments === 'string'
        ? { ...call, function: { ...call.function, arguments: restorer.jsonText(call.function.arguments) } }
        : call,
    );
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
      return [payload];
    }
    if (!isObject(chunk) || !Array.isArray(chunk.choices)) return [payload];
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

async function restoreResponse(response: Response, scanners: VeilScanners): Promise<Response> {
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
      .pipeThrough(sseRewriteStream(new ChatChunkRestorer(restorer)))
      .pipeThrough(new TextEncoderStream());
    return new Response(body, init);
  }
  if (type.includes('json')) {
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return new Response(restorer.text(text), init);
    }
    return new Response(JSON.stringify(isObject(parsed) ? restoreChatCompletion(parsed, restorer) : parsed), init);
  }
  return new Response(restorer.text(await response.text()), init);
}

export function veilFetch(options: VeilFetchOptions): typeof fetch {
  const scanners = resolveScanners(options, 'veilFetch');
  const inner = options.fetch ?? globalThis.fetch;
  if (typeof inner !== 'function') throw new ConfigurationError('no fetch function available');
  const otherEndpoints = options.otherEndpoints ?? 'reject';
  if (otherEndpoints !== 'reject' && otherEndpoints !== 'pass') throw new ConfigurationError('otherEndpoints must be "reject" or "pass"');

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
    const protectedBody = JSON.stringify(await protectChatRequest(body, scanners));
    const headers = withoutLengthHeaders(init?.headers ?? request?.headers);
    const response = await inner(url, { ...init, method, headers, body: protectedBody, signal: init?.signal ?? request?.signal ?? null });
    return restoreResponse(response, scanners);
  };
  return wrapped as typeof fetch;
}
