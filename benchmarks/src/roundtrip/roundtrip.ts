import { PLACEHOLDER_PATTERN } from '@veil/vault';
import type { RoundTripReport } from '../report/model.js';
import { countRestored } from './restore-check.js';
import { renderSegments, standInModel } from './stand-in-model.js';

export interface RoundTripInput {
  id: string;
  /** The anonymized document sent to the model. */
  sanitized: string;
}

export interface RoundTripDeps {
  /** Deanonymize.scan: restores the placeholders in `output`. */
  deanonymize(prompt: string, output: string): Promise<{ sanitized: string }>;
  /** Vault lookup of the original value behind a placeholder. */
  valueOf(placeholder: string): Promise<string | undefined>;
}

/** A placeholder, mangled or not, still present after restoring. */
const LEFTOVER = /redacted[ _]?[a-z][a-z0-9]{0,30}(?:[ _][a-z0-9]{1,30}){0,4}[ _]?\d{1,9}/gi;

/**
 * Sends each sanitized document through the stand-in model, restores the answer and counts, per placeholder
 * occurrence, whether its original value came back in its place.
 */
export async function runRoundTrip(inputs: readonly RoundTripInput[], deps: RoundTripDeps): Promise<RoundTripReport> {
  let placed = 0;
  let restored = 0;
  let mangled = 0;
  let unresolved = 0;
  for (const { id, sanitized } of inputs) {
    const segments = standInModel(sanitized, id);
    const answer = renderSegments(segments);
    const result = await deps.deanonymize(sanitized, answer);
    const values = new Map<string, string | undefined>();
    for (const m of sanitized.matchAll(PLACEHOLDER_PATTERN)) {
      if (!values.has(m[0])) values.set(m[0], await deps.valueOf(m[0]));
    }
    const count = countRestored(segments, result.sanitized, (p) => values.get(p));
    placed += count.placed;
    restored += count.restored;
    mangled += count.mangled;
    unresolved += result.sanitized.match(LEFTOVER)?.length ?? 0;
  }
  return {
    documents: inputs.length,
    placed,
    restored,
    restoreRate: placed === 0 ? 1 : restored / placed,
    mangled,
    unresolved,
  };
}
