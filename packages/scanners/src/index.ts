export * from './types.js';
export * from './errors.js';
export * from './recognizers/index.js';
export { Deanonymize, DEFAULT_MAX_OUTPUT_LENGTH } from './deanonymize.js';
export type { DeanonymizeOptions, DeanonymizeResult, PlaceholderSource } from './deanonymize.js';
export { PlaceholderMatcher, FUZZY_SLACK, MATCHING_STRATEGIES } from './placeholder-match.js';
export type { MatchingStrategy, MatchKind, PlaceholderEntry, PlaceholderHit } from './placeholder-match.js';
export { StreamingDeanonymizer, DeanonymizeTransformStream, createStreamingDeanonymizer, deanonymizeStream } from './stream/index.js';
export type { DeanonymizeStreamOptions } from './stream/index.js';
export { Anonymize, DEFAULT_THRESHOLD } from './anonymize.js';
export type { AnonymizeOptions, AnonymizeFinding, AnonymizeResult } from './anonymize.js';
export { scanPrompt, scanOutput } from './pipeline.js';
export type { PipelineOptions, PipelineResult, ScannerReport, ScannerList } from './pipeline.js';
export { riskScore } from './risk.js';
export { assertText, DEFAULT_MAX_LENGTH } from './input.js';
export { createNerRecognizer, ModelRecognizer, CompromiseRecognizer, COMPROMISE_PRECISION, compromiseScore, refineNameFindings, REFINE_RULES } from './ner/index.js';
export type { NerOption, NerModelOption, ModelRecognizerOptions, RefineOptions, RefineRuleName } from './ner/index.js';
// The adapters have their own entries, '@veil/scanners/openai' and '@veil/scanners/ai-sdk'.
export { startTestServer } from './integrations/test-server.js';
export type { TestServer, TestServerOptions, TestReply } from './integrations/test-server.js';
export type { VeilAdapterOptions, VeilScanners, VeilVaultOptions } from './integrations/scanners.js';
// Building blocks for adapters in other packages (@veil/langchain).
export { ConversationProtector, replaceKnownValues } from './integrations/protect.js';
export { AnswerRestorer } from './integrations/restore.js';
export { resolveScanners } from './integrations/scanners.js';
export { ScanObserver, StreamScan, VeilAttributes, TRACER_NAME, countByType, eventAttributes } from './observe.js';
export type { ScanEvent, OnScan, ObserveOptions, ScannerName, ScanSummary } from './observe.js';
