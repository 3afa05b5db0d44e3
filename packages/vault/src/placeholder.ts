/**
 * The one place that knows what a placeholder looks like: `[REDACTED_<TYPE>_<n>]`.
 * TYPE is upper-case letters, digits and underscores; n counts from 1 per type within a vault scope.
 */
export const PLACEHOLDER_PREFIX = '[REDACTED_';

/** Matches one whole placeholder; linear time (no nested quantifiers). Global: reset lastIndex or use matchAll. */
export const PLACEHOLDER_PATTERN = /\[REDACTED_([A-Z][A-Z0-9_]*?)_([1-9][0-9]*)\]/g;

export function formatPlaceholder(type: string, index: number): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(type)) throw new TypeError('entity type must be upper-case letters, digits and underscores');
  if (!Number.isSafeInteger(index) || index < 1) throw new RangeError('placeholder index must be a positive integer');
  return `${PLACEHOLDER_PREFIX}${type}_${index}]`;
}

export interface ParsedPlaceholder { type: string; index: number }

export function parsePlaceholder(text: string): ParsedPlaceholder | undefined {
  const m = /^\[REDACTED_([A-Z][A-Z0-9_]*?)_([1-9][0-9]*)\]$/.exec(text);
  if (!m) return undefined;
  return { type: m[1]!, index: Number(m[2]) };
}

/**
 * Maps any entity type name to a valid placeholder type: `email-address` -> `EMAIL_ADDRESS`,
 * `9x` -> `X_9X`. Lets custom recognizers use free-form type names without breaking the format.
 */
export function toPlaceholderType(entityType: string): string {
  const upper = entityType.trim().toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  if (upper === '') throw new TypeError('entity type must not be empty');
  return /^[A-Z]/.test(upper) ? upper : `X_${upper}`;
}
