import { describe, expect, it } from 'vitest';
import { deobfuscateEmail, emailRecognizer } from './email.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = emailRecognizer();

describe('email recognizer', () => {
  it.each([
    'john.doe@example.com',
    'JANE_DOE+news@Sub.Example.co.uk',
    'a@b.io',
    'first.last-name%tag@mail-server.example.org',
    'user123@xn--bcher-kva.de',
    'support@example-mail.com',
    "john.o'reilly@example.com",
  ])('finds the plain address %s', async (address) => {
    const finding = await expectFinding(recognizer, `Write to ${address}, thanks.`, address, 1);
    expect(finding.type).toBe('EMAIL_ADDRESS');
    expect(finding.explanation).toContain('isEmail ok');
  });

  it('does not take a quote before the address into it', async () => {
    await expectFinding(recognizer, "Write to 'john@example.com' today", 'john@example.com');
  });

  it('stops before sentence punctuation and brackets', async () => {
    await expectFinding(recognizer, 'Mail me (john@example.com).', 'john@example.com');
    await expectFinding(recognizer, '<john@example.com>', 'john@example.com');
  });

  it.each([
    'john.doe[at]example[dot]com',
    'john.doe (at) example (dot) com',
    'john.doe{at}example{dot}co{dot}uk',
    'john.doe [ at ] example [ dot ] com',
    'JOHN.DOE[AT]EXAMPLE[DOT]COM',
    'john.doe @ example.com',
    'john.doe@example[dot]com',
  ])('reports the whole obfuscated span %s', async (address) => {
    const finding = await expectFinding(recognizer, `Contact: ${address} today`, address, 0.8);
    expect(finding.explanation).toContain('obfuscated, isEmail ok');
  });

  it('finds the spoken form with a common top-level domain', async () => {
    const finding = await expectFinding(recognizer, 'reach john at example dot com please', 'john at example dot com', 0.7);
    expect(finding.explanation).toContain('spoken form, isEmail ok');
  });

  it.each([
    ['write to imogen dot varga at fastmail dot com.', 'imogen dot varga at fastmail dot com'],
    ['Customer: jo dot li 42 at example dot com', 'jo dot li 42 at example dot com'],
    ['write to ana [dot] li (at) example (dot) org', 'ana [dot] li (at) example (dot) org'],
  ])('takes a local part with spoken dots into the span: %s', async (text, address) => {
    await expectFinding(recognizer, text, address, 0.7);
  });

  it('does not read a spoken digit group before a plain "at" without a spoken dot as part of the address', async () => {
    await expectFinding(recognizer, 'room 12 at example dot com', '12 at example dot com');
  });

  it('rewrites obfuscated forms to a plain address', () => {
    expect(deobfuscateEmail('jo dot li 42 at example dot com')).toBe('jo.li42@example.com');
    expect(deobfuscateEmail('john.doe[at]example[dot]com')).toBe('john.doe@example.com');
    expect(deobfuscateEmail('john at example dot co dot uk')).toBe('john@example.co.uk');
  });

  it.each([
    'john.doe@example',
    'john.doe@',
    '@example.com',
    'john..doe@example.com',
    'john.doe@example.c',
    'john.doe@-example.com',
    'john.doe@example.123',
    'meet me at the office dot product',
    'look at example dot whatever',
    'The meeting is at noon dot com?',
    'john at example',
    'john[at]example',
    'version 1.2@3.4',
  ])('rejects the near miss %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
