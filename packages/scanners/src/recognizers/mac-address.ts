/**
 * MAC_ADDRESS: hardware addresses, six bytes in hex separated by colons or dashes (3c:22:fb:8a:41:07,
 * 3C-22-FB-8A-41-07) or the dotted form of network gear (3c22.fb8a.4107). validator's isMACAddress checks the
 * form. There is no checksum; the colon/dash form has no other common reading (times have three groups, IPv6
 * groups hold four digits) and is reported on its own, like an IP address. The dotted form needs a context
 * word ("MAC", "hardware address"), and the all-zero and broadcast addresses identify no device.
 */
import validator from 'validator';
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type Validation } from './pattern-recognizer.js';

const NOT_AFTER = '(?<![0-9A-Za-z:.\\-])';
const NOT_BEFORE = '(?![0-9A-Za-z:\\-]|\\.[0-9A-Za-z])';
const SEPARATED = new RegExp(`${NOT_AFTER}[0-9A-F]{2}([:\\-])(?:[0-9A-F]{2}\\1){4}[0-9A-F]{2}${NOT_BEFORE}`, 'i');
const DOTTED = new RegExp(`${NOT_AFTER}[0-9A-F]{4}\\.[0-9A-F]{4}\\.[0-9A-F]{4}${NOT_BEFORE}`, 'i');

function validateMac(candidate: Candidate): Validation {
  const hex = candidate.text.replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
  if (hex === '000000000000' || hex === 'ffffffffffff') return { ok: false, explanation: 'null or broadcast address' };
  if (!validator.isMACAddress(candidate.text)) return { ok: false, explanation: 'not a mac address' };
  return { ok: true, explanation: 'mac address form ok' };
}

export function macAddressRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'mac_address',
    type: 'MAC_ADDRESS',
    patterns: [
      { name: 'mac_separated', regex: SEPARATED, score: 0.6 },
      { name: 'mac_dotted', regex: DOTTED, score: 0.4, requireContext: true },
    ],
    validate: validateMac,
    context: {
      words: ['mac', 'mac address', 'hardware address', 'hwaddr', 'ether', 'ethernet', 'bssid', 'wi-fi', 'wifi', 'physical address', 'device'],
      boost: 0.3,
    },
  });
}
