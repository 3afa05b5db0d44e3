/**
 * `veil serve` on 127.0.0.1 only: routes, API keys and tenants, JSON errors without PII, metrics, shutdown, and two
 * instances sharing one real Redis (skipped with a message when redis-server is not on PATH).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryVaultStore } from '@veil/vault';
import type { TenantVaultStore, VaultStore } from '@veil/vault';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisServer, redisAvailable } from '../../../vault/test/redis-server.js';
import { createVeilServer } from './app.js';
import type { VeilServer } from './app.js';
import { loadServeConfig } from './config.js';
import type { ServeConfig } from './config.js';
import { ConfigurationError } from '../errors.js';

const ACME = 'acme-key-0123456789abcdef';
const GLOBEX = 'globex-key-0123456789abcdef';
const EMAIL = 'ann.lee@brightline.io';

const baseConfig = (overrides: Partial<ServeConfig> = {}): ServeConfig => ({
  host: '127.0.0.1', port: 0, apiKeys: { [ACME]: 'acme', [GLOBEX]: 'globex' }, store: { type: 'memory' }, ner: 'patterns',
  matching: 'combined', bodyLimitBytes: 64 * 1024, streamLimitBytes: 1024 * 1024, requestTimeoutMs: 60_000, maxScopeLength: 256, shutdownTimeoutMs: 5000, ...overrides,
});

async function call(base: string, path: string, body?: unknown, key = ACME, raw?: string) {
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method: body === undefined && raw === undefined ? 'GET' : 'POST', headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

describe('veil serve (memory store, patterns only)', () => {
  let server: VeilServer;
  let base: string;
  beforeAll(async () => {
    server = createVeilServer(baseConfig());
    base = await server.listen();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
  afterAll(async () => {
    await server.close();
  });

  it('anonymizes and restores within a tenant and scope', async () => {
    const a = await call(base, '/v1/anonymize', { prompt: `Mail ${EMAIL} today`, scope: 'chat-1' });
    expect(a.status).toBe(200);
    expect(a.json.sanitized_prompt).toBe('Mail [REDACTED_EMAIL_ADDRESS_1] today');
    expect(a.json.entities).toEqual([expect.objectContaining({ type: 'EMAIL_ADDRESS', placeholder: '[REDACTED_EMAIL_ADDRESS_1]', start: 5 })]);
    expect(a.text).not.toContain(EMAIL);
    const d = await call(base, '/v1/deanonymize', { output: 'Wrote to [REDACTED_EMAIL_ADDRESS_1].', scope: 'chat-1' });
    expect(d.json).toEqual({ restored_output: `Wrote to ${EMAIL}.`, restored: 1, unknown_placeholders: [] });
    const other = await call(base, '/v1/deanonymize', { output: 'Wrote to [REDACTED_EMAIL_ADDRESS_1].', scope: 'chat-2' });
    expect(other.json.restored_output).toBe('Wrote to [REDACTED_EMAIL_ADDRESS_1].');
  });

  it('restores a value recorded after the scope was first restored from (the kept matcher follows the vault)', async () => {
    const answer = 'Wrote to [REDACTED_EMAIL_ADDRESS_1] and [REDACTED_EMAIL_ADDRESS_2].';
    await call(base, '/v1/anonymize', { prompt: `Mail ${EMAIL}`, scope: 'chat-kept' });
    const first = await call(base, '/v1/deanonymize', { output: answer, scope: 'chat-kept' });
    expect(first.json).toMatchObject({ restored: 1, unknown_placeholders: ['[REDACTED_EMAIL_ADDRESS_2]'] });
    await call(base, '/v1/anonymize', { prompt: 'Mail second.person@example.org', scope: 'chat-kept' });
    const second = await call(base, '/v1/deanonymize', { output: answer, scope: 'chat-kept' });
    expect(second.json).toEqual({ restored_output: `Wrote to ${EMAIL} and second.person@example.org.`, restored: 2, unknown_placeholders: [] });
  });

  it('answers the LLM Guard-like scan routes', async () => {
    const p = await call(base, '/v1/scan/prompt', { prompt: `Call me at ${EMAIL}`, scope: 'chat-3' });
    // Like LLM Guard, Anonymize reports a prompt that held PII as not valid (and sanitized).
    expect(p.json).toEqual({ is_valid: false, scanners: { Anonymize: expect.any(Number) }, sanitized_prompt: 'Call me at [REDACTED_EMAIL_ADDRESS_1]' });
    const o = await call(base, '/v1/scan/output', { prompt: p.json.sanitized_prompt, output: 'OK [REDACTED_EMAIL_ADDRESS_1]', scope: 'chat-3' });
    expect(o.json).toEqual({ is_valid: true, scanners: { Deanonymize: -1 }, sanitized_output: `OK ${EMAIL}` });
  });

  it('maps API keys to tenants: no key is 401, another tenant never gets the values', async () => {
    expect((await call(base, '/v1/anonymize', { prompt: 'x', scope: 's' }, '')).status).toBe(401);
    expect((await call(base, '/v1/anonymize', { prompt: 'x', scope: 's' }, 'wrong-key-0123456789abcdef')).json.error.code).toBe('UNAUTHORIZED');
    await call(base, '/v1/anonymize', { prompt: `Mail ${EMAIL}`, scope: 'shared-name' });
    for (const scope of ['shared-name', 'acme:shared-name', '{acme:shared-name}']) {
      const g = await call(base, '/v1/deanonymize', { output: '[REDACTED_EMAIL_ADDRESS_1]', scope }, GLOBEX);
      expect(g.status).toBe(200);
      expect(g.text).not.toContain(EMAIL);
    }
  });

  it('answers errors as JSON without the request content', async () => {
    const missing = await call(base, '/v1/anonymize', { prompt: `Mail ${EMAIL}` });
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe('INVALID_REQUEST');
    expect(missing.text).not.toContain(EMAIL);
    const badJson = await call(base, '/v1/anonymize', undefined, ACME, `{"prompt": "${EMAIL}", oops}`);
    expect(badJson.status).toBe(400);
    expect(badJson.json.error.code).toBe('INVALID_JSON');
    expect(badJson.text).not.toContain('ann.lee');
    const big = await call(base, '/v1/anonymize', { prompt: `${EMAIL} `.repeat(5000), scope: 's' });
    expect(big.status).toBe(413);
    expect(big.text).not.toContain(EMAIL);
    const longScope = await call(base, '/v1/anonymize', { prompt: 'x', scope: 'x'.repeat(300) });
    expect(longScope.status).toBe(400);
    const notFound = await call(base, '/nope');
    expect(notFound.status).toBe(404);
    expect(notFound.json.error.code).toBe('NOT_FOUND');
  });

  it('reports health, readiness and metrics without values', async () => {
    expect((await call(base, '/healthz')).json).toEqual({ status: 'ok' });
    expect((await call(base, '/readyz')).json).toEqual({ status: 'ready', checks: { model: 'ok', store: 'ok' } });
    const metrics = await call(base, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/veil_http_requests_total\{route="\/v1\/anonymize",method="POST",status="200"\} \d+/);
    expect(metrics.text).toMatch(/veil_entities_total\{type="EMAIL_ADDRESS"\} \d+/);
    expect(metrics.text).toContain('veil_http_request_duration_seconds_bucket');
    expect(metrics.text).not.toContain('ann.lee');
    expect(metrics.text).not.toContain('chat-1');
  });
});

describe('veil serve shutdown', () => {
  it('drains an in-flight request, then refuses new ones', async () => {
    const base = new MemoryVaultStore();
    const slow = (view: VaultStore): VaultStore => Object.assign(Object.create(view) as VaultStore, {
      getOrCreate: async (scope: string, type: string, value: string) => {
        await new Promise((r) => setTimeout(r, 400));
        return view.getOrCreate(scope, type, value);
      },
    });
    const store = Object.assign(Object.create(base) as TenantVaultStore, { forTenant: (t: string) => slow(base.forTenant(t)) });
    const server = createVeilServer(baseConfig(), { store });
    const url = await server.listen();
    const inFlight = call(url, '/v1/anonymize', { prompt: `Mail ${EMAIL}`, scope: 's' });
    await new Promise((r) => setTimeout(r, 100));
    const closed = server.close();
    const result = await inFlight;
    expect(result.status).toBe(200);
    expect(result.json.sanitized_prompt).toBe('Mail [REDACTED_EMAIL_ADDRESS_1]');
    await closed;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});

describe('veil serve configuration', () => {
  it('reads a file and the environment, the environment winning, and refuses unsafe setups', async () => {
    const env = { VEIL_API_KEYS: `acme:${ACME},globex:${GLOBEX}`, VEIL_PORT: '0', VEIL_NER: 'patterns', VEIL_ENTITY_TYPES: 'EMAIL_ADDRESS,PHONE_NUMBER' };
    const config = await loadServeConfig({ env });
    expect(config.apiKeys).toEqual({ [ACME]: 'acme', [GLOBEX]: 'globex' });
    expect(config.host).toBe('127.0.0.1');
    expect(config.entityTypes).toEqual(['EMAIL_ADDRESS', 'PHONE_NUMBER']);
    await expect(loadServeConfig({ env: {} })).rejects.toBeInstanceOf(ConfigurationError);
    await expect(loadServeConfig({ env: { ...env, VEIL_STORE: 'redis://127.0.0.1:1' } })).rejects.toThrow(/VEIL_VAULT_KEY/);
    await expect(loadServeConfig({ env: { ...env, VEIL_API_KEYS: 'acme:short' } })).rejects.toThrow(/16 characters/);
    await expect(loadServeConfig({ env: { ...env, VEIL_API_KEYS: `a b:${ACME}` } })).rejects.toThrow(/tenant id/);
    await expect(loadServeConfig({ env: { ...env, VEIL_STORE: 'redis://127.0.0.1:1', VEIL_VAULT_KEY: 'not a key' } })).rejects.toThrow(/32 bytes/);
    const redis = await loadServeConfig({ env: { ...env, VEIL_STORE: 'redis://127.0.0.1:6379', VEIL_VAULT_KEY: 'ab'.repeat(32), VEIL_STORE_TTL_SECONDS: '60' } });
    expect(redis.store).toEqual({ type: 'redis', url: 'redis://127.0.0.1:6379', ttlSeconds: 60 });

    const dir = await mkdtemp(join(tmpdir(), 'veil-serve-'));
    try {
      const file = join(dir, 'serve.json');
      await writeFile(file, JSON.stringify({ port: 9999, ner: 'compromise', threshold: 0.7, apiKeys: { [ACME]: 'acme' }, store: { type: 'file', path: join(dir, 'v.json') } }));
      const fromFile = await loadServeConfig({ file, env: { VEIL_PORT: '0', VEIL_VAULT_PASSPHRASE: 'a long passphrase' } });
      expect(fromFile).toMatchObject({ port: 0, ner: 'compromise', threshold: 0.7, apiKeys: { [ACME]: 'acme' }, store: { type: 'file' } });
      expect(fromFile.vaultKey).toBeDefined();
      await writeFile(file, '{"port": ');
      await expect(loadServeConfig({ file, env })).rejects.toBeInstanceOf(ConfigurationError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!redisAvailable)('veil serve: two instances on one Redis', () => {
  let redis: RedisServer;
  let one: VeilServer;
  let two: VeilServer;
  let urls: string[];
  const key = 'cd'.repeat(32);
  beforeAll(async () => {
    redis = await RedisServer.start();
    const config = await loadServeConfig({ env: { VEIL_API_KEYS: `acme:${ACME},globex:${GLOBEX}`, VEIL_PORT: '0', VEIL_NER: 'patterns', VEIL_STORE: redis.url, VEIL_VAULT_KEY: key } });
    one = createVeilServer(config);
    two = createVeilServer(config);
    urls = [await one.listen(), await two.listen()];
    expect(urls[0]).not.toBe(urls[1]);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await redis?.stop();
  });

  it('gives consistent placeholders under concurrent load on both instances', async () => {
    const emails = Array.from({ length: 40 }, (_, i) => `user${i}@example.com`);
    const requests = Array.from({ length: 160 }, (_, i) => call(urls[i % 2]!, '/v1/anonymize', { prompt: `Mail ${emails[(i * 7) % 40]}`, scope: 'load' }));
    const results = await Promise.all(requests);
    const byEmail = new Map<string, string>();
    const byPlaceholder = new Map<string, string>();
    results.forEach((r, i) => {
      expect(r.status).toBe(200);
      const email = emails[(i * 7) % 40]!;
      const placeholder = r.json.entities[0].placeholder as string;
      expect(byEmail.get(email) ?? placeholder).toBe(placeholder);
      expect(byPlaceholder.get(placeholder) ?? email).toBe(email);
      byEmail.set(email, placeholder);
      byPlaceholder.set(placeholder, email);
    });
    expect(byEmail.size).toBe(40);
    // Either instance restores what the other one replaced; the other tenant restores nothing.
    const output = [...byPlaceholder.keys()].join(' ');
    const restored = await call(urls[1]!, '/v1/deanonymize', { output, scope: 'load' });
    expect(restored.json.restored).toBe(40);
    expect(restored.json.restored_output).toBe([...byPlaceholder.values()].join(' '));
    const foreign = await call(urls[0]!, '/v1/deanonymize', { output, scope: 'load' }, GLOBEX);
    expect(foreign.json.restored).toBe(0);
  });

  it('keeps the mapping when an instance restarts', async () => {
    const a = await call(urls[0]!, '/v1/anonymize', { prompt: 'Mail keep@example.com', scope: 'restart' });
    await one.close();
    const config = await loadServeConfig({ env: { VEIL_API_KEYS: `acme:${ACME}`, VEIL_PORT: '0', VEIL_NER: 'patterns', VEIL_STORE: redis.url, VEIL_VAULT_KEY: key } });
    one = createVeilServer(config);
    urls[0] = await one.listen();
    const d = await call(urls[0]!, '/v1/deanonymize', { output: a.json.sanitized_prompt, scope: 'restart' });
    expect(d.json.restored_output).toBe('Mail keep@example.com');
  });

  it('answers 503 while Redis is down, never unsanitized text, and resumes when it returns', async () => {
    await redis.stop();
    for (const url of urls) {
      const a = await call(url, '/v1/anonymize', { prompt: `Mail ${EMAIL}`, scope: 'outage' });
      expect(a.status).toBe(503);
      expect(a.json.error.code).toBe('STORE_UNAVAILABLE');
      expect(a.text).not.toContain(EMAIL);
      expect((await call(url, '/v1/scan/prompt', { prompt: `Mail ${EMAIL}`, scope: 'outage' })).text).not.toContain(EMAIL);
      expect((await call(url, '/readyz')).status).toBe(503);
      // The stream route reads the vault before its answer starts: a plain 503, no event stream.
      const stream = await fetch(`${url}/v1/deanonymize/stream?scope=outage`, {
        method: 'POST', headers: { authorization: `Bearer ${ACME}`, 'content-type': 'text/event-stream' }, body: 'data: [REDACTED_EMAIL_ADDRESS_1]\n\n',
      });
      expect(stream.status).toBe(503);
      expect(((await stream.json()) as { error: { code: string } }).error.code).toBe('STORE_UNAVAILABLE');
    }
    await redis.start();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await call(urls[0]!, '/v1/anonymize', { prompt: `Mail ${EMAIL}`, scope: 'outage' })).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect((await call(urls[1]!, '/readyz')).status).toBe(200);
  });
});
