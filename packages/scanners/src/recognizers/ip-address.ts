/**
 * IP_ADDRESS: IPv4 dotted quads and IPv6 (full, compressed, with an embedded IPv4 tail), confirmed by
 * validator's isIP. A quad inside a longer dotted sequence (1.2.3.4.5) or after "v"/"version" is a
 * version number, not an address.
 */
import validator from 'validator';
import { findContextWord } from './context.js';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// A trailing "+abc" is semver build metadata (10.2.3.4+b3efce9), never part of an address.
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\w|\\.\\w|\\+\\w)`);
// One run of hex digits and colons, then an optional dotted IPv4 tail; isIP decides the structure.
// The lookahead (a colon within the first group) keeps ordinary words like "face" from becoming candidates.
const IPV6 = /(?<![\w:.])(?=[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}(?:\.\d{1,3}){0,3}(?![\w:]|\.\w)/;
// The same after a label glued with a colon or equals sign ("IPv6:2001:db8::1", "host=fe80::1").
const IPV6_LABELLED = /(?<=\b(?:[Ii][Pp](?:[Vv]6)?|[Hh]ost|[Aa]ddr(?:ess)?|[Ss]erver)[:=])(?=[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}(?:\.\d{1,3}){0,3}(?![\w:]|\.\w)/;

const VERSION_WORD = /(?:\bversion|\bver\.?|\brelease|\bv)\s{0,2}$/i;

// Four-part versions and section numbers look exactly like addresses; these words close by mark
// one as a version or a heading number.
const NUMBERING_CONTEXT = {
  words: ['version', 'versions', 'build', 'release', 'released', 'upgrade', 'upgraded', 'downgrade', 'downgraded',
    'firmware', 'patch', 'commit', 'rollback', 'changelog', 'sdk', 'ver', 'section', 'sections', 'chapter', 'clause',
    'paragraph', 'article', 'figure', 'table', 'step', 'appendix'],
  window: 4,
  boost: 0,
};
const NUMBERING_CONTEXT_SCORE = 0.3;

const ADDRESS_LABEL = { words: ['ip', 'ipv4'], window: 1, boost: 0 };
const NUMBERING_WORDS = new Set(NUMBERING_CONTEXT.words);
const wordsOf = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '').map((w) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));

/**
 * A numbering word within four words of the address that numbers it, not another number: in
 * "Step 3: connect to 192.168.10.25" and "192.168.10.25 step 3" the step has its own number.
 */
function numberingWordFor(candidate: Candidate): string | undefined {
  const before = wordsOf(candidate.source.slice(Math.max(0, candidate.start - 120), candidate.start)).slice(-NUMBERING_CONTEXT.window).reverse();
  for (const w of before) {
    if (/\d/.test(w)) break;
    if (NUMBERING_WORDS.has(w)) return w;
  }
  // After the address only its own line counts: a word on the next line belongs to the next field.
  const afterSlice = candidate.source.slice(candidate.end, candidate.end + 120);
  const lineBreak = afterSlice.search(/[\r\n]/);
  const after = wordsOf(lineBreak === -1 ? afterSlice : afterSlice.slice(0, lineBreak)).slice(0, NUMBERING_CONTEXT.window + 1);
  for (let i = 0; i < Math.min(after.length, NUMBERING_CONTEXT.window); i++) {
    const w = after[i]!;
    if (/\d/.test(w)) break;
    // "step 3" after the address: a small number of its own ("commit 3b9e1f0" still marks a version).
    if (NUMBERING_WORDS.has(w)) return /^\d{1,3}$/.test(after[i + 1] ?? '') ? undefined : w;
  }
  return undefined;
}

function validateIpv4(candidate: Candidate): Validation {
  const before = candidate.source.slice(Math.max(0, candidate.start - 12), candidate.start);
  if (VERSION_WORD.test(before)) return { ok: false, explanation: 'version number' };
  if (!validator.isIP(candidate.text, 4)) return { ok: false, explanation: 'isIP v4 failed' };
  const numberingWord = numberingWordFor(candidate);
  // An address word right before it ("IP 192.168.10.25 sdk") names it plainly, whatever follows.
  const labelled = numberingWord !== undefined && findContextWord(candidate.source, candidate.start, candidate.end, ADDRESS_LABEL)?.distance === 0;
  if (numberingWord !== undefined && !labelled) {
    return { ok: true, explanation: `isIP v4 ok, numbering word "${numberingWord}" nearby`, score: NUMBERING_CONTEXT_SCORE };
  }
  return { ok: true, explanation: 'isIP v4 ok' };
}

function validateIpv6(candidate: Candidate): Validation {
  // A colon glued after the address ("Host 2001:db8::1: down") is punctuation, not part of it.
  if (/[0-9A-Fa-f]:$/.test(candidate.text) && !candidate.text.endsWith('::')) {
    const inner = validateIpv6({ ...candidate, text: candidate.text.slice(0, -1), end: candidate.end - 1 });
    return inner.ok ? { ...inner, length: candidate.text.length - 1 } : inner;
  }
  const colons = candidate.text.split(':').length - 1;
  // Two colons and a decimal digit at least: "::" alone, "a::b" and C++ scopes are not addresses.
  if (colons < 2 || !/\d/.test(candidate.text)) return { ok: false, explanation: 'too short for ipv6' };
  return validator.isIP(candidate.text, 6) ? { ok: true, explanation: 'isIP v6 ok' } : { ok: false, explanation: 'isIP v6 failed' };
}

export function ipAddressRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'ip_address',
    type: 'IP_ADDRESS',
    patterns: [
      { name: 'ipv4', regex: IPV4, score: 0.8 },
      { name: 'ipv6', regex: IPV6, score: 0.9 },
      { name: 'ipv6_labelled', regex: IPV6_LABELLED, score: 0.9 },
    ],
    validate: (candidate) => (candidate.pattern.name === 'ipv4' ? validateIpv4(candidate) : validateIpv6(candidate)),
    context: { words: ['ip', 'address', 'host', 'server', 'ipv4', 'ipv6', 'gateway', 'dns', 'subnet'], boost: 0.15 },
  });
}
