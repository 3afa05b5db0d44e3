/**
 * The hub download path, offline: transformers.js' `env.remoteHost` points at a local HTTP server that serves
 * a model directory the way huggingface.co does (`/<org>/<name>/resolve/<revision>/<file>`).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLookupModel } from './__fixtures__/lookup-model.js';
import { loadNerModel, ModelNotFoundError } from './index.js';

const TRANSFORMERS = '@huggingface/transformers';

let server: Server;
let root: string;
let requests: string[] = [];
let env: { remoteHost: string };
let originalHost: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'veil-download-'));
  const served = writeLookupModel(join(root, 'served'));
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const match = /^\/acme\/tiny-ner\/resolve\/main\/(.+)$/.exec(req.url ?? '');
    const file = match ? join(served, match[1]!) : undefined;
    if (!file || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ({ env } = (await import(TRANSFORMERS)) as { env: { remoteHost: string } });
  originalHost = env.remoteHost;
  env.remoteHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  env.remoteHost = originalHost;
  await new Promise((resolve) => server.close(resolve));
});

describe('hub download', () => {
  it('is refused without allowRemote, even when the hub would answer', async () => {
    requests = [];
    await expect(loadNerModel('acme/tiny-ner', { cacheDir: join(root, 'cache-a'), hubCache: null })).rejects.toThrow(ModelNotFoundError);
    expect(requests).toEqual([]);
  });

  it('downloads once into the cache with allowRemote, then loads offline from the cache', async () => {
    requests = [];
    const cacheDir = join(root, 'cache-b');
    const model = await loadNerModel('acme/tiny-ner', { cacheDir, hubCache: null, allowRemote: true });
    expect(await model.predict('John Smith')).toMatchObject([{ type: 'PERSON', start: 0, end: 10 }]);
    expect(requests).toContain('/acme/tiny-ner/resolve/main/onnx/model.onnx');
    expect(existsSync(join(cacheDir, 'acme', 'tiny-ner', 'onnx', 'model.onnx'))).toBe(true);

    requests = [];
    const offline = await loadNerModel('acme/tiny-ner', { cacheDir, hubCache: null, allowRemote: false });
    expect(await offline.predict('Paris')).toMatchObject([{ type: 'LOCATION' }]);
    expect(requests).toEqual([]);
  });

  it('reports a repository without the model files as not found', async () => {
    const error = await loadNerModel('acme/missing', { cacheDir: join(root, 'cache-c'), hubCache: null, allowRemote: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect((error as Error).message).toContain('acme/missing');
  });
});
