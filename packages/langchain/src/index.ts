export { withVeil, VeilRunnable, VeilCore, protectInput, restoreOutput } from './with-veil.js';
export type { VeilLangChainOptions } from './with-veil.js';
export { protectMessage, protectMessages, protectContent, restoreMessage, restoreContent, restoreJson, ChunkRestorer } from './messages.js';
export { VeilDocumentTransformer, DEFAULT_SCOPE_KEY } from './document-transformer.js';
export type { VeilDocumentTransformerOptions } from './document-transformer.js';
