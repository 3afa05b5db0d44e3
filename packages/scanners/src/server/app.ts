import { createHash } from 'node:crypto';
import { EncryptedFileVaultStore, MemoryVaultStore, RedisVaultStore, Vault } from '@veil/vault';
import type { TenantVaultStore } from '@veil/vault';
import { Readable } from 'node:stream';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { LRUCache } from 'lru-cache';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Anonymize } from '../anonymize.js';
import { nerOptionFor } from '../cli/config.js';
import { Deanonymize, loadMatcher } from '../deanonymize.js';
import { ConfigurationError, InvalidInputError } from '../errors.js';
import { scanOutput, scanPrompt } from '../pipeline.js';
import type { ServeConfig } from './config.js';
import { routeSchemas } from './schemas.js';
import { SseDeanonymizer, formatEvent } from './sse-deanonymize.js';

/** The service's version in the OpenAPI document. */
const API_VERSION = '1.0.0';
/** Scopes whose Deanonymize (and compiled matcher) a server keeps between requests. */
const DEANONYMIZER_CACHE_SIZE = 256;

export interface VeilServer {
  app: FastifyInstance;
  store: TenantVaultStore;
  /** Loads the model and listens on config.host:config.port; resolves to the base URL. */
  listen(): Promise<string>;
  /** Stops accepting requests (readyz turns 503), waits for in-flight ones (up to shutdownTimeoutMs), closes the store. */
  close(): Promise<void>;
}

/** Error codes a client can rely on; messages are fixed strings or typed-error messages, never request content. */
function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json').send({ error: { code, message } });
}

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
};

function createStore(config: ServeConfig): TenantVaultStore {
  const { store } = config;
  if (store.type === 'memory') return new MemoryVaultStore();
  if (store.type === 'file') return new EncryptedFileVaultStore({ path: store.path, keys: config.vaultKey! });
  return new RedisVaultStore({
    redis: store.url,
    keys: config.vaultKey!,
    ...(store.ttlSeconds !== undefined ? { ttlSeconds: store.ttlSeconds } : {}),
    ...(store.prefix !== undefined ? { prefix: store.prefix } : {}),
  });
}

/**
 * The `veil serve` HTTP service (Fastify). Every /v1 request names its scope (session id) in the body; the API key
 * names the tenant, so one tenant can never read another's values. Vault store failures answer 503 and nothing is
 * returned unsanitized.
 */
export function createVeilServer(config: ServeConfig, options: { store?: TenantVaultStore } = {}): VeilServer {
  const ner = nerOptionFor(config.ner);
  if (ner === undefined) throw new ConfigurationError('unknown ner configuration');
  const anonymize = new Anonymize({
    ner,
    ...(config.threshold !== undefined ? { threshold: config.threshold } : {}),
    ...(config.entityTypes !== undefined ? { entityTypes: config.entityTypes } : {}),
    ...(config.allowedNames !== undefined ? { allowedNames: config.allowedNames } : {}),
    ...(config.hiddenNames !== undefined ? { hiddenNames: config.hiddenNames } : {}),
  });
  const store = options.store ?? createStore(config);
  const tenants = new Map(Object.entries(config.apiKeys).map(([key, tenant]) => [createHash('sha256').update(key).digest('hex'), tenant]));

  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'veil_' });
  const requests = new Counter({ name: 'veil_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'method', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'veil_http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['route'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry],
  });
  const scans = new Counter({ name: 'veil_scans_total', help: 'Scans by kind', labelNames: ['kind'], registers: [registry] });
  const entities = new Counter({ name: 'veil_entities_total', help: 'Entities redacted, by type', labelNames: ['type'], registers: [registry] });
  const failures = new Counter({ name: 'veil_failures_total', help: 'Failed requests by reason', labelNames: ['reason'], registers: [registry] });

  let modelReady = false;
  let closing = false;

  const app = Fastify({
    logger: false,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Bodies are validated as sent: no coercion (a number is not a prompt), nothing removed.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
  });
  const schemas = routeSchemas(config.maxScopeLength);

  // The OpenAPI 3 document is built from the route schemas below, the same ones Fastify validates requests with.
  app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Veil',
        version: API_VERSION,
        description: 'Anonymize prompts and restore model answers (veil serve). Errors are `{"error": {"code", "message"}}` and never quote the request.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API key from VEIL_API_KEYS; it names the tenant.' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
    },
    hideUntagged: false,
    // The stream route reads its body as a stream, so it has no body schema for Fastify to check; document it here.
    transformObject: (documentObject) => {
      const doc = (documentObject as { openapiObject: { paths?: Record<string, Record<string, Record<string, unknown>>> } }).openapiObject;
      const stream = doc.paths?.['/v1/deanonymize/stream']?.post;
      if (stream) {
        stream.requestBody = {
          required: true,
          description: 'The upstream model stream, as it arrives: OpenAI chat or completions chunks ending with `data: [DONE]`, Anthropic Messages events, or plain-text `data:` events.',
          content: { 'text/event-stream': { schema: { type: 'string' } } },
        };
      }
      return doc;
    },
  });

  app.addHook('onRequest', async (request) => {
    (request as FastifyRequest & { startedAt?: bigint }).startedAt = process.hrtime.bigint();
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    const started = (request as FastifyRequest & { startedAt?: bigint }).startedAt;
    if (started !== undefined) latency.observe({ route }, Number(process.hrtime.bigint() - started) / 1e9);
  });

  function tenantOf(request: FastifyRequest): string | undefined {
    const auth = request.headers.authorization;
    const key = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : request.headers['x-api-key'];
    if (typeof key !== 'string' || key === '') return undefined;
    return tenants.get(createHash('sha256').update(key).digest('hex'));
  }

  function vaultFor(request: FastifyRequest, scope: string): Vault {
    const tenant = (request as FastifyRequest & { tenant?: string }).tenant!;
    return new Vault({ store: store.forTenant(tenant), scope });
  }

  // One Deanonymize per tenant and scope, kept across requests: it rebuilds its matcher only when the scope's
  // revision moves (a 10,000-entry scope costs ~0.05 ms instead of ~100 ms). Bounded, because a matcher holds the
  // scope's values in memory; an evicted scope only pays one rebuild.
  const deanonymizers = new LRUCache<string, Deanonymize>({ max: DEANONYMIZER_CACHE_SIZE });
  function deanonymizeFor(request: FastifyRequest, scope: string): Deanonymize {
    const tenant = (request as FastifyRequest & { tenant?: string }).tenant!;
    const key = JSON.stringify([tenant, scope]);
    let deanonymize = deanonymizers.get(key);
    if (!deanonymize) {
      deanonymize = new Deanonymize({ vault: vaultFor(request, scope), matching: config.matching });
      deanonymizers.set(key, deanonymize);
    }
    return deanonymize;
  }

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const code = codeOf(error);
    if (code === 'VEIL_VAULT_UNAVAILABLE') {
      failures.inc({ reason: 'store_unavailable' });
      reply.header('retry-after', '1');
      return sendError(reply, 503, 'STORE_UNAVAILABLE', 'the vault store is unavailable; nothing was processed');
    }
    if (code === 'VEIL_VAULT_DECRYPT' || code === 'VEIL_VAULT_KEY' || code === 'VEIL_VAULT_FILE') {
      failures.inc({ reason: 'store_error' });
      return sendError(reply, 500, 'STORE_ERROR', 'the vault store failed; nothing was processed');
    }
    if (error.validation) {
      failures.inc({ reason: 'bad_request' });
      const where = error.validationContext ?? 'body';
      const detail = error.validation.map((v) => `${where}${v.instancePath} ${v.message ?? 'is invalid'}`).join('; ');
      return sendError(reply, 400, 'INVALID_REQUEST', detail);
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      failures.inc({ reason: 'too_large' });
      return sendError(reply, 413, 'BODY_TOO_LARGE', `the request body is larger than ${config.bodyLimitBytes} bytes`);
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      failures.inc({ reason: 'bad_request' });
      return sendError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send application/json (text/event-stream to /v1/deanonymize/stream)');
    }
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
      // Parser messages can quote the body: answer with a fixed text.
      failures.inc({ reason: 'bad_request' });
      return sendError(reply, 400, 'INVALID_JSON', 'the request body is not valid JSON');
    }
    if (error instanceof InvalidInputError || code === 'VEIL_VAULT_INVALID_ARGUMENT') {
      failures.inc({ reason: 'bad_request' });
      return sendError(reply, 400, 'INVALID_INPUT', error.message);
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      failures.inc({ reason: 'bad_request' });
      return sendError(reply, error.statusCode, 'BAD_REQUEST', 'the request was refused');
    }
    failures.inc({ reason: 'internal' });
    return sendError(reply, 500, 'INTERNAL', 'internal error; nothing was processed');
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'NOT_FOUND', 'no such route'));

  app.register(async (probes) => {
    probes.get('/openapi.json', { schema: schemas.openapi }, async () => app.swagger());
    probes.get('/healthz', { schema: schemas.healthz }, async () => ({ status: 'ok' }));
    probes.get('/readyz', { schema: schemas.readyz }, async (_request, reply) => {
      const checks: Record<string, string> = { model: modelReady ? 'ok' : 'loading', store: 'ok' };
      if (closing) checks.server = 'shutting down';
      try {
        if (store instanceof RedisVaultStore) await store.ping();
        else await store.list('readyz');
      } catch {
        checks.store = 'unavailable';
      }
      const ready = modelReady && !closing && checks.store === 'ok';
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
    });
    probes.get('/metrics', { schema: schemas.metrics }, async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  });

  app.register(async (v1) => {
    v1.addHook('onRequest', async (request, reply) => {
      const tenant = tenantOf(request);
      if (tenant === undefined) {
        failures.inc({ reason: 'unauthorized' });
        return sendError(reply, 401, 'UNAUTHORIZED', 'a valid API key is required (Authorization: Bearer <key>)');
      }
      (request as FastifyRequest & { tenant?: string }).tenant = tenant;
    });

    v1.post('/v1/anonymize', { schema: schemas.anonymize }, async (request) => {
      const { prompt, scope } = request.body as { prompt: string; scope: string };
      const result = await anonymize.withVault(vaultFor(request, scope)).scan(prompt);
      scans.inc({ kind: 'anonymize' });
      for (const f of result.findings) entities.inc({ type: f.type });
      return {
        sanitized_prompt: result.sanitized,
        is_valid: result.isValid,
        risk_score: result.riskScore,
        entities: result.findings.map((f) => ({ type: f.type, start: f.start, end: f.end, score: f.score, placeholder: f.placeholder })),
      };
    });

    v1.post('/v1/deanonymize', { schema: schemas.deanonymize }, async (request) => {
      const { output, scope } = request.body as { output: string; scope: string };
      const result = await deanonymizeFor(request, scope).scan('', output);
      scans.inc({ kind: 'deanonymize' });
      return { restored_output: result.sanitized, restored: result.restored, unknown_placeholders: result.unknownPlaceholders };
    });

    // SSE in, SSE out. The body is read as a stream (never buffered whole): at most streamLimitBytes in all, events of
    // at most bodyLimitBytes, and each text stream holds back no more than a placeholder's length.
    v1.addContentTypeParser('text/event-stream', (_request, payload, done) => done(null, payload));
    v1.post('/v1/deanonymize/stream', { schema: schemas.deanonymizeStream }, async (request, reply) => {
      const { scope } = request.query as { scope: string };
      const source = request.body;
      if (!(source instanceof Readable)) {
        failures.inc({ reason: 'bad_request' });
        return sendError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'send text/event-stream');
      }
      // The vault is read before the answer starts: a store failure is still a plain 503.
      const matcher = await loadMatcher(vaultFor(request, scope), config.matching);
      const sse = new SseDeanonymizer(matcher, { maxEventChars: config.bodyLimitBytes, maxStreams: 64 });
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
      let gone = false;
      raw.on('close', () => {
        gone = true;
      });
      const write = async (chunk: string) => {
        if (chunk === '' || gone) return;
        if (!raw.write(chunk)) await new Promise<void>((resolve) => {
          const done = () => {
            raw.off('drain', done);
            raw.off('close', done);
            resolve();
          };
          raw.on('drain', done);
          raw.on('close', done);
        });
      };
      const decoder = new TextDecoder('utf-8');
      let bytes = 0;
      let status = 'ok';
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          if (gone) break;
          bytes += chunk.length;
          if (bytes > config.streamLimitBytes) throw new InvalidInputError(`the stream is longer than ${config.streamLimitBytes} bytes`);
          await write(sse.push(decoder.decode(chunk, { stream: true })));
        }
        if (gone) {
          sse.abort();
          status = 'client_gone';
        } else await write(sse.push(decoder.decode()) + sse.end());
      } catch (error) {
        sse.abort();
        const invalid = error instanceof InvalidInputError;
        status = invalid ? 'bad_request' : 'stream_failed';
        failures.inc({ reason: status });
        const message = invalid ? error.message : 'the input stream failed; what was held back was dropped';
        await write(formatEvent(JSON.stringify({ error: { code: invalid ? 'INVALID_INPUT' : 'STREAM_FAILED', message } }), 'error'));
      }
      scans.inc({ kind: 'deanonymize_stream' });
      requests.inc({ route: '/v1/deanonymize/stream', method: 'POST', status: status === 'ok' ? '200' : `200_${status}` });
      // Stop reading what is left of a refused body once the error event is out (destroying earlier would lose it).
      raw.end(() => {
        if (!source.readableEnded) source.destroy();
      });
    });

    v1.post('/v1/scan/prompt', { schema: schemas.scanPrompt }, async (request) => {
      const { prompt, scope } = request.body as { prompt: string; scope: string };
      const scanner = anonymize.withVault(vaultFor(request, scope));
      const result = await scanPrompt({ Anonymize: scanner }, prompt);
      scans.inc({ kind: 'scan_prompt' });
      return {
        is_valid: result.isValid,
        scanners: Object.fromEntries(Object.entries(result.results).map(([k, v]) => [k, v.riskScore])),
        sanitized_prompt: result.sanitized,
      };
    });

    v1.post('/v1/scan/output', { schema: schemas.scanOutput }, async (request) => {
      const { prompt, output, scope } = request.body as { prompt: string; output: string; scope: string };
      const result = await scanOutput({ Deanonymize: deanonymizeFor(request, scope) }, prompt, output);
      scans.inc({ kind: 'scan_output' });
      return {
        is_valid: result.isValid,
        scanners: Object.fromEntries(Object.entries(result.results).map(([k, v]) => [k, v.riskScore])),
        sanitized_output: result.sanitized,
      };
    });
  });

  const closeStore = async () => {
    const closable = store as { close?: () => Promise<void> };
    if (typeof closable.close === 'function') await closable.close().catch(() => undefined);
  };

  return {
    app,
    store,
    async listen() {
      await anonymize.ready();
      modelReady = true;
      return app.listen({ host: config.host, port: config.port });
    },
    async close() {
      closing = true;
      const timer = setTimeout(() => app.server.closeAllConnections?.(), config.shutdownTimeoutMs);
      timer.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(timer);
        if (!options.store) await closeStore();
      }
    },
  };
}
