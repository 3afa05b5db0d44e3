import { describe, it } from 'vitest';
import { macAddressRecognizer } from './mac-address.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding, expectNoFinding } from './__fixtures__/support.js';

const recognizer = macAddressRecognizer();

describeIdRecognizer('MAC address recognizer', {
  recognizer,
  type: 'MAC_ADDRESS',
  context: 'MAC address',
  valid: ['3c:22:fb:8a:41:07', '3C-22-FB-8A-41-07', 'a4:83:e7:0f:9b:12', '00:1A:2B:3C:4D:5E'],
  invalid: ['00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff', 'FF-FF-FF-FF-FF-FF'],
  withoutContext: 'found',
  lookAlikes: ['3c:22:fb:8a:41', '3c:22:fb:8a:41:07:99', '3c:22-fb:8a:41:07', '3c:22:fb:8a:41:0g', 'fe80::3c22:fbff:fe8a:4107'],
});

describe('MAC address forms', () => {
  it('needs a context word for the dotted form of network gear', async () => {
    await expectFinding(recognizer, 'Device MAC 3c22.fb8a.4107 on port 4', '3c22.fb8a.4107', 0.6);
    await expectNoFinding(recognizer, 'Build 3c22.fb8a.4107 failed');
  });

  it('ignores times and IPv6 addresses', async () => {
    await expectNoFinding(recognizer, 'At 12:30:45 the host 2001:db8:85a3::8a2e:370:7334 rebooted.');
  });
});
