import type { ConversationProtector } from './protect.js';

/*
 * Text that travels encoded inside another value: URL components, data URLs, text files as base64 or
 * bytes. Each is decoded, anonymized as text and encoded again; when nothing changes the original is
 * returned as it was, byte for byte, so signed URLs and files without PII are never rewritten.
 */

/** Media types whose bytes are text Veil can read (UTF-8 assumed); everything else is binary, sent as is. */
export function isTextMediaType(mediaType: unknown): boolean {
  if (typeof mediaType !== 'string') return false;
  const base = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return base.startsWith('text/') || base === 'application/json' || base === 'application/xml' || base.endsWith('+json') || base.endsWith('+xml');
}

const TEXT_EXTENSIONS = new Set(['txt', 'md', 'markdown', 'csv', 'tsv', 'json', 'jsonl', 'xml', 'html', 'htm', 'log', 'yaml', 'yml']);

/** A media type for a file known only by name, when the extension says it is text. */
export function textMediaTypeOf(filename: unknown): string | undefined {
  if (typeof filename !== 'string') return undefined;
  const dot = filename.lastIndexOf('.');
  return dot !== -1 && TEXT_EXTENSIONS.has(filename.slice(dot + 1).toLowerCase()) ? 'text/plain' : undefined;
}

function decodeComponent(raw: string, plusIsSpace: boolean): string | undefined {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replaceAll('+', ' ') : raw);
  } catch {
    return undefined;
  }
}

/** One URL component: decoded, anonymized, and re-encoded only if anonymizing changed it. */
async function protectComponent(raw: string, protector: ConversationProtector, plusIsSpace = false): Promise<string> {
  const decoded = decodeComponent(raw, plusIsSpace) ?? raw;
  const out = await protector.text(decoded);
  return out === decoded ? raw : encodeURIComponent(out);
}

/** `a=1&b=2` with every key and value protected; untouched pairs keep their exact encoding. */
async function protectQuery(query: string, protector: ConversationProtector): Promise<string> {
  const pairs: string[] = [];
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq === -1) pairs.push(await protectComponent(pair, protector, true));
    else pairs.push(`${await protectComponent(pair.slice(0, eq), protector, true)}=${await protectComponent(pair.slice(eq + 1), protector, true)}`);
  }
  return pairs.join('&');
}

/**
 * A URL a provider will fetch (image and file URLs): http(s) URLs have their user info, path segments,
 * query keys and values and fragment anonymized one by one (the host is kept: it says where to fetch);
 * data URLs go by their media type; anything else is anonymized as text.
 */
export async function protectUrl(text: string, protector: ConversationProtector): Promise<string> {
  if (text.slice(0, 5).toLowerCase() === 'data:') return protectDataUrl(text, protector);
  if (!URL.canParse(text)) return protector.text(text);
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return protector.text(text);
  const user = await protectComponent(url.username, protector);
  const password = await protectComponent(url.password, protector);
  const segments: string[] = [];
  for (const segment of url.pathname.split('/')) segments.push(await protectComponent(segment, protector));
  const query = url.search === '' ? '' : `?${await protectQuery(url.search.slice(1), protector)}`;
  const hash = url.hash === '' ? '' : `#${await protectComponent(url.hash.slice(1), protector)}`;
  const auth = url.username === '' && url.password === '' ? '' : `${user}${url.password === '' ? '' : `:${password}`}@`;
  const rebuilt = `${url.protocol}//${auth}${url.host}${segments.join('/')}${query}${hash}`;
  return rebuilt === url.href ? text : rebuilt;
}

/** `data:[<media type>][;base64],<data>`: text media types are anonymized, binary ones are kept. */
export async function protectDataUrl(text: string, protector: ConversationProtector, fallbackMediaType?: string): Promise<string> {
  const comma = text.indexOf(',');
  if (comma === -1) return text;
  const meta = text.slice(5, comma);
  const base64 = meta.toLowerCase().endsWith(';base64');
  const mediaType = (base64 ? meta.slice(0, -7) : meta) || fallbackMediaType || 'text/plain';
  if (!isTextMediaType(mediaType)) return text;
  const payload = text.slice(comma + 1);
  if (base64) {
    const out = await protectBase64Text(payload, protector);
    return out === payload ? text : `${text.slice(0, comma + 1)}${out}`;
  }
  const out = await protectComponent(payload, protector);
  return out === payload ? text : `${text.slice(0, comma + 1)}${out}`;
}

/** Base64 of a UTF-8 text file. */
export async function protectBase64Text(base64: string, protector: ConversationProtector): Promise<string> {
  const bytes = Buffer.from(base64, 'base64');
  const out = await protectBytesText(bytes, protector);
  return out === bytes ? base64 : Buffer.from(out).toString('base64');
}

/** Bytes of a UTF-8 text file; undecodable bytes become U+FFFD, but only if something had to be replaced. */
export async function protectBytesText(bytes: Uint8Array, protector: ConversationProtector): Promise<Uint8Array> {
  const text = new TextDecoder().decode(bytes);
  const out = await protector.text(text);
  return out === text ? bytes : new TextEncoder().encode(out);
}
