/**
 * `veil serve` on 127.0.0.1: the OpenAPI document (every route, validated schemas, the committed copy in docs/) and
 * the SSE deanonymize stream (placeholders split across events and network chunks, CR / LF / CRLF, size caps).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createParser } from 'eventsource-parser';
import type { EventSourceMessage } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaceholderMatcher } from '../placeholder-match.js';
import { createVeilServer } from './app.js';
import type { VeilServer } from './app.js';
import type { ServeConfig } from './config.js';
import { SseDeanonymizer } from './sse-deanonymize.js';

const ACME = 'acme-key-0123456789abcdef';
const EMAIL = 'ann.lee@brightline.io';
const PHONE = '+1 415 555 0132';
const DOC = new URL('../../../../docs/openapi.json', import.meta.url);

const config = (overrides: Partial<ServeConfig> = {}): ServeConfig => ({
  host: '127.0.0.1', port: 0, apiKeys: { [ACME]: 'acme' }, store: { type: 'memory' }, ner: 'patterns', matching: 'combined',
  bodyLimitBytes: 4096, streamLimitBytes: 64 * 1024, requestTimeoutMs: 60_000, maxScopeLength: 256, shutdownTimeoutMs: 5000, ...overrides,
});

/** POSTs `chunks` one write at a time (with a pause, so they reach the server as separate reads); returns status and body. */
function post(base: string, path: string, chunks: (string | Buffer)[], contentType = 'text/event-stream', key = ACME): Promise<{ status: number; text: string; type: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${key}` } }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8'), type: String(res.headers['content-type']) }));
      res.on('error', reject);
    });
    // Once the server has answered it may stop reading (a refused stream): later write errors are expected.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    (async () => {
      for (const chunk of chunks) {
        if (req.destroyed) break;
        req.write(chunk);
        await new Promise((r) => setTimeout(r, 5));
      }
      req.end();
    })().catch(reject);
  });
}

function events(text: string): EventSourceMessage[] {
  const out: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => out.push(e) });
  parser.feed(text);
  return out;
}

const chatChunk = (content: string, finish: string | null = null) =>
  JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }] });

/** Cuts `text` every `size` characters. */
const cut = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

describe('veil serve OpenAPI document', () => {
  let server: VeilServer;
  let base: string;
  beforeAll(async () => {
    server = createVeilServer(config());
    base = await server.listen();
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists every route with its schemas, and matches docs/openapi.json', async () => {
    const response = await fetch(`${base}/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as any;
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const expected = [
      'GET /openapi.json', 'GET /healthz', 'GET /readyz', 'GET /metrics', 'POST /v1/anonymize', 'POST /v1/deanonymize',
      'POST /v1/deanonymize/stream', 'POST /v1/scan/prompt', 'POST /v1/scan/output',
    ];
    expect(documented.sort()).toEqual([...expected].sort());
    // Fastify serves exactly these (each one route line in its tree), and each documented one is a served route.
    expect(server.app.printRoutes({ commonPrefix: false }).match(/\(/g)).toHaveLength(expected.length);
    for (const route of documented) {
      const [method, url] = route.split(' ') as [string, string];
      expect(server.app.hasRoute({ method: method as 'GET', url }), route).toBe(true);
    }
    expect(doc.paths['/v1/anonymize'].post.requestBody.content['application/json'].schema.required).toEqual(['prompt', 'scope']);
    expect(doc.paths['/v1/anonymize'].post.responses['200'].content['application/json'].schema.properties.sanitized_prompt).toEqual({ type: 'string' });
    expect(doc.paths['/v1/deanonymize/stream'].post.parameters).toEqual([expect.objectContaining({ in: 'query', name: 'scope', required: true })]);
    expect(Object.keys(doc.paths['/v1/deanonymize/stream'].post.responses['200'].content)).toEqual(['text/event-stream']);
    expect(doc.paths['/v1/anonymize'].post.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    // The committed copy is the served one (UPDATE_OPENAPI=1 rewrites it).
    const pretty = `${JSON.stringify(doc, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') await writeFile(DOC, pretty);
    expect(JSON.parse(await readFile(DOC, 'utf8'))).toEqual(doc);
  });

  it('refuses a body that breaks the schema with a 400 JSON error that does not echo it', async () => {
    const send = (body: unknown) =>
      fetch(`${base}/v1/anonymize`, { method: 'POST', headers: { authorization: `Bearer ${ACME}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const body of [{ prompt: 12345, scope: EMAIL }, { prompt: [EMAIL], scope: 's' }, { prompt: EMAIL }, { prompt: EMAIL, scope: '' }, [EMAIL]]) {
      const response = await send(body);
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(JSON.parse(text).error).toEqual({ code: 'INVALID_REQUEST', message: expect.stringMatching(/^body/) });
      expect(text).not.toContain('ann.lee');
      expect(text).not.toContain('12345');
    }
    const q = await post(base, '/v1/deanonymize/stream', ['data: x\n\n']);
    expect(q.status).toBe(400);
    expect(JSON.parse(q.text).error.message).toBe("querystring must have required property 'scope'");
  });
});

describe('POST /v1/deanonymize/stream', () => {
  let server: VeilServer;
  let base: string;
  let mail: string;
  let phone: string;
  beforeAll(async () => {
    server = createVeilServer(config());
    base = await server.listen();
    const response = await fetch(`${base}/v1/anonymize`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ACME}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: `Mail ${EMAIL} or call ${PHONE}`, scope: 'chat' }),
    });
    const json = (await response.json()) as { entities: { type: string; placeholder: string }[] };
    mail = json.entities.find((e) => e.type === 'EMAIL_ADDRESS')!.placeholder;
    phone = json.entities.find((e) => e.type === 'PHONE_NUMBER')!.placeholder;
  });
  afterAll(async () => {
    await server.close();
  });

  const answer = () => `Sure: write to ${mail}, or phone ${phone}. Ünïcode ✓ after ${mail}`;
  const expected = () => `Sure: write to ${EMAIL}, or phone ${PHONE}. Ünïcode ✓ after ${EMAIL}`;

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`restores an OpenAI stream with placeholders split across events (${name})`, async () => {
      const deltas = cut(answer(), 4);
      const body = [
        `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })}${eol}${eol}`,
        ...deltas.map((d) => `data: ${chatChunk(d)}${eol}${eol}`),
        `: keep-alive comment${eol}${eol}data: ${chatChunk('', 'stop')}${eol}${eol}`,
        `data: [DONE]${eol}${eol}`,
      ].join('');
      // Network chunks cut through lines, through CRLF pairs and through multi-byte characters.
      const bytes = Buffer.from(body, 'utf8');
      const pieces: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += 37) pieces.push(bytes.subarray(i, i + 37));
      const r = await post(base, '/v1/deanonymize/stream?scope=chat', pieces);
      expect(r.status).toBe(200);
      expect(r.type).toMatch(/^text\/event-stream/);
      const out = events(r.text);
      expect(out.at(-1)!.data).toBe('[DONE]');
      const chunks = out.slice(0, -1).map((e) => JSON.parse(e.data));
      const text = chunks.map((c) => c.choices[0].delta.content ?? '').join('');
      expect(text).toBe(expected());
      expect(r.text).not.toContain('REDACTED');
      expect(chunks[0].choices[0].delta.role).toBe('assistant');
      expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
      expect(chunks.every((c) => c.id === 'chatcmpl-1')).toBe(true);
    });
  }

  it('restores plain-text events and Anthropic text deltas', async () => {
    const plain = await post(base, '/v1/deanonymize/stream?scope=chat', cut(answer(), 6).map((d) => `data: ${d}\r\n\r\n`));
    expect(events(plain.text).map((e) => e.data).join('')).toBe(expected());
    const anthropic = [
      `event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1"}}\n\n`,
      ...cut(answer(), 5).map((t) => `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: t } })}\n\n`),
      `event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n`,
      `event: message_stop\ndata: {"type":"message_stop"}\n\n`,
    ];
    const a = await post(base, '/v1/deanonymize/stream?scope=chat', anthropic);
    const out = events(a.text);
    expect(out.filter((e) => e.event === 'content_block_delta').map((e) => JSON.parse(e.data).delta.text).join('')).toBe(expected());
    expect(out.map((e) => e.event).slice(-2)).toEqual(['content_block_stop', 'message_stop']);
  });

  it('restores nothing for another scope, and never releases a partial placeholder on error', async () => {
    const other = await post(base, '/v1/deanonymize/stream?scope=other', [`data: ${chatChunk(mail)}\n\ndata: [DONE]\n\n`]);
    expect(other.text).not.toContain(EMAIL);
    expect(other.text).toContain(mail);
    // An event longer than bodyLimitBytes (4096) ends the stream with an error event; the held-back prefix is dropped.
    const r = await post(base, '/v1/deanonymize/stream?scope=chat', [`data: ${chatChunk(`Hi ${mail.slice(0, 6)}`)}\n\n`, `data: ${'x'.repeat(5000)}`]);
    expect(r.status).toBe(200);
    const out = events(r.text);
    expect(out.at(-1)!.event).toBe('error');
    expect(JSON.parse(out.at(-1)!.data).error.code).toBe('INVALID_INPUT');
    expect(r.text).not.toContain('xxxx');
    expect(JSON.parse(out[0]!.data).choices[0].delta.content).toBe('Hi ');
    // The whole stream is capped too (streamLimitBytes, 64 KiB here).
    // The client goes on sending after the limit: it still gets the error event, and the server stops reading.
    const long = await post(base, '/v1/deanonymize/stream?scope=chat', Array.from({ length: 200 }, () => `data: ${'y'.repeat(1000)}\n\n`));
    const last = events(long.text).at(-1)!;
    expect(last.event).toBe('error');
    expect(JSON.parse(last.data).error.message).toBe('the stream is longer than 65536 bytes');
  });

  it('answers JSON errors before the stream starts', async () => {
    expect((await post(base, '/v1/deanonymize/stream?scope=chat', ['data: x\n\n'], 'text/event-stream', 'bad-key-0123456789abcdef')).status).toBe(401);
    const json = await post(base, '/v1/deanonymize/stream?scope=chat', ['{"output": "x"}'], 'application/json');
    expect(json.status).toBe(415);
    expect(JSON.parse(json.text).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('SseDeanonymizer', () => {
  const matcher = new PlaceholderMatcher([{ placeholder: '[REDACTED_PERSON_1]', type: 'PERSON', value: 'John Smith' }], 'combined');

  it('gives the same text for every split of the input, one character at a time included', () => {
    const input = ['Hi [REDACTED_', 'PERSON_1', '], bye [REDACTED_PERSON_1]'].map((d) => `data: ${chatChunk(d)}\r\n\r\n`).join('') + 'data: [DONE]\r\n\r\n';
    for (const size of [1, 2, 3, 7, 50, input.length]) {
      const sse = new SseDeanonymizer(matcher, { maxEventChars: 10_000, maxStreams: 4 });
      const out = cut(input, size).map((c) => sse.push(c)).join('') + sse.end();
      const text = events(out).filter((e) => e.data !== '[DONE]').map((e) => JSON.parse(e.data).choices[0].delta.content).join('');
      expect(text).toBe('Hi John Smith, bye John Smith');
      expect(sse.restored).toBe(2);
    }
  });

  it('flushes a held-back tail before [DONE] when no finish_reason came', () => {
    const sse = new SseDeanonymizer(matcher, { maxEventChars: 10_000, maxStreams: 4 });
    const out = sse.push(`data: ${chatChunk('Bye [REDACTED_PERSON_1')}\n\ndata: ${chatChunk(']')}\n\ndata: [DONE]\n\n`);
    const all = events(out);
    expect(all.at(-1)!.data).toBe('[DONE]');
    expect(all.slice(0, -1).map((e) => JSON.parse(e.data).choices[0].delta.content).join('')).toBe('Bye John Smith');
  });

  it('bounds the number of parallel text streams', () => {
    const sse = new SseDeanonymizer(matcher, { maxEventChars: 10_000, maxStreams: 2 });
    const chunk = (index: number) => JSON.stringify({ choices: [{ index, delta: { content: 'a [' }, finish_reason: null }] });
    expect(() => sse.push(`data: ${chunk(0)}\n\ndata: ${chunk(1)}\n\ndata: ${chunk(2)}\n\n`)).toThrow(/text streams/);
  });
});
