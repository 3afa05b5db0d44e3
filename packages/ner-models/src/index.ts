export {
  BUNDLED_MODEL, defaultModelConfig, getModelConfig, modelConfigNames, registerModelConfig, validateModelConfig,
  type AggregationStrategy, type NerModelConfig,
} from './configs.js';
export { ModelLoadError, ModelNotFoundError, NerInferenceError, NerModelError } from './errors.js';
export { clearModelCache, loadNerModel, resolveModelConfig, type LoadOptions, type ModelSpec } from './loader.js';
export { bundledModelDirectory } from './locations.js';
export { NerModel, type NerModelParts, type PredictOptions } from './model.js';
export { DEFAULT_SEGMENT_PLAN, planSegments, type SegmentPlan, type TextSegment } from './segments.js';
export { WordEncoder } from './encoding.js';
export type { NerEntity } from './aggregation.js';
export { caseClass, CaseClass, tokenCaseClasses, type TokenTypeMode } from './casing.js';
