/** Reads a model's `id2label` (BIO, IOB, BILOU or bare labels) into what aggregation needs. */

/** `begin` opens a new entity, `inside` continues one, `outside` is no entity. */
export type LabelTag = 'begin' | 'inside' | 'outside';

export interface ModelLabel {
  tag: LabelTag;
  /** The model's own entity name without prefix, e.g. `PER` or `FIRSTNAME`. */
  entity: string;
  /** The Veil entity type, or null when the label is ignored. */
  type: string | null;
}

/** Common label names every config understands, so a model labelled B-PER or B-PERSON works unconfigured. */
const COMMON_LABEL_TYPES: Record<string, string | null> = {
  PER: 'PERSON', PERSON: 'PERSON', ORG: 'ORGANIZATION', ORGANIZATION: 'ORGANIZATION', ORGANISATION: 'ORGANIZATION',
  LOC: 'LOCATION', LOCATION: 'LOCATION', GPE: 'LOCATION', MISC: null, OTHER: null,
};

const PREFIXED = /^([BIESLU])[-_](.+)$/;

export function parseLabel(raw: string, labelTypes: Record<string, string | null>): ModelLabel {
  if (raw === 'O' || raw === '0' || raw === '') return { tag: 'outside', entity: 'O', type: null };
  const m = PREFIXED.exec(raw);
  const prefix = m ? m[1]! : 'I';
  const entity = m ? m[2]! : raw;
  const type = lookupType(entity, labelTypes);
  if (type === null) return { tag: 'outside', entity, type: null };
  const tag: LabelTag = prefix === 'B' || prefix === 'S' || prefix === 'U' ? 'begin' : 'inside';
  return { tag, entity, type };
}

function lookupType(entity: string, labelTypes: Record<string, string | null>): string | null {
  if (Object.hasOwn(labelTypes, entity)) return labelTypes[entity] ?? null;
  const upper = entity.toUpperCase();
  if (Object.hasOwn(labelTypes, upper)) return labelTypes[upper] ?? null;
  return COMMON_LABEL_TYPES[upper] ?? null;
}

/** Turns config.json's `id2label` ({"0": "O", "1": "B-PER", ...}) into a dense array indexed by label id. */
export function readId2Label(id2label: unknown, labelTypes: Record<string, string | null>): ModelLabel[] {
  if (typeof id2label !== 'object' || id2label === null) throw new TypeError('config.json has no id2label');
  const entries = Object.entries(id2label as Record<string, unknown>);
  const labels: ModelLabel[] = new Array<ModelLabel>(entries.length);
  for (const [key, value] of entries) {
    const id = Number(key);
    if (!Number.isInteger(id) || id < 0 || id >= entries.length || typeof value !== 'string') {
      throw new TypeError('config.json id2label must map 0..n-1 to label strings');
    }
    labels[id] = parseLabel(value, labelTypes);
  }
  return labels;
}
