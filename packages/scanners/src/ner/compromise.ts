/**
 * compromise, loaded on first use: the light tier and the refinement of model findings need it, a user of
 * patterns only does not (it costs about 40 MB and a few hundred milliseconds to load). Loaded with `require`
 * (its CommonJS build, one file) so that the recognizers using it stay synchronous.
 */
import { createRequire } from 'node:module';
import type nlpFunction from 'compromise';

export type Nlp = typeof nlpFunction;
export type NlpDocument = ReturnType<Nlp>;

let loaded: Nlp | undefined;

export function compromise(): Nlp {
  loaded ??= createRequire(import.meta.url)('compromise') as Nlp;
  return loaded;
}
