import { UnsupportedRequestFieldError } from '../errors.js';
import { protectUrl } from './embedded-text.js';
import type { ConversationProtector } from './protect.js';

/**
 * What an adapter does with request text it has no rule for: `reject` (default) refuses to send the
 * request, `anonymize` anonymizes every string in it as free text.
 */
export type UnknownFields = 'reject' | 'anonymize';

/**
 * A rule of a request's field table. Every field the adapters send is either free text (anonymized),
 * a value with no PII by design (sent as written), or structure walked further; a field with no rule
 * is "unknown" and goes by the `UnknownFields` policy.
 */
export type FieldRule =
  /** Free text the model reads: anonymized. */
  | { readonly kind: 'text' }
  /** Identifiers, enum values, names of tools or models, code (grammars, regexes), binary data: sent as written. */
  | { readonly kind: 'as-is' }
  /** Numbers and flags: no text is expected, so text found here is treated like an unknown field. */
  | { readonly kind: 'plain' }
  /** Host objects the SDK passes by reference (an AbortSignal): untouched. */
  | { readonly kind: 'opaque' }
  /** Any JSON value (tool arguments, provider options): every string in it is free text; keys are kept. */
  | { readonly kind: 'json' }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, FieldRule>>; readonly first?: readonly string[] }
  /** An object with caller-chosen keys (kept) and values of one rule. */
  | { readonly kind: 'map'; readonly of: FieldRule }
  | { readonly kind: 'array'; readonly of: FieldRule }
  /** A union told apart by the string in `tag`; the tag itself is sent as written. */
  | { readonly kind: 'tagged'; readonly tag: string; readonly variants: Readonly<Record<string, FieldRule>> }
  /** A field whose rule depends on the value's JSON type. */
  | { readonly kind: 'either'; readonly string?: FieldRule; readonly array?: FieldRule; readonly object?: FieldRule }
  | { readonly kind: 'custom'; readonly walk: (value: unknown, walker: FieldWalker, path: string) => Promise<unknown> }
  /** For recursive rules (JSON Schema). */
  | { readonly kind: 'lazy'; readonly rule: () => FieldRule };

export const TEXT: FieldRule = { kind: 'text' };
export const AS_IS: FieldRule = { kind: 'as-is' };
export const PLAIN: FieldRule = { kind: 'plain' };
export const OPAQUE: FieldRule = { kind: 'opaque' };
export const JSON_VALUE: FieldRule = { kind: 'json' };
export const object = (fields: Record<string, FieldRule>, first?: readonly string[]): FieldRule => ({ kind: 'object', fields, ...(first ? { first } : {}) });
export const map = (of: FieldRule): FieldRule => ({ kind: 'map', of });
export const array = (of: FieldRule): FieldRule => ({ kind: 'array', of });
export const either = (rules: { string?: FieldRule; array?: FieldRule; object?: FieldRule }): FieldRule => ({ kind: 'either', ...rules });
export const custom = (walk: (value: unknown, walker: FieldWalker, path: string) => Promise<unknown>): FieldRule => ({ kind: 'custom', walk });
export const lazy = (rule: () => FieldRule): FieldRule => ({ kind: 'lazy', rule });
/**
 * `variants` maps each tag value to the other fields of that variant; `rules` gives whole rules for
 * variants that need custom handling (they must accept the tag field themselves).
 */
export const tagged = (tag: string, variants: Record<string, Record<string, FieldRule>>, rules: Record<string, FieldRule> = {}): FieldRule => ({
  kind: 'tagged',
  tag,
  variants: { ...Object.fromEntries(Object.entries(variants).map(([name, fields]) => [name, object({ ...fields, [tag]: AS_IS })])), ...rules },
});

type Plain = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** May `value` carry text? Class instances (bytes, URLs, dates) count: they cannot be inspected as JSON. */
export function mayHoldText(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(mayHoldText);
  if (isPlainObject(value)) return Object.values(value).some(mayHoldText);
  return typeof value === 'object' && value !== null;
}

// Error messages carry field paths; a key that does not look like a field name could be data.
const FIELD_NAME = /^[A-Za-z_$][\w$-]{0,63}$/;
export const childPath = (path: string, key: string): string => {
  const name = FIELD_NAME.test(key) ? key : '<key>';
  return path === '' ? name : `${path}.${name}`;
};
const itemPath = (path: string, index: number): string => `${path}[${index}]`;

/**
 * Walks a request along a field table with one ConversationProtector, in order, so placeholders are
 * numbered and shared exactly as for the messages. Returns a copy; the input is never modified.
 */
export class FieldWalker {
  constructor(
    readonly protector: ConversationProtector,
    readonly unknownFields: UnknownFields,
  ) {}

  async walk(rule: FieldRule, value: unknown, path: string): Promise<unknown> {
    if (value === undefined || value === null) return value;
    switch (rule.kind) {
      case 'text':
        return typeof value === 'string' ? this.protector.text(value) : this.unknown(value, path);
      case 'as-is':
        return typeof value === 'object' ? this.unknown(value, path) : value;
      case 'plain':
        return this.unknown(value, path);
      case 'opaque':
        return value;
      case 'json':
        return this.json(value, path);
      case 'object':
        return isPlainObject(value) ? this.object(rule.fields, value, path, rule.first) : this.unknown(value, path);
      case 'map':
        return isPlainObject(value) ? this.object({}, value, path, undefined, rule.of) : this.unknown(value, path);
      case 'array': {
        if (!Array.isArray(value)) return this.unknown(value, path);
        const out: unknown[] = [];
        for (const [i, item] of value.entries()) out.push(await this.walk(rule.of, item, itemPath(path, i)));
        return out;
      }
      case 'tagged':
        return this.tagged(rule, value, path);
      case 'either': {
        const chosen = typeof value === 'string' ? rule.string : Array.isArray(value) ? rule.array : isPlainObject(value) ? rule.object : undefined;
        return chosen ? this.walk(chosen, value, path) : this.unknown(value, path);
      }
      case 'custom':
        return rule.walk(value, this, path);
      case 'lazy':
        return this.walk(rule.rule(), value, path);
    }
  }

  /** A value with no rule: passed on when it holds no text, else refused or anonymized by policy. */
  async unknown(value: unknown, path: string): Promise<unknown> {
    if (!mayHoldText(value)) return value;
    if (this.unknownFields !== 'anonymize') throw new UnsupportedRequestFieldError(path);
    return this.json(value, path);
  }

  /** Every string leaf is free text. What JSON.stringify would send for a class instance (toJSON) is walked instead. */
  async json(value: unknown, path: string): Promise<unknown> {
    if (typeof value === 'string') return this.protector.text(value);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const [i, item] of value.entries()) out.push(await this.json(item, itemPath(path, i)));
      return out;
    }
    if (isPlainObject(value)) {
      const out: [string, unknown][] = [];
      for (const [key, item] of Object.entries(value)) out.push([key, await this.json(item, childPath(path, key))]);
      return Object.fromEntries(out);
    }
    if (value instanceof URL) return new URL(await protectUrl(value.href, this.protector));
    const toJSON = (value as { toJSON?: unknown } | null)?.toJSON;
    if (typeof toJSON === 'function') return this.json(toJSON.call(value), path);
    // Bytes or another host object inside JSON: nothing could sanitize it.
    if (typeof value === 'object' && value !== null) throw new UnsupportedRequestFieldError(path);
    return value;
  }

  private async tagged(rule: Extract<FieldRule, { kind: 'tagged' }>, value: unknown, path: string): Promise<unknown> {
    if (!isPlainObject(value)) return this.unknown(value, path);
    const tag = value[rule.tag];
    if (typeof tag === 'string' && Object.hasOwn(rule.variants, tag)) return this.walk(rule.variants[tag]!, value, path);
    // An unknown variant: its tag is the unsupported thing, whatever else it holds.
    if (this.unknownFields !== 'anonymize') throw new UnsupportedRequestFieldError(childPath(path, rule.tag));
    const rest = await this.json(Object.fromEntries(Object.entries(value).filter(([key]) => key !== rule.tag)), path);
    return { ...(rest as Plain), [rule.tag]: tag };
  }

  /** Fields in their original order; `first` ones are anonymized before the rest (placeholder numbering). */
  private async object(fields: Readonly<Record<string, FieldRule>>, value: Plain, path: string, first?: readonly string[], every?: FieldRule): Promise<Plain> {
    const keys = Object.keys(value);
    const order = first ? [...first.filter((k) => Object.hasOwn(value, k)), ...keys.filter((k) => !first.includes(k))] : keys;
    const done = new Map<string, unknown>();
    for (const key of order) {
      const rule = every ?? (Object.hasOwn(fields, key) ? fields[key] : undefined);
      const child = childPath(path, key);
      done.set(key, rule ? await this.walk(rule, value[key], child) : await this.unknown(value[key], child));
    }
    // fromEntries defines own properties, so a "__proto__" key stays data.
    return Object.fromEntries(keys.map((key) => [key, done.get(key)]));
  }
}
