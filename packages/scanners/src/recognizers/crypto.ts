/**
 * CRYPTO: Bitcoin addresses (legacy base58check P2PKH/P2SH, segwit bech32 and taproot bech32m) and
 * Ethereum addresses. Every candidate must pass its checksum: base58check's double SHA-256, the bech32
 * polymod, or EIP-55 mixed case (an all-lower or all-upper Ethereum address carries no checksum and
 * scores lower).
 */
import { bech32, bech32m, createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

const base58check = createBase58check(sha256);

const NOT_AFTER = '(?<![A-Za-z0-9])';
const NOT_BEFORE = '(?![A-Za-z0-9])';
const BTC_BASE58 = new RegExp(`${NOT_AFTER}[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}${NOT_BEFORE}`);
const BTC_BECH32 = new RegExp(`${NOT_AFTER}(?:bc|tb)1[02-9ac-hj-np-z]{8,87}${NOT_BEFORE}`, 'i');
const ETHEREUM = new RegExp(`${NOT_AFTER}0x[0-9A-Fa-f]{40}${NOT_BEFORE}`);

// Version bytes of base58 addresses: P2PKH and P2SH on mainnet and testnet.
const BASE58_VERSIONS: Record<number, string> = { 0x00: 'p2pkh', 0x05: 'p2sh', 0x6f: 'testnet p2pkh', 0xc4: 'testnet p2sh' };
const HASH160_LENGTH = 20;

function validateBase58(candidate: Candidate): Validation {
  let payload: Uint8Array;
  try {
    payload = base58check.decode(candidate.text);
  } catch {
    return { ok: false, explanation: 'base58check failed' };
  }
  const kind = BASE58_VERSIONS[payload[0] ?? -1];
  if (kind === undefined || payload.length !== HASH160_LENGTH + 1) return { ok: false, explanation: 'unknown version' };
  return { ok: true, explanation: `bitcoin ${kind}, base58check ok` };
}

function validateBech32(candidate: Candidate): Validation {
  const text = candidate.text;
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return { ok: false, explanation: 'mixed case bech32' };
  const lower = text.toLowerCase();
  // Segwit v0 uses bech32 (BIP 173); v1+ (taproot) uses bech32m (BIP 350).
  const v0 = bech32.decodeUnsafe(lower, 90);
  const v1 = v0 ? undefined : bech32m.decodeUnsafe(lower, 90);
  const decoded = v0 ?? v1;
  if (!decoded) return { ok: false, explanation: 'bech32 checksum failed' };
  const [version, ...data] = decoded.words;
  if (version === undefined || (v0 && version !== 0) || (v1 && (version < 1 || version > 16))) {
    return { ok: false, explanation: 'witness version mismatch' };
  }
  const program = bech32.fromWordsUnsafe(data);
  if (!program || program.length < 2 || program.length > 40 || (version === 0 && program.length !== 20 && program.length !== 32)) {
    return { ok: false, explanation: 'bad witness program' };
  }
  return { ok: true, explanation: `bitcoin segwit v${version}, ${v0 ? 'bech32' : 'bech32m'} ok` };
}

/** EIP-55: the case of each hex letter is set by the matching nibble of keccak-256 of the lower-case address. */
export function hasValidEip55Checksum(address: string): boolean {
  const hex = address.slice(2);
  const hash = bytesToHex(keccak_256(utf8ToBytes(hex.toLowerCase())));
  for (let i = 0; i < hex.length; i++) {
    const char = hex[i]!;
    if (!/[a-fA-F]/.test(char)) continue;
    const upper = parseInt(hash[i]!, 16) >= 8;
    if (upper !== (char === char.toUpperCase())) return false;
  }
  return true;
}

function validateEthereum(candidate: Candidate): Validation {
  const hex = candidate.text.slice(2);
  if (/^0+$/.test(hex)) return { ok: false, explanation: 'zero address' };
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) {
    return { ok: true, explanation: 'ethereum, no checksum case', score: 0.8 };
  }
  return hasValidEip55Checksum(candidate.text)
    ? { ok: true, explanation: 'ethereum, eip-55 ok', score: 1 }
    : { ok: false, explanation: 'eip-55 checksum failed' };
}

const VALIDATORS: Record<string, (candidate: Candidate) => Validation> = {
  btc_base58: validateBase58,
  btc_bech32: validateBech32,
  ethereum: validateEthereum,
};

export function cryptoRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'crypto',
    type: 'CRYPTO',
    patterns: [
      { name: 'btc_base58', regex: BTC_BASE58, score: 1 },
      { name: 'btc_bech32', regex: BTC_BECH32, score: 1 },
      { name: 'ethereum', regex: ETHEREUM, score: 1 },
    ],
    validate: (candidate) => VALIDATORS[candidate.pattern.name]!(candidate),
    context: { words: ['wallet', 'bitcoin', 'btc', 'ethereum', 'eth', 'crypto', 'address', 'send'], boost: 0.1 },
  });
}
