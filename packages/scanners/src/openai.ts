/**
 * `@veil/scanners/openai`: `veilFetch` for the `openai` client and any SDK that takes a `fetch` (chat completions,
 * JSON or SSE). It needs no peer dependency; it lives on its own entry like the AI SDK adapter.
 */
export { veilFetch, restoreChatCompletion, ChatChunkRestorer, DEFAULT_MAX_BODY_BYTES } from './integrations/openai.js';
export type { VeilFetchOptions } from './integrations/openai.js';
export { protectChatRequest } from './integrations/openai-request.js';
export type { ChatRequestOptions } from './integrations/openai-request.js';
export type { UnknownFields } from './integrations/field-walk.js';
export { DEFAULT_MAX_EVENT_CHARS } from './integrations/sse.js';
export type { VeilAdapterOptions, VeilScanners, VeilVaultOptions } from './integrations/scanners.js';
export { startTestServer } from './integrations/test-server.js';
export type { TestServer, TestServerOptions, TestReply } from './integrations/test-server.js';
