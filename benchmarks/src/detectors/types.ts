import type { EntityType } from '@veil/scanners';
import type { Prediction } from '../metrics.js';

/** One tool under test, behind the same interface so that all are scored and timed the same way. */
export interface Detector {
  /** Row name in the report, e.g. `veil:bundled` or `redact-pii`. */
  readonly name: string;
  /** Entity types the tool claims to find, in Veil's names. */
  readonly types: readonly EntityType[];
  /** Loads models and warms caches; timed separately from per-document latency. */
  load(): Promise<void>;
  /** Finds PII in one document and returns the spans plus the text the tool would pass on. */
  detect(text: string): Promise<Prediction>;
  /**
   * Tools that run out of process (Presidio) time each document themselves with the same clock discipline and
   * process a whole batch at once.
   */
  detectBatch?(texts: readonly string[]): Promise<{ predictions: Prediction[]; latenciesMs: number[]; loadMs?: number }>;
  close?(): Promise<void>;
}

/** Why a detector cannot run on this machine (missing optional package, missing model). */
export class DetectorUnavailableError extends Error {
  constructor(readonly detector: string, reason: string) {
    super(`${detector} is not available: ${reason}`);
    this.name = 'DetectorUnavailableError';
  }
}
