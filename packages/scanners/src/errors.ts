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
