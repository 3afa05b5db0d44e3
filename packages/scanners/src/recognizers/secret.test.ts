import { describe, expect, it } from 'vitest';
import { secretRecognizer } from './secret.js';
import { NON_PII_NUMBERS } from './__fixtures__/non-pii-numbers.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = secretRecognizer();

// Invented values, assembled here so that no real-looking credential sits in the repository as one literal.
const rand = (alphabet: string, length: number, seed: number): string => {
  let out = '';
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
};
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;
const jwtPart = (json: string) => Buffer.from(json).toString('base64url');

const KNOWN: Array<[kind: string, value: string]> = [
  ['aws_access_key_id', `AKIA${rand('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16, 1)}`],
  ['github_token', `ghp_${rand(ALNUM, 36, 2)}`],
  ['github_fine_grained_token', `github_pat_${rand(ALNUM, 22, 3)}_${rand(ALNUM, 59, 4)}`],
  ['gitlab_token', `glpat-${rand(ALNUM, 20, 5)}`],
  ['openai_key', `sk-proj-${rand(B64URL, 48, 6)}`],
  ['openai_key', `sk-${rand(ALNUM, 48, 7)}`],
  ['anthropic_key', `sk-ant-api03-${rand(B64URL, 93, 8)}AA`],
  ['slack_token', `xoxb-${rand('0123456789', 12, 9)}-${rand('0123456789', 13, 10)}-${rand(ALNUM, 24, 11)}`],
  ['stripe_secret_key', `sk_live_${rand(ALNUM, 24, 12)}`],
  ['google_api_key', `AIza${rand(B64URL, 35, 13)}`],
  ['npm_token', `npm_${rand(ALNUM, 36, 14)}`],
  ['jwt', `${jwtPart('{"alg":"HS256","typ":"JWT"}')}.${jwtPart('{"sub":"u-123","iat":1700000000}')}.${rand(B64URL, 43, 15)}`],
];

describe('secret recognizer', () => {
  it.each(KNOWN)('finds a %s and names the kind', async (kind, value) => {
    for (const text of [`use ${value} for the deploy`, `"${value}"`, `KEY=${value}\n`]) {
      const finding = await expectFinding(recognizer, text, value, 0.85);
      expect(finding.type).toBe('SECRET');
      expect(finding.explanation).toContain(`secret kind ${kind}`);
    }
  });

  it('finds a PEM private key block, also a truncated one', async () => {
    const body = Array.from({ length: 6 }, (_, i) => rand(`${ALNUM}+/`, 64, 20 + i)).join('\n');
    const block = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    const finding = await expectFinding(recognizer, `here is the key:\n${block}\nthanks`, block, 0.95);
    expect(finding.explanation).toContain('secret kind pem_private_key');
    const truncated = `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}`;
    await expectFinding(recognizer, `key:\n${truncated}`, truncated, 0.95);
    await expectNoFinding(recognizer, '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----');
  });

  it('finds the password in a URL, not the rest of it', async () => {
    const finding = await expectFinding(recognizer, 'clone https://deploy:Tr0ub4dor-x9@git.example.com/app.git', 'Tr0ub4dor-x9', 0.85);
    expect(finding.explanation).toContain('secret kind url_password');
    await expectFinding(recognizer, 'DATABASE_URL=postgres://app:s3cr3tP4ss@db.internal:5432/app', 's3cr3tP4ss');
    await expectNoFinding(recognizer, 'see https://example.com/a:b@c and mailto:ann@example.com');
  });

  it('finds a generated value after a key, token or secret label, and any password after a password label', async () => {
    const generic = rand(ALNUM, 32, 30);
    for (const text of [`api_key: ${generic}`, `client_secret="${generic}"`, `the token is ${generic}`, `AUTH_TOKEN=${generic}`]) {
      const finding = await expectFinding(recognizer, text, generic, 0.7);
      expect(finding.explanation?.[1]).toMatch(/^secret kind generic, entropy \d\.\d bits\/char after a key label$/);
    }
    const password = await expectFinding(recognizer, 'my password is Summer2024!', 'Summer2024!', 0.75);
    expect(password.explanation).toContain('secret kind password, after a password label');
    await expectFinding(recognizer, 'DB_PASSWORD=hunter2hunter2', 'hunter2hunter2');
  });

  it.each([
    'api_key: <your key here>',
    'password: ********',
    'password is required',
    'the password expired yesterday',
    'token: ${GITHUB_TOKEN}',
    'secret: aaaaaaaaaaaaaaaaaaaa',
    'token = abcabcabcabcabcabc',
    'We reset the password and the token yesterday.',
    'ask for a passport or a passkey',
    'sk-learn is a library; AKIA is a prefix; ghp_ tokens start so',
    'eyJhbGciOi is half a JWT',
  ])('rejects %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('finds nothing in the corpus of numbers that are not personal data', () => {
    expect(NON_PII_NUMBERS.flatMap((text) => recognizer.analyze(text).map((f) => f.text))).toEqual([]);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
    for (const input of ['sk-'.repeat(33_000), 'eyJ'.repeat(33_000), '-----BEGIN PRIVATE KEY-----'.repeat(3_700), 'token: '.repeat(14_000), 'a://b:'.repeat(16_000), 'A'.repeat(100_000)]) {
      expect(Array.isArray(recognizer.analyze(input))).toBe(true);
    }
  });
});
