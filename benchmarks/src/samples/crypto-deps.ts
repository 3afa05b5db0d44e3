/*
 * The encoders and hashes come from the audited @scure/base and @noble/hashes packages that
 * @veil/scanners already depends on. veil-bench does not list them, so they are reached through
 * the scanners package's node_modules; listing them in benchmarks/package.json would remove this.
 */
export { base58, bech32 } from '../../../packages/scanners/node_modules/@scure/base/index.js';
export { keccak_256 } from '../../../packages/scanners/node_modules/@noble/hashes/sha3.js';
