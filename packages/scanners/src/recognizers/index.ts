import type { EntityType, Recognizer } from '../types.js';

/** Registry of the pattern recognizers: one line per recognizer. */
export function defaultRecognizers(): Recognizer[] {
  return [];
}

export const PATTERN_ENTITY_TYPES: EntityType[] = [];
