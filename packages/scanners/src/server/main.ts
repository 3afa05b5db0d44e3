import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { ConfigurationError, VeilError } from '../errors.js';
import { createVeilServer } from './app.js';
import { loadServeConfig } from './config.js';

export const SERVE_USAGE = `Usage: veil serve [--config FILE.json] [--host HOST] [--port N]

Runs the HTTP service: POST /v1/anonymize, /v1/deanonymize, /v1/deanonymize/stream (SSE), /v1/scan/prompt,
/v1/scan/output; GET /healthz, /readyz, /metrics, /openapi.json. Configuration from FILE.json and the environment (the environment wins):
  VEIL_API_KEYS=tenant:key,...   required; the API key names the tenant
  VEIL_STORE=memory | redis://host:6379 | file:/path/vault.json   (default memory)
  VEIL_VAULT_KEY (32 bytes, hex or base64) or VEIL_VAULT_PASSPHRASE   required for redis and file
  VEIL_HOST (default 127.0.0.1), VEIL_PORT (default 8080), VEIL_NER (default bundled), VEIL_THRESHOLD,
  VEIL_ENTITY_TYPES, VEIL_MATCHING, VEIL_BODY_LIMIT_BYTES, VEIL_STREAM_LIMIT_BYTES, VEIL_REQUEST_TIMEOUT_MS,
  VEIL_STORE_TTL_SECONDS, VEIL_SHUTDOWN_TIMEOUT_MS
`;

/** `veil serve`: runs until SIGTERM or SIGINT, then drains in-flight requests and exits 0. */
export async function serveMain(argv: readonly string[], io: { stdout: Writable; stderr: Writable }): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: { config: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    io.stderr.write(`veil: ${(error as Error).message}\n\n${SERVE_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(SERVE_USAGE);
    return 0;
  }
  let server;
  try {
    const env = { ...process.env };
    if (values.host !== undefined) env.VEIL_HOST = values.host;
    if (values.port !== undefined) env.VEIL_PORT = values.port;
    const config = await loadServeConfig({ ...(values.config !== undefined ? { file: values.config } : {}), env });
    server = createVeilServer(config);
    const url = await server.listen();
    io.stderr.write(`veil serve: listening on ${url} (store: ${config.store.type}, ner: ${config.ner})\n`);
  } catch (error) {
    const usage = error instanceof ConfigurationError;
    io.stderr.write(`veil: ${error instanceof VeilError ? error.message : `cannot start (${(error as Error)?.name ?? 'Error'}${codeOf(error)})`}\n`);
    await server?.close().catch(() => undefined);
    return usage ? 2 : 3;
  }
  const running = server;
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      io.stderr.write(`veil serve: ${signal}, draining requests\n`);
      running.close().then(() => resolve(0), () => resolve(3));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? `: ${code}` : '';
}
