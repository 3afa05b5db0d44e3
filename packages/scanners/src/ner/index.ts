import { BUNDLED_MODEL } from '@veil/ner-models';
import type { LoadOptions, ModelSpec, NerModelConfig } from '@veil/ner-models';
import { ConfigurationError } from '../errors.js';
import type { Recognizer } from '../types.js';
import type { ModelRecognizerOptions } from './model-recognizer.js';
import { CompromiseRecognizer } from './compromise-recognizer.js';
import { ModelRecognizer } from './model-recognizer.js';

export { CompromiseRecognizer, COMPROMISE_PRECISION, compromiseScore } from './compromise-recognizer.js';
export { ModelRecognizer, type ModelRecognizerOptions } from './model-recognizer.js';
export { refineNameFindings, REFINE_RULES } from './refine/index.js';
export type { RefineOptions, RefineRuleName } from './refine/index.js';

/** A model plus how to load it: `{ model: 'dslim/bert-base-NER', load: { allowRemote: true } }`. */
export interface NerModelOption {
  model: ModelSpec;
  load?: LoadOptions;
  thresholds?: Record<string, number>;
  /** Post-process the model's name spans (default true), optionally with rules skipped; see `ModelRecognizerOptions.refine`. */
  refine?: ModelRecognizerOptions['refine'];
}

/**
 * How Anonymize finds names, organizations and places: 'bundled' (default), a model config name
 * ('dslim/bert-base-NER', ...), a local model directory, a config object, `{ model, load, thresholds }`,
 * 'compromise' (no model), or a ready recognizer.
 */
export type NerOption = 'bundled' | 'compromise' | (string & {}) | NerModelConfig | NerModelOption | Recognizer;

function isRecognizer(option: object): option is Recognizer {
  return typeof (option as Recognizer).analyze === 'function';
}

function isModelOption(option: object): option is NerModelOption {
  return 'model' in option && !('onnxFile' in option);
}

export function createNerRecognizer(option: NerOption = 'bundled'): Recognizer {
  if (typeof option === 'string') {
    if (option === 'compromise') return new CompromiseRecognizer();
    return new ModelRecognizer(option === 'bundled' ? BUNDLED_MODEL : option);
  }
  if (typeof option !== 'object' || option === null) {
    throw new ConfigurationError('ner must be a model name, a directory, a config object, "compromise" or a recognizer');
  }
  if (isRecognizer(option)) return option;
  if (isModelOption(option)) return new ModelRecognizer(option.model, { load: option.load, thresholds: option.thresholds, refine: option.refine });
  return new ModelRecognizer(option);
}
