export * from './types.js';
export * from './errors.js';
export * from './recognizers/index.js';
export { Deanonymize, DEFAULT_MAX_OUTPUT_LENGTH } from './deanonymize.js';
export type { DeanonymizeOptions, DeanonymizeResult, PlaceholderSource } from './deanonymize.js';
export { PlaceholderMatcher, FUZZY_SLACK, MATCHING_STRATEGIES } from './placeholder-match.js';
export type { MatchingStrategy, MatchKind, PlaceholderEntry, PlaceholderHit } from './placeholder-match.js';
