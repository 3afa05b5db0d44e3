export { veilFetch, protectChatRequest, restoreChatCompletion, ChatChunkRestorer } from './openai.js';
export type { VeilFetchOptions } from './openai.js';
export { veilMiddleware, protectCallOptions, restorePartsStream } from './ai-sdk.js';
export { AnswerRestorer } from './restore.js';
export { ConversationProtector, replaceKnownValues } from './protect.js';
export { resolveScanners } from './scanners.js';
export type { VeilAdapterOptions, VeilScanners, VeilVaultOptions } from './scanners.js';
export { startTestServer, echoReply, seededRandom, randomChunks, messageText } from './test-server.js';
export type { TestServer, TestServerOptions, TestReply, TestToolCall, ChatRequest, ChatMessage } from './test-server.js';
