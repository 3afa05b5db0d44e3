/**
 * `@veil/scanners/ai-sdk`: the Vercel AI SDK middleware (`ai` 5, 6 or 7). Its declarations import nothing from
 * `ai` or `@ai-sdk/provider`, so they compile whichever of those is installed.
 */
export { veilMiddleware, protectCallOptions, restorePartsStream } from './integrations/ai-sdk.js';
export type {
  VeilLanguageModelMiddleware, VeilMiddlewareOptions, AiSdkPart, AiSdkCallOptions, AiSdkGenerateResult, AiSdkStreamResult,
} from './integrations/ai-sdk.js';
export type { UnknownFields } from './integrations/field-walk.js';
export type { VeilAdapterOptions, VeilScanners, VeilVaultOptions } from './integrations/scanners.js';
