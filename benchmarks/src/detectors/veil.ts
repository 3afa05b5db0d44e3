import { existsSync } from 'node:fs';
import { Anonymize, PATTERN_ENTITY_TYPES } from '@veil/scanners';
import type { AnonymizeOptions, EntityType } from '@veil/scanners';
import { Vault } from '@veil/vault';
import type { Prediction } from '../metrics.js';
import type { Detector } from './types.js';

/** Named configurations: patterns only, the compromise tier, the bundled model (default), or any model. */
export const VEIL_CONFIG_HELP = "patterns | compromise | bundled | hub:<repo id> | <model directory>";

const NER_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'LOCATION'];

/** Unknown configuration name; the CLI maps it to a usage error. */
export class UnknownConfigError extends Error {
  constructor(config: string) {
    super(`unknown config "${config}"; expected ${VEIL_CONFIG_HELP}`);
    this.name = 'UnknownConfigError';
  }
}

/** The Anonymize `ner` option for a configuration name. */
export function nerOptionFor(config: string): AnonymizeOptions['ner'] {
  if (config === 'patterns') return false;
  if (config === 'compromise' || config === 'bundled') return config;
  if (config.startsWith('hub:') && config.length > 4) return { model: config.slice(4), load: { allowRemote: true } };
  if (existsSync(config)) return config;
  throw new UnknownConfigError(config);
}

export function veilEntityTypes(config: string): EntityType[] {
  return nerOptionFor(config) === false ? [...PATTERN_ENTITY_TYPES] : [...PATTERN_ENTITY_TYPES, ...NER_TYPES];
}

export interface VeilDetector extends Detector {
  /** Holds every placeholder placed during the run, for the round trip. */
  readonly vault: Vault;
}

/** Veil's Anonymize scanner under a named configuration; one vault for the whole run. */
export function createVeilDetector(config: string, vault: Vault = new Vault()): VeilDetector {
  const anonymize = new Anonymize({ vault, ner: nerOptionFor(config) });
  return {
    name: `veil:${config}`,
    types: veilEntityTypes(config),
    vault,
    async load() {
      await anonymize.ready();
    },
    async detect(text: string): Promise<Prediction> {
      const result = await anonymize.scan(text);
      return {
        spans: result.findings.map((f) => ({ start: f.start, end: f.end, label: f.type })),
        sanitized: result.sanitized,
      };
    },
  };
}
