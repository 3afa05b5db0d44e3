/**
 * Typed vault errors. @veil/vault sits below @veil/scanners, so it cannot extend VeilError;
 * these carry the same `code` field so callers can handle both alike.
 * Messages never contain a stored value: they name the problem, an index or a count.
 */
export class VaultError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A snapshot given to import/fromJSON is not a valid vault snapshot. */
export class InvalidVaultSnapshotError extends VaultError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('VEIL_VAULT_INVALID_SNAPSHOT', message, options);
  }
}

/** An import would give one placeholder two values, or one value two placeholders. */
export class VaultConflictError extends VaultError {
  constructor(message: string) {
    super('VEIL_VAULT_CONFLICT', message);
  }
}

/** A vault call got an argument it cannot store (empty value, non-string, bad scope name). */
export class InvalidVaultArgumentError extends VaultError {
  constructor(message: string) {
    super('VEIL_VAULT_INVALID_ARGUMENT', message);
  }
}
