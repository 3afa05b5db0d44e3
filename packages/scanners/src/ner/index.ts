import { ConfigurationError } from '../errors.js';
import type { Recognizer } from '../types.js';

/** How Anonymize finds names, organizations and places: a model config name, a local model directory, 'compromise', or a ready recognizer. */
export type NerOption = string | Recognizer | Record<string, unknown>;

export function createNerRecognizer(_option: NerOption): Recognizer {
  throw new ConfigurationError('NER runtime is not wired yet');
}
