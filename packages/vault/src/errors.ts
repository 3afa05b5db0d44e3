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

/**
 * Why stored data could not be decrypted: `wrong-key` (checked against a key-check value), `tampered` (right key,
 * altered data), `wrong-key-or-tampered` (an older file without a key check), `truncated`, `malformed` (not a vault,
 * bad field) or `unsupported` (version, cipher, key derivation, or a cost above the cap).
 */
export type VaultDecryptionReason = 'wrong-key' | 'tampered' | 'wrong-key-or-tampered' | 'truncated' | 'malformed' | 'unsupported';

/** Stored data cannot be decrypted: wrong key or passphrase, or the data was changed or cut. Nothing is loaded. */
export class VaultDecryptionError extends VaultError {
  readonly reason: VaultDecryptionReason;
  constructor(message = 'cannot decrypt the vault file: wrong passphrase or damaged file', reason: VaultDecryptionReason = 'wrong-key-or-tampered') {
    super('VEIL_VAULT_DECRYPT', message);
    this.reason = reason;
  }
}

/** The store cannot be reached or did not answer in time (Redis down, timeout). Fail closed: send nothing. */
export class VaultUnavailableError extends VaultError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('VEIL_VAULT_UNAVAILABLE', message, options);
  }
}
