import { describe, expect, it } from 'vitest';
import { phoneRecognizer } from './phone.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = phoneRecognizer();

describe('phone recognizer', () => {
  it.each([
    ['(415) 555-2671', 'US'],
    ['415-555-2671', 'US'],
    ['415.555.2671', 'US'],
    ['415 555 2671', 'US'],
    ['+1 (212) 736-5000', 'US'],
    ['1-800-555-0199', 'US'],
    ['+44 20 7946 0958', 'GB'],
    ['+49 30 901820', 'DE'],
    ['+33 1 42 68 53 00', 'FR'],
    ['+91 98765 43210', 'IN'],
    ['+81 3-1234-5678', 'JP'],
    ['+61 2 9876 5432', 'AU'],
    ['1 (800) 275-2273', 'US'],
    ['+44 (0)20 7946 0958', 'GB'],
  ])('finds %s (%s)', async (number, country) => {
    const finding = await expectFinding(recognizer, `Our office: ${number}, weekdays.`, number, 0.75);
    expect(finding.type).toBe('PHONE_NUMBER');
    expect(finding.explanation).toContain(`libphonenumber valid (${country})`);
  });

  it('includes an extension', async () => {
    await expectFinding(recognizer, 'Desk 415-555-2671 ext. 204 today', '415-555-2671 ext. 204');
  });

  it('drops an unrelated leading or trailing group', async () => {
    await expectFinding(recognizer, 'call 415 555 2671 3 times', '415 555 2671');
    await expectFinding(recognizer, 'room 12 415 555 2671', '415 555 2671');
  });

  it('finds a number wrapped over two lines, reporting the wrapped span', async () => {
    await expectFinding(recognizer, 'please call 559-221-\n4830 today', '559-221-\n4830');
    await expectFinding(recognizer, 'call me on +44 20 7946\n1183, thanks', '+44 20 7946\n1183');
  });

  it('finds every number when several run together', async () => {
    const text = 'Phones: 415 555 2671 212 736 5000\n617-253-1000';
    const found = recognizer.analyze(text).map((f) => f.text);
    expect(found).toEqual(['415 555 2671', '212 736 5000', '617-253-1000']);
  });

  it('scores a fictional but phone-shaped North American number just over the threshold', async () => {
    const finding = await expectFinding(recognizer, 'Call (555) 123-4567 now', '(555) 123-4567', 0.5);
    expect(finding.score).toBeLessThan(0.75);
    expect(finding.explanation).toContain('nanp layout, possible number');
  });

  it('reports a bare digit run only next to a context word', async () => {
    await expectFinding(recognizer, 'phone: 4155552671', '4155552671');
    await expectNoFinding(recognizer, 'Order 4155552671 has shipped');
  });

  it('boosts the score with a context word', async () => {
    const plain = await expectFinding(recognizer, 'Our office: 415-555-2671', '415-555-2671');
    const boosted = await expectFinding(recognizer, 'Call 415-555-2671', '415-555-2671');
    expect(boosted.score).toBeGreaterThan(plain.score);
  });

  it.each([
    'Due 2024-01-15, paid 01/15/2024.',
    'released on 15.01.2024',
    'meet at 12:30:45 sharp',
    'upgrade to v1.2.3 or 10.2.1234',
    'host 192.168.100.200 is up',
    'ZIP 94105-1234',
    'Order #4155552671 shipped',
    'card 4111 1111 1111 1111',
    'SSN 123-45-6789',
    '020 7946 0958',
    'ref 415-555-26712',
    'isbn 978-3-16-148410-0',
    'tel 34 56 78 90 12',
    'call 4155 552 671',
  ])('rejects the near miss %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
