/**
 * SECRET: credentials pasted into prompts. Known formats by their prefix and shape (AWS access key ids, GitHub,
 * GitLab, OpenAI, Anthropic, Slack, Stripe secret keys, Google API keys, npm tokens, JWTs, PEM private key
 * blocks, the password in a URL) and, after a key/token/secret/password label, a value that looks generated
 * (long and high in entropy) or, for passwords, any non-placeholder value. One type; the kind is in the
 * explanation (`secret kind github_token`).
 */
import { definePatternRecognizer, type Candidate, type PatternRecognizer, type PatternSpec, type Validation } from './pattern-recognizer.js';

const B = String.raw`(?<![A-Za-z0-9_\-])`;
const E = String.raw`(?![A-Za-z0-9_\-])`;

interface Kind {
  name: string;
  regex: RegExp;
  score: number;
}

// Each format is its own pattern, so the pattern name in the explanation is the kind.
const KINDS: readonly Kind[] = [
  { name: 'aws_access_key_id', regex: new RegExp(`${B}(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z2-7]{16}${E}`), score: 0.9 },
  { name: 'github_token', regex: new RegExp(`${B}gh[pousr]_[A-Za-z0-9]{36,251}${E}`), score: 0.95 },
  { name: 'github_fine_grained_token', regex: new RegExp(`${B}github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}${E}`), score: 0.95 },
  { name: 'gitlab_token', regex: new RegExp(`${B}gl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_\\-]{20,50}${E}`), score: 0.95 },
  { name: 'anthropic_key', regex: new RegExp(`${B}sk-ant-(?:api|admin|oat)\\d{2}-[A-Za-z0-9_\\-]{32,150}${E}`), score: 0.95 },
  { name: 'openai_key', regex: new RegExp(`${B}sk-(?!ant-)(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_\\-]{20,200}${E}`), score: 0.9 },
  { name: 'slack_token', regex: new RegExp(`${B}xox[abposr]-[A-Za-z0-9\\-]{10,200}${E}`), score: 0.95 },
  { name: 'slack_webhook', regex: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,30}(?![A-Za-z0-9])/, score: 0.95 },
  { name: 'stripe_secret_key', regex: new RegExp(`${B}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,99}${E}`), score: 0.95 },
  { name: 'google_api_key', regex: new RegExp(`${B}AIza[0-9A-Za-z_\\-]{35}${E}`), score: 0.9 },
  { name: 'npm_token', regex: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`), score: 0.95 },
  { name: 'jwt', regex: new RegExp(`${B}eyJ[A-Za-z0-9_\\-]{5,4000}\\.eyJ[A-Za-z0-9_\\-]{5,8000}\\.[A-Za-z0-9_\\-]{10,2000}${E}`), score: 0.9 },
  {
    name: 'pem_private_key',
    // The body runs to the END line or, in a truncated paste, to the next five dashes: one pass over the text.
    regex: /-----BEGIN [A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----)){16,16000}(?:-----END [A-Z0-9 ]{0,30}PRIVATE KEY(?: BLOCK)?-----)?/,
    score: 1,
  },
  // Only the password: "https://deploy:S3cr3t-pass@git.example.com/repo".
  { name: 'url_password', regex: /(?<=[a-z][a-z0-9+.\-]{0,20}:\/\/[^\s:/@]{1,64}:)[^\s@/]{3,128}(?=@[A-Za-z0-9])/i, score: 0.9 },
];

// "api_key: …", "token = …", "password is …", "SECRET_KEY='…'": the label, a separator, then the value.
const LABEL = String.raw`(?:[a-z0-9]{1,20}[_\-.])?(?:api[_\- ]?key|access[_\- ]?key(?:[_\- ]?id)?|secret(?:[_\- ]?(?:access[_\- ]?)?key)?|client[_\- ]?secret|(?:access|auth|bearer|refresh|api)?[_\- ]?token|password|passwd|pwd|passphrase|pass)`;
const LABELLED = new RegExp(
  `(?<![A-Za-z0-9])${LABEL}["']?(?: {0,3}(?:[:=]|=>|is) {0,3}| {1,3})["'\`]?[^\\s"'\`,;<>]{6,200}`,
  'i',
);
const LABEL_AND_SEPARATOR = new RegExp(`^${LABEL}["']?(?: {0,3}(?:[:=]|=>|is) {0,3}| {1,3})["'\`]?`, 'i');
const PASSWORD_LABEL = /^(?:[a-z0-9]{1,20}[_\-.])?(?:password|passwd|pwd|passphrase|pass)/i;

const MIN_GENERATED_LENGTH = 16;
const MIN_ENTROPY_BITS = 3.5;
const PLACEHOLDER = /^(?:\*+|x+|\.+|<[^>]*>?|\{[^}]*\}?|\$\{?[A-Za-z_]+\}?|%[A-Za-z_]+%|(?:redacted|hidden|changeme|example|placeholder|none|null|undefined|true|false|required|optional|yourpassword|password|secret|token|string|value|here|xxx+)\W*)$/i;

/** Shannon entropy of the value, in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function classes(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
}

function validateLabelled(candidate: Candidate): Validation {
  const label = LABEL_AND_SEPARATOR.exec(candidate.text);
  if (!label) return { ok: false, explanation: 'no label' };
  const value = candidate.text.slice(label[0].length).replace(/[.)\]]+$/, '');
  if (value.length < 6 || PLACEHOLDER.test(value) || /^(.)\1+$/.test(value)) return { ok: false, explanation: 'placeholder' };
  const skip = label[0].length;
  const length = skip + value.length;
  if (PASSWORD_LABEL.test(label[0])) {
    // Prose after "password" ("password is required") is words; a password mixes classes or is one odd token.
    if (/^[a-z]+$/.test(value) && value.length < 12) return { ok: false, explanation: 'a word, not a password' };
    return { ok: true, explanation: 'secret kind password, after a password label', score: 0.8, skip, length };
  }
  if (value.length < MIN_GENERATED_LENGTH || classes(value) < 2 || entropy(value) < MIN_ENTROPY_BITS) {
    return { ok: false, explanation: 'not a generated value' };
  }
  return { ok: true, explanation: `secret kind generic, entropy ${entropy(value).toFixed(1)} bits/char after a key label`, score: 0.75, skip, length };
}

function validate(candidate: Candidate): Validation {
  if (candidate.pattern.name === 'labelled_secret') return validateLabelled(candidate);
  return { ok: true, explanation: `secret kind ${candidate.pattern.name}` };
}

export function secretRecognizer(): PatternRecognizer {
  const patterns: PatternSpec[] = [
    ...KINDS.map(({ name, regex, score }) => ({ name, regex, score })),
    { name: 'labelled_secret', regex: LABELLED, score: 0.75 },
  ];
  return definePatternRecognizer({ name: 'secret', type: 'SECRET', patterns, validate });
}
