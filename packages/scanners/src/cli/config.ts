import { existsSync } from 'node:fs';
import type { AnonymizeOptions } from '../anonymize.js';

export const CONFIG_NAMES = 'patterns | compromise | bundled | hub:<repo id> | <model directory>';

/** The Anonymize `ner` option for a named configuration, or undefined when the name means nothing. */
export function nerOptionFor(config: string): AnonymizeOptions['ner'] | undefined {
  if (config === 'patterns') return false;
  if (config === 'compromise' || config === 'bundled') return config;
  if (config.startsWith('hub:') && config.length > 4) return { model: config.slice(4), load: { allowRemote: true } };
  if (existsSync(config)) return config;
  return undefined;
}
