// Sample addresses are built with the audited encoders and hashes; the sample tests then check every generated
// value with validator, an independent implementation.
export { base58, bech32 } from '@scure/base';
export { keccak_256 } from '@noble/hashes/sha3.js';
