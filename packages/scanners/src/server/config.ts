import { readFile } from 'node:fs/promises';
import { TENANT_PATTERN, passphraseKey, staticKey } from '@veil/vault';
import type { KeyProvider } from '@veil/vault';
import { ConfigurationError } from '../errors.js';
import { MATCHING_STRATEGIES } from '../placeholder-match.js';
import type { MatchingStrategy } from '../placeholder-match.js';

export type StoreConfig =
  | { type: 'memory' }
  | { type: 'redis'; url: string; ttlSeconds?: number; prefix?: string }
  | { type: 'file'; path: string };

/** Everything `veil serve` needs. Secrets (vault key, API keys) come from the environment or the file, never argv. */
export interface ServeConfig {
  /** Default 127.0.0.1; set 0.0.0.0 in a container. */
  host: string;
  /** Default 8080; 0 picks a free port. */
  port: number;
  /** API key -> tenant id. Requests without a known key get 401. */
  apiKeys: Record<string, string>;
  store: StoreConfig;
  /** Where the vault key comes from (Redis and file stores). Default: VEIL_VAULT_KEY, else VEIL_VAULT_PASSPHRASE. */
  vaultKey?: KeyProvider;
  /** NER configuration: patterns | compromise | bundled | hub:<repo id> | <model directory>. Default bundled. */
  ner: string;
  threshold?: number;
  entityTypes?: string[];
  allowedNames?: string[];
  hiddenNames?: string[];
  /** Deanonymize matching. Default combined. */
  matching: MatchingStrategy;
  /** Largest request body in bytes. Default 1 MiB. */
  bodyLimitBytes: number;
  /** Longest POST /v1/deanonymize/stream body in bytes. Default 64 MiB. (One event may be bodyLimitBytes long.) */
  streamLimitBytes: number;
  /** Time to receive a whole request, a stream included (Node's requestTimeout). Default 10 minutes. */
  requestTimeoutMs: number;
  /** Longest scope (session id) accepted. Default 256. */
  maxScopeLength: number;
  /** How long shutdown waits for in-flight requests before closing them. Default 10 s. */
  shutdownTimeoutMs: number;
}

export const DEFAULT_SERVE_CONFIG: Omit<ServeConfig, 'apiKeys' | 'vaultKey'> = {
  host: '127.0.0.1',
  port: 8080,
  store: { type: 'memory' },
  ner: 'bundled',
  matching: 'combined',
  bodyLimitBytes: 1024 * 1024,
  streamLimitBytes: 64 * 1024 * 1024,
  requestTimeoutMs: 600_000,
  maxScopeLength: 256,
  shutdownTimeoutMs: 10_000,
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (v: string) => v.split(',').map((s) => s.trim()).filter((s) => s !== '');

function parseStoreUrl(text: string): StoreConfig {
  if (text === 'memory') return { type: 'memory' };
  if (/^rediss?:\/\//.test(text)) return { type: 'redis', url: text };
  if (text.startsWith('file:')) return { type: 'file', path: text.slice(5) };
  throw new ConfigurationError('store must be "memory", a redis:// or rediss:// URL, or file:<path>');
}

/** `tenant:key,tenant:key` (the tenant id cannot contain ':'). */
function parseApiKeys(text: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const pair of list(text)) {
    const at = pair.indexOf(':');
    if (at <= 0 || at === pair.length - 1) throw new ConfigurationError('VEIL_API_KEYS must be tenant:key pairs separated by commas');
    keys[pair.slice(at + 1)] = pair.slice(0, at);
  }
  return keys;
}

function int(value: unknown, what: string, min: number, max: number): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min || n > max) throw new ConfigurationError(`${what} must be an integer in [${min}, ${max}]`);
  return n;
}

function strings(value: unknown, what: string): string[] {
  if (typeof value === 'string') return list(value);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ConfigurationError(`${what} must be a list of strings`);
  return value as string[];
}

/**
 * Builds the configuration from an optional JSON file and the environment (the environment wins):
 * VEIL_HOST, VEIL_PORT, VEIL_API_KEYS (tenant:key,...), VEIL_STORE (memory | redis://... | file:<path>),
 * VEIL_STORE_TTL_SECONDS, VEIL_STORE_PREFIX, VEIL_VAULT_KEY (32 bytes, hex or base64) or VEIL_VAULT_PASSPHRASE,
 * VEIL_NER, VEIL_THRESHOLD, VEIL_ENTITY_TYPES, VEIL_ALLOWED_NAMES, VEIL_HIDDEN_NAMES, VEIL_MATCHING,
 * VEIL_BODY_LIMIT_BYTES, VEIL_STREAM_LIMIT_BYTES, VEIL_REQUEST_TIMEOUT_MS, VEIL_SHUTDOWN_TIMEOUT_MS.
 */
export async function loadServeConfig(options: { file?: string; env?: NodeJS.ProcessEnv; overrides?: Partial<ServeConfig> } = {}): Promise<ServeConfig> {
  const env = options.env ?? process.env;
  let file: Record<string, unknown> = {};
  if (options.file !== undefined) {
    let text: string;
    try {
      text = await readFile(options.file, 'utf8');
    } catch {
      throw new ConfigurationError(`cannot read the configuration file ${options.file}`);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (!isRecord(parsed)) throw new Error('not an object');
      file = parsed;
    } catch {
      throw new ConfigurationError('the configuration file must hold a JSON object');
    }
  }
  const pick = (envName: string, key: string): unknown => (env[envName] !== undefined && env[envName] !== '' ? env[envName] : file[key]);

  const config: ServeConfig = { ...DEFAULT_SERVE_CONFIG, apiKeys: {} };
  const host = pick('VEIL_HOST', 'host');
  if (host !== undefined) {
    if (typeof host !== 'string' || host === '') throw new ConfigurationError('host must be a non-empty string');
    config.host = host;
  }
  const port = pick('VEIL_PORT', 'port');
  if (port !== undefined) config.port = int(port, 'port', 0, 65535);

  if (isRecord(file.apiKeys)) {
    for (const [key, tenant] of Object.entries(file.apiKeys)) config.apiKeys[key] = tenant as string;
  } else if (file.apiKeys !== undefined) throw new ConfigurationError('apiKeys must map API keys to tenant ids');
  if (env.VEIL_API_KEYS) Object.assign(config.apiKeys, parseApiKeys(env.VEIL_API_KEYS));
  for (const [key, tenant] of Object.entries(config.apiKeys)) {
    if (key.length < 16) throw new ConfigurationError('API keys must be at least 16 characters');
    if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant)) throw new ConfigurationError('each API key must map to a tenant id (letters, digits, ".", "_", "-")');
  }

  const store = pick('VEIL_STORE', 'store');
  if (typeof store === 'string') config.store = parseStoreUrl(store);
  else if (isRecord(store)) {
    if (store.type === 'memory') config.store = { type: 'memory' };
    else if (store.type === 'redis' && typeof store.url === 'string') config.store = { type: 'redis', url: store.url };
    else if (store.type === 'file' && typeof store.path === 'string') config.store = { type: 'file', path: store.path };
    else throw new ConfigurationError('store must be { type: "memory" }, { type: "redis", url } or { type: "file", path }');
    if (config.store.type === 'redis' && store.ttlSeconds !== undefined) config.store.ttlSeconds = int(store.ttlSeconds, 'store.ttlSeconds', 0, 10 * 365 * 86400);
    if (config.store.type === 'redis' && typeof store.prefix === 'string') config.store.prefix = store.prefix;
  } else if (store !== undefined) throw new ConfigurationError('store must be a string or an object');
  if (config.store.type === 'redis') {
    if (env.VEIL_STORE_TTL_SECONDS) config.store.ttlSeconds = int(env.VEIL_STORE_TTL_SECONDS, 'VEIL_STORE_TTL_SECONDS', 0, 10 * 365 * 86400);
    if (env.VEIL_STORE_PREFIX) config.store.prefix = env.VEIL_STORE_PREFIX;
  }
  if (config.store.type !== 'memory') {
    try {
      if (env.VEIL_VAULT_KEY) config.vaultKey = staticKey(env.VEIL_VAULT_KEY);
      else if (env.VEIL_VAULT_PASSPHRASE) config.vaultKey = passphraseKey(env.VEIL_VAULT_PASSPHRASE);
    } catch {
      throw new ConfigurationError('VEIL_VAULT_KEY must be 32 bytes as 64 hex digits or base64');
    }
  }

  const ner = pick('VEIL_NER', 'ner');
  if (ner !== undefined) {
    if (typeof ner !== 'string' || ner === '') throw new ConfigurationError('ner must be a configuration name');
    config.ner = ner;
  }
  const threshold = pick('VEIL_THRESHOLD', 'threshold');
  if (threshold !== undefined) {
    const n = Number(threshold);
    if (!(n >= 0 && n <= 1)) throw new ConfigurationError('threshold must be a number in [0, 1]');
    config.threshold = n;
  }
  const entityTypes = pick('VEIL_ENTITY_TYPES', 'entityTypes');
  if (entityTypes !== undefined) config.entityTypes = strings(entityTypes, 'entityTypes');
  const allowed = pick('VEIL_ALLOWED_NAMES', 'allowedNames');
  if (allowed !== undefined) config.allowedNames = strings(allowed, 'allowedNames');
  const hidden = pick('VEIL_HIDDEN_NAMES', 'hiddenNames');
  if (hidden !== undefined) config.hiddenNames = strings(hidden, 'hiddenNames');
  const matching = pick('VEIL_MATCHING', 'matching');
  if (matching !== undefined) {
    if (typeof matching !== 'string' || !(MATCHING_STRATEGIES as readonly string[]).includes(matching)) {
      throw new ConfigurationError(`matching must be one of ${MATCHING_STRATEGIES.join(', ')}`);
    }
    config.matching = matching as MatchingStrategy;
  }
  const bodyLimit = pick('VEIL_BODY_LIMIT_BYTES', 'bodyLimitBytes');
  if (bodyLimit !== undefined) config.bodyLimitBytes = int(bodyLimit, 'bodyLimitBytes', 1024, 100 * 1024 * 1024);
  const streamLimit = pick('VEIL_STREAM_LIMIT_BYTES', 'streamLimitBytes');
  if (streamLimit !== undefined) config.streamLimitBytes = int(streamLimit, 'streamLimitBytes', 1024, 1024 * 1024 * 1024);
  const requestTimeout = pick('VEIL_REQUEST_TIMEOUT_MS', 'requestTimeoutMs');
  if (requestTimeout !== undefined) config.requestTimeoutMs = int(requestTimeout, 'requestTimeoutMs', 1000, 24 * 3600_000);
  const maxScope = file.maxScopeLength;
  if (maxScope !== undefined) config.maxScopeLength = int(maxScope, 'maxScopeLength', 1, 1024);
  const shutdown = pick('VEIL_SHUTDOWN_TIMEOUT_MS', 'shutdownTimeoutMs');
  if (shutdown !== undefined) config.shutdownTimeoutMs = int(shutdown, 'shutdownTimeoutMs', 0, 600_000);

  Object.assign(config, options.overrides ?? {});
  if (Object.keys(config.apiKeys).length === 0) throw new ConfigurationError('no API keys: set VEIL_API_KEYS=tenant:key,... or apiKeys in the configuration file');
  if (config.store.type !== 'memory' && !config.vaultKey) {
    throw new ConfigurationError('the Redis and file stores need VEIL_VAULT_KEY (32 bytes, hex or base64) or VEIL_VAULT_PASSPHRASE');
  }
  return config;
}

