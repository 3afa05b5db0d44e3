import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny OpenAI-compatible chat-completions server for tests and README examples. It listens on
 * 127.0.0.1, records every request body (so a test can check what reached "the model"), answers by
 * echoing the last user message (placeholders included, so restoring is observable) and streams
 * answers as SSE in chunks of random sizes from a seeded generator.
 */

export interface TestToolCall {
  name: string;
  /** JSON text, as a model writes it. */
  arguments: string;
}

export interface TestReply {
  content?: string;
  toolCalls?: TestToolCall[];
  /** Stream only: after this many SSE events the connection is cut without finishing. */
  failAfterEvents?: number;
  /** Answer with this HTTP error status instead. */
  status?: number;
}

export interface ChatMessage {
  role: string;
  content?: unknown;
  tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
  [key: string]: unknown;
}

export interface ChatRequest {
  model?: string;
  messages: ChatMessage[];
  stream?: boolean;
  tools?: Array<{ type: string; function: { name: string } }>;
  [key: string]: unknown;
}

export interface TestServerOptions {
  /** Seed for chunk sizes; the same seed gives the same chunking. Default 1. */
  seed?: number;
  /** Largest chunk in characters. Default 7. */
  maxChunk?: number;
  /** Decides the answer; default: `You said: <last user text>`. */
  reply?: (request: ChatRequest) => TestReply | Promise<TestReply>;
}

export interface TestServer {
  /** Base URL for OpenAI clients, ending in `/v1`. */
  url: string;
  /** Parsed request bodies, in arrival order. */
  requests: ChatRequest[];
  /** Path and query of each chat-completions request, in the same order. */
  urls: string[];
  close(): Promise<void>;
}

/** Text of a message's content: a string, or the text parts of a content array. */
export function messageText(message: ChatMessage | undefined): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part: { type?: string; text?: string }) => (part?.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

export function echoReply(request: ChatRequest): TestReply {
  const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
  return { content: `You said: ${messageText(lastUser)}` };
}

/** mulberry32: small, seedable, good enough to vary chunk sizes reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts `text` into pieces of 1..maxChunk UTF-16 units (a surrogate pair may be split, as on the wire). */
export function randomChunks(text: string, random: () => number, maxChunk: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(random() * maxChunk);
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  return chunks;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function completion(id: string, model: string, reply: TestReply): unknown {
  const toolCalls = reply.toolCalls?.map((call, i) => ({ id: `call_${i}`, type: 'function', function: { name: call.name, arguments: call.arguments } }));
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.content ?? null, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
        finish_reason: toolCalls ? 'tool_calls' : 'stop',
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

function streamEvents(id: string, model: string, reply: TestReply, random: () => number, maxChunk: number): unknown[] {
  const base = { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
  const chunk = (delta: unknown, finish: string | null = null): unknown => ({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] });
  const events: unknown[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of randomChunks(reply.content ?? '', random, maxChunk)) events.push(chunk({ content: piece }));
  reply.toolCalls?.forEach((call, index) => {
    events.push(chunk({ tool_calls: [{ index, id: `call_${index}`, type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const piece of randomChunks(call.arguments, random, maxChunk)) {
      events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  events.push(chunk({}, reply.toolCalls ? 'tool_calls' : 'stop'));
  events.push({ ...base, choices: [], usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } });
  return events;
}

async function writeStream(res: ServerResponse, events: unknown[], failAfter: number | undefined): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (const [n, event] of events.entries()) {
    if (failAfter !== undefined && n >= failAfter) {
      // Cut the connection mid-stream, as a crashing upstream would.
      res.socket?.destroy();
      return;
    }
    res.write(`data: ${JSON.stringify(event)}\n\n`);
    // Let each event leave in its own packet most of the time.
    await new Promise((resolve) => setImmediate(resolve));
  }
  res.end('data: [DONE]\n\n');
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const seed = options.seed ?? 1;
  const maxChunk = options.maxChunk ?? 7;
  const decide = options.reply ?? echoReply;
  const requests: ChatRequest[] = [];
  const urls: string[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      let body: ChatRequest;
      try {
        body = JSON.parse(await readBody(req)) as ChatRequest;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'invalid JSON' } }));
        return;
      }
      requests.push(body);
      urls.push(req.url ?? '');
      const reply = await decide(body);
      if (reply.status !== undefined) {
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
        return;
      }
      const id = `chatcmpl-${requests.length}`;
      const model = body.model ?? 'test-model';
      if (body.stream) {
        const random = seededRandom(seed + requests.length);
        await writeStream(res, streamEvents(id, model, reply, random, maxChunk), reply.failAfterEvents);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(id, model, reply)));
      }
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    urls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
