import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors.js';
import { phoneRecognizer } from './phone.js';
import { NON_PII_NUMBERS } from './__fixtures__/non-pii-numbers.js';
import { PHONE_FORMATS } from './__fixtures__/phone-formats.js';
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
    ['020 7946 0958', 'GB'],
    ['0491 57 03 26', 'AU'],
    ['01.84.17.61.18', 'FR'],
    ['(11) 4233-6306', 'BR'],
    ['0044 20 7946 0958', 'GB'],
    ['+447400123456', 'GB'],
  ])('finds %s (%s)', async (number, country) => {
    const finding = await expectFinding(recognizer, `Our office: ${number}, weekdays.`, number, 0.75);
    expect(finding.type).toBe('PHONE_NUMBER');
    // A national number is named after the first of the phoneRegions it is valid in; several may accept it.
    expect(finding.explanation?.[1]).toMatch(number.startsWith('+') || number.startsWith('00') || country === 'US' ? `libphonenumber valid (${country})` : /^libphonenumber valid \(\w\w\)$/);
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
    'ref 415-555-26712',
    'isbn 978-3-16-148410-0',
    'ISSN 0317-8471',
    'Part no. 0800 555 12',
    'Tracking 1Z 999 AA1 01 2345 6784',
    'sold 1 250 000 units by phone',
    'the phone costs 0612 345 678 VND',
    'reading 0.000123456 mol',
    '0.12 0.34 0.56 0.78 0.91',
    '612 345 978',
  ])('rejects the near miss %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('reports a phone-shaped number that no region validates only beside a context word or label, and says so', async () => {
    const shaped = await expectFinding(recognizer, 'tel 11 11 11 11', '11 11 11 11', 0.5);
    expect(shaped.score).toBeLessThan(0.75);
    expect(shaped.explanation).toContain('phone-shaped, not valid for the regions, needs context');
    expect(shaped.explanation).toContain('context word "tel" +0.15');
    const valid = await expectFinding(recognizer, 'Please call 699 956 915 after lunch.', '699 956 915', 0.5);
    expect(valid.explanation?.[1]).toMatch(/^libphonenumber valid \(\w\w\), needs context$/);
    const labelled = await expectFinding(recognizer, 'M: 612 345 978', '612 345 978', 0.5);
    expect(labelled.explanation?.[1]).toContain('phone label "M:" +0.15');
    await expectNoFinding(recognizer, 'Please 699 956 915 after lunch.');
    await expectNoFinding(recognizer, 'Call about ticket 120 455 789.');
  });

  it('validates national numbers against the phoneRegions option', async () => {
    const gbOnly = phoneRecognizer({ phoneRegions: ['gb'] });
    await expectFinding(gbOnly, 'Office 020 7946 0958.', '020 7946 0958');
    await expectNoFinding(gbOnly, 'Office 0491 57 03 26.');
    await expectFinding(recognizer, 'Office 0491 57 03 26.', '0491 57 03 26');
    // International numbers carry their own region.
    await expectFinding(gbOnly, 'Office +61 491 570 326.', '+61 491 570 326');
    expect(() => phoneRecognizer({ phoneRegions: ['XX'] })).toThrow(ConfigurationError);
    expect(() => phoneRecognizer({ phoneRegions: [] })).toThrow(ConfigurationError);
  });

  it.each(PHONE_FORMATS)('finds the phone in %j', async (text, phone) => {
    await expectFinding(recognizer, text, phone, 0.5);
  });

  it('reports no phone in the corpus of numbers that are not personal data', () => {
    const falsePhones = NON_PII_NUMBERS.flatMap((text) => recognizer.analyze(text).filter((f) => f.score >= 0.5).map((f) => `${f.text} in ${text}`));
    expect(falsePhones).toEqual([]);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
