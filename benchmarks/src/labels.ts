import type { EntityType } from '@veil/scanners';

/** Short dataset labels read as Veil entity types (DESIGN.md "Dataset format"). */
const LABEL_ALIASES: Readonly<Record<string, EntityType>> = {
  PER: 'PERSON',
  PERSON: 'PERSON',
  LOC: 'LOCATION',
  LOCATION: 'LOCATION',
  ORG: 'ORGANIZATION',
  ORGANIZATION: 'ORGANIZATION',
};

/** Labels that are never scored. */
const IGNORED_LABELS = new Set(['MISC', 'OTHER', 'O']);

/** Maps a dataset label to a Veil entity type, or undefined when the label is not scored. */
export function normalizeLabel(label: string): EntityType | undefined {
  const upper = label.trim().toUpperCase();
  if (upper === '' || IGNORED_LABELS.has(upper)) return undefined;
  return LABEL_ALIASES[upper] ?? upper;
}
