import { describe, expect, it } from 'vitest';
import { ipAddressRecognizer } from './ip-address.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = ipAddressRecognizer();

describe('IP address recognizer', () => {
  it.each(['192.168.1.1', '10.0.0.254', '8.8.8.8', '255.255.255.255', '172.16.254.1', '0.0.0.0'])(
    'finds the IPv4 address %s',
    async (ip) => {
      const finding = await expectFinding(recognizer, `Logged in from ${ip}.`, ip, 0.8);
      expect(finding.type).toBe('IP_ADDRESS');
      expect(finding.explanation).toContain('isIP v4 ok');
    },
  );

  it('finds an address followed by a CIDR suffix or a port', async () => {
    await expectFinding(recognizer, 'subnet 10.1.2.0/24', '10.1.2.0');
    await expectFinding(recognizer, 'http://203.0.113.7:8080/x', '203.0.113.7');
  });

  it.each([
    '2001:db8::8a2e:370:7334',
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    'fe80::1ff:fe23:4567:890a',
    '::1',
    '::ffff:192.0.2.128',
    'FE80::0202:B3FF:FE1E:8329',
  ])('finds the IPv6 address %s', async (ip) => {
    const finding = await expectFinding(recognizer, `host ${ip} replied`, ip, 0.9);
    expect(finding.explanation).toContain('isIP v6 ok');
  });

  it('scores a quad next to a version word below the default threshold', async () => {
    for (const text of ['running build 7.4.0.112 of the software', 'Rollback to 10.2.3.3 starts', 'gateway 10.2.3.4 (commit 3b9e1f0)', 'see section 4.2.1.3 below']) {
      const [finding] = recognizer.analyze(text);
      expect(finding?.score, text).toBeLessThan(0.5);
      expect(finding?.explanation?.[1]).toMatch(/numbering word/);
    }
  });

  it('keeps an address whose version-looking word is farther away', async () => {
    await expectFinding(recognizer, 'Update A record for api.example.com: 64.207.123.99 today', '64.207.123.99', 0.8);
  });

  it.each([
    'build=10.2.3.4+b3efce9',
    'version 1.2.3.4.5',
    'build 1.2.3.4.5.6',
    'v1.2.3.4 released',
    'version 1.2.3.4',
    'octets 256.1.1.1',
    '192.168.1 only three',
    '1.2.3.04.5',
    '192.168.001.001',
    'id A192.168.1.1',
    'times 12:30:45 and 10:15',
    'mac 00:1A:2B:3C:4D:5E',
    'std::vector and a::b::c',
    'scope a::b and dead::beef',
    'hash deadbeef',
  ])('rejects the near miss %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
