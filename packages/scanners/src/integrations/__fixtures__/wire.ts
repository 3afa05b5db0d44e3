/**
 * What a request reveals on the wire, for tests that check no fake PII value gets through: every string,
 * and what a provider could decode from it (URL components, data URLs, base64 text, bytes).
 */

/** One distinct fake e-mail address per field, so a leak names the field it came from. */
export class FakePii {
  readonly values: string[] = [];

  email(field: string): string {
    const value = `${field.replace(/[^a-z0-9]+/gi, '.').toLowerCase()}.owner@example.com`;
    if (this.values.includes(value)) throw new Error(`two fields named ${field}`);
    this.values.push(value);
    return value;
  }

  /** The value inside a sentence, as free text usually holds it. */
  sentence(field: string): string {
    return `Please write to ${this.email(field)} today.`;
  }
}

const BASE64 = /^[A-Za-z0-9+/]{8,}={0,2}$/;

function decodings(text: string): string[] {
  const out = [text];
  try {
    out.push(decodeURIComponent(text.replaceAll('+', ' ')));
  } catch {
    // Not percent-encoded text.
  }
  const comma = text.indexOf(',');
  if (text.startsWith('data:') && comma !== -1) {
    const payload = text.slice(comma + 1);
    out.push(text.slice(0, comma).endsWith(';base64') ? Buffer.from(payload, 'base64').toString('utf8') : payload);
  }
  if (BASE64.test(text)) out.push(Buffer.from(text, 'base64').toString('utf8'));
  return out;
}

export function wireTexts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(...decodings(value));
  else if (value instanceof URL) out.push(...decodings(value.href));
  else if (value instanceof Uint8Array) out.push(new TextDecoder().decode(value));
  else if (Array.isArray(value)) for (const item of value) wireTexts(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      wireTexts(item, out);
    }
  }
  return out;
}

/** Values of `pii` found anywhere in `value`, decoded forms included. */
export function leaked(pii: readonly string[], value: unknown): string[] {
  const texts = wireTexts(value);
  return pii.filter((v) => texts.some((t) => t.includes(v)));
}

/** Every key path of a JSON-like value: tells a dropped field from an anonymized one. */
export function keyPaths(value: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item, i) => keyPaths(item, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null && !(value instanceof URL) && !(value instanceof Uint8Array)) {
    for (const [key, item] of Object.entries(value)) {
      out.push(`${path}.${key}`);
      keyPaths(item, `${path}.${key}`, out);
    }
  }
  return out;
}
