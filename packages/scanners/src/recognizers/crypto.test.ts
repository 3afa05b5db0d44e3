import { bech32, bech32m, createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { cryptoRecognizer, hasValidEip55Checksum } from './crypto.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = cryptoRecognizer();
const base58check = createBase58check(sha256);
const bytes = (seed: number, length: number) => Uint8Array.from({ length }, (_, i) => (seed * 31 + i * 7) % 256);
const base58Address = (version: number, seed: number) => base58check.encode(Uint8Array.of(version, ...bytes(seed, 20)));

/** Changes one character of the payload to another of the same alphabet, breaking the checksum. */
function mutate(address: string, at: number, alphabet: string): string {
  const char = address[at]!;
  const next = alphabet[(alphabet.indexOf(char) + 1) % alphabet.length]!;
  return `${address.slice(0, at)}${next}${address.slice(at + 1)}`;
}
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

const BITCOIN = [
  '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
  '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
  '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
  base58Address(0x00, 1),
  base58Address(0x05, 2),
  base58Address(0x6f, 3),
  'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
  'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'.toUpperCase(),
  'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3',
  bech32m.encode('bc', [1, ...bech32m.toWords(bytes(4, 32))]),
  bech32.encode('tb', [0, ...bech32.toWords(bytes(5, 20))]),
];

const ETHEREUM = [
  '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
  '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
  '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
];

describe('crypto recognizer', () => {
  it.each(BITCOIN)('finds the Bitcoin address %s', async (address) => {
    const finding = await expectFinding(recognizer, `Send to ${address} now.`, address, 1);
    expect(finding.type).toBe('CRYPTO');
    expect(finding.explanation?.[1]).toMatch(/^bitcoin /);
  });

  it.each(ETHEREUM)('finds the EIP-55 checksummed Ethereum address %s', async (address) => {
    expect(hasValidEip55Checksum(address)).toBe(true);
    const finding = await expectFinding(recognizer, `Send to ${address} now.`, address, 1);
    expect(finding.explanation).toContain('ethereum, eip-55 ok');
  });

  it('finds an all-lower-case Ethereum address with a lower score', async () => {
    const address = ETHEREUM[0]!.toLowerCase();
    const finding = await expectFinding(recognizer, `to ${address}`, address, 0.8);
    expect(finding.score).toBeLessThan(1);
  });

  it.each([
    mutate(BITCOIN[0]!, 10, BASE58),
    mutate(BITCOIN[2]!, 20, BASE58),
    mutate(BITCOIN[3]!, 5, BASE58),
    base58Address(0x30, 6),
    base58check.encode(Uint8Array.of(0x00, ...bytes(7, 24))),
    mutate(BITCOIN[6]!, 12, BECH32),
    mutate(BITCOIN[8]!, 30, BECH32),
    'bc1qAR0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    bech32.encode('bc', [1, ...bech32.toWords(bytes(8, 32))]),
    bech32m.encode('bc', [0, ...bech32m.toWords(bytes(9, 20))]),
    bech32.encode('bc', [0, ...bech32.toWords(bytes(10, 25))]),
  ])('rejects the Bitcoin look-alike %s', async (address) => {
    await expectNoFinding(recognizer, `Send to ${address} now.`);
  });

  it.each([
    '0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d3591',
    '0x0000000000000000000000000000000000000000',
    'a0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FG',
  ])('rejects the Ethereum look-alike %s', async (address) => {
    await expectNoFinding(recognizer, `Send to ${address} now.`);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
