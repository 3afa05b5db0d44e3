/**
 * Typed errors. Messages never contain the scanned text or any value found in it:
 * they name the problem, an offset or a count, never the PII.
 */
export class VeilError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The input is not usable text (not a string, too long, ...). */
export class InvalidInputError extends VeilError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('VEIL_INVALID_INPUT', message, options);
  }
}

/** A configured recognizer failed; the scan fails closed instead of returning unsanitized text. */
export class RecognizerError extends VeilError {
  readonly recognizer: string;
  constructor(recognizer: string, message: string, options?: { cause?: unknown }) {
    super('VEIL_RECOGNIZER_FAILED', `recognizer "${recognizer}" failed: ${message}`, options);
    this.recognizer = recognizer;
  }
}

/** Scanner options are inconsistent or unknown. */
export class ConfigurationError extends VeilError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('VEIL_CONFIGURATION', message, options);
  }
}

/**
 * A request field the adapter has no rule for holds text. Sending it unscanned could leak PII and
 * guessing could break it, so the request is not sent. The message names the field path (keys only),
 * never its value.
 */
export class UnsupportedRequestFieldError extends VeilError {
  readonly path: string;
  constructor(path: string, options?: { cause?: unknown }) {
    super(
      'VEIL_UNSUPPORTED_FIELD',
      `request field "${path}" holds text Veil has no rule for; nothing was sent (unknownFields: 'anonymize' anonymizes such text instead)`,
      options,
    );
    this.path = path;
  }
}

/**
 * An answer (one streamed event or a buffered body) is larger than the adapter's cap. It cannot be
 * restored within bounded memory, and passing it on unrestored would hand placeholders to the caller
 * as if they were the answer, so the answer fails instead.
 */
export class ResponseTooLargeError extends VeilError {
  readonly limit: number;
  constructor(what: string, limit: number, unit: 'characters' | 'bytes', options?: { cause?: unknown }) {
    super('VEIL_RESPONSE_TOO_LARGE', `${what} is larger than the limit of ${limit} ${unit}; it was not passed on unrestored`, options);
    this.limit = limit;
  }
}
