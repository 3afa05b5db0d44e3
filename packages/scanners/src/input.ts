import { InvalidInputError } from './errors.js';

/** Longest text a scanner accepts by default, in UTF-16 code units (about 10 MB of ASCII). */
export const DEFAULT_MAX_LENGTH = 10_000_000;

/**
 * Checks that `value` is scannable text and returns it unchanged. Lone surrogates and control
 * characters are allowed: they are kept as they are so the caller loses nothing.
 * Messages name the argument and its kind or length, never its content.
 */
export function assertText(value: unknown, argument = 'prompt', maxLength = DEFAULT_MAX_LENGTH): string {
  if (typeof value !== 'string') {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    throw new InvalidInputError(`${argument} must be a string, got ${kind}`);
  }
  if (value.length > maxLength) {
    throw new InvalidInputError(`${argument} is ${value.length} UTF-16 units long; the limit is ${maxLength}`);
  }
  return value;
}
