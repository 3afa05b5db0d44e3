export * from './placeholder.js';
export * from './errors.js';
export type { VaultEntry, VaultSnapshot, VaultStore, RestoreMode } from './store.js';
export { MemoryVaultStore } from './memory-store.js';
export { parseVaultSnapshot } from './snapshot.js';
export { Vault, DEFAULT_SCOPE } from './vault.js';
export type { VaultOptions } from './vault.js';
export { EncryptedFileVaultStore, VaultDecryptionError, VaultFileError } from './encrypted-file-store.js';
export type { EncryptedFileVaultStoreOptions, ScryptCost } from './encrypted-file-store.js';
