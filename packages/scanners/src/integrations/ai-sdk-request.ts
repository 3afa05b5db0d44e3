import { UnsupportedRequestFieldError } from '../errors.js';
import { isTextMediaType, protectBase64Text, protectBytesText, protectUrl } from './embedded-text.js';
import { AS_IS, JSON_VALUE, OPAQUE, PLAIN, TEXT, array, childPath, custom, either, isPlainObject, map, object, tagged } from './field-walk.js';
import type { FieldRule, FieldWalker } from './field-walk.js';
import { JSON_SCHEMA } from './json-schema-fields.js';

/*
 * The AI SDK's call options, field by field: specification v2 (`ai` 5), v3 (`ai` 6) and v4 (`ai` 7), one
 * table since they differ only by additions. Free text is anonymized, the rest is sent as written, a
 * field missing here is unknown (refused by default). docs/adapters.md lists it in prose.
 */

/** Provider options are provider-specific JSON nobody can list: every string in them is free text. */
const PROVIDER_OPTIONS = JSON_VALUE;
const withOptions = (fields: Record<string, FieldRule>): Record<string, FieldRule> => ({ ...fields, providerOptions: PROVIDER_OPTIONS });

async function protectUrlValue(value: unknown, walker: FieldWalker, path: string): Promise<unknown> {
  if (typeof value === 'string') return protectUrl(value, walker.protector);
  if (value instanceof URL) {
    const out = await protectUrl(value.href, walker.protector);
    return out === value.href ? value : new URL(out);
  }
  return walker.unknown(value, path);
}
const URL_VALUE = custom(protectUrlValue);

/**
 * File data: bytes or base64 of a text media type are decoded and anonymized, binary is kept; URLs go
 * by `protectUrl`; v4's tagged data (`{ type: 'text' | 'url' | ... }`) by its tag.
 */
async function protectFileData(data: unknown, mediaType: unknown, walker: FieldWalker, path: string): Promise<unknown> {
  if (data === undefined || data === null) return data;
  if (data instanceof URL) return protectUrlValue(data, walker, path);
  if (data instanceof Uint8Array) return isTextMediaType(mediaType) ? protectBytesText(data, walker.protector) : data;
  if (typeof data === 'string') {
    if (/^https?:\/\//i.test(data)) return protectUrl(data, walker.protector);
    return isTextMediaType(mediaType) ? protectBase64Text(data, walker.protector) : data;
  }
  if (isPlainObject(data)) return walker.walk(FILE_DATA, data, path);
  // An ArrayBuffer, a Blob, another view: nothing Veil can read.
  throw new UnsupportedRequestFieldError(path);
}

/** v4 tagged file data Veil knows; other tags are unknown (a reference may name a file, but Veil cannot tell). */
const FILE_DATA: FieldRule = tagged('type', { text: { text: TEXT }, url: { url: URL_VALUE } });

/** Parts whose `data` goes by the `mediaType` next to it: prompt files and tool-output media. */
const withData = (fields: Record<string, FieldRule>): FieldRule =>
  custom(async (value, walker, path) => {
    const out = (await walker.walk(object(withOptions({ ...fields, type: AS_IS, mediaType: AS_IS, data: OPAQUE })), value, path)) as Record<string, unknown>;
    if (isPlainObject(value) && 'data' in value) out.data = await protectFileData(value.data, value.mediaType, walker, childPath(path, 'data'));
    return out;
  });

const FILE_ID = either({ string: AS_IS, object: map(AS_IS) });

const TOOL_OUTPUT_CONTENT = tagged(
  'type',
  {
    text: withOptions({ text: TEXT }),
    'file-url': withOptions({ url: URL_VALUE }),
    'image-url': withOptions({ url: URL_VALUE }),
    'file-id': withOptions({ fileId: FILE_ID }),
    'image-file-id': withOptions({ fileId: FILE_ID }),
    custom: withOptions({}),
  },
  { media: withData({}), 'file-data': withData({ filename: TEXT }), 'image-data': withData({}) },
);

const TOOL_OUTPUT = tagged('type', {
  text: withOptions({ value: TEXT }),
  'error-text': withOptions({ value: TEXT }),
  json: withOptions({ value: JSON_VALUE }),
  'error-json': withOptions({ value: JSON_VALUE }),
  'execution-denied': withOptions({ reason: TEXT }),
  content: withOptions({ value: array(TOOL_OUTPUT_CONTENT) }),
});

/** Every part type of every role: a part is walked the same whichever role it appears under. */
const PART = tagged(
  'type',
  {
    text: withOptions({ text: TEXT }),
    reasoning: withOptions({ text: TEXT }),
    custom: withOptions({ kind: AS_IS }),
    'tool-call': withOptions({ toolCallId: AS_IS, toolName: AS_IS, input: JSON_VALUE, providerExecuted: PLAIN }),
    'tool-result': withOptions({ toolCallId: AS_IS, toolName: AS_IS, output: TOOL_OUTPUT, providerExecuted: PLAIN }),
    'tool-approval-response': withOptions({ approvalId: AS_IS, approved: PLAIN, reason: TEXT }),
  },
  { file: withData({ filename: TEXT, originalUrl: URL_VALUE }), 'reasoning-file': withData({}) },
);

const MESSAGE = tagged('role', {
  system: withOptions({ content: TEXT }),
  user: withOptions({ content: array(PART) }),
  assistant: withOptions({ content: array(PART) }),
  tool: withOptions({ content: array(PART) }),
});

const TOOL = tagged('type', {
  function: withOptions({ name: AS_IS, description: TEXT, inputSchema: JSON_SCHEMA, inputExamples: array(object({ input: JSON_VALUE })), strict: PLAIN }),
  // Provider tools (`provider-defined` until v3, `provider` in v4): their arguments are provider-specific JSON.
  'provider-defined': { id: AS_IS, name: AS_IS, args: JSON_VALUE },
  provider: { id: AS_IS, name: AS_IS, args: JSON_VALUE },
});

export const CALL_OPTIONS: FieldRule = object(
  {
    prompt: array(MESSAGE),
    maxOutputTokens: PLAIN,
    temperature: PLAIN,
    stopSequences: array(TEXT),
    topP: PLAIN,
    topK: PLAIN,
    presencePenalty: PLAIN,
    frequencyPenalty: PLAIN,
    responseFormat: tagged('type', { text: {}, json: { schema: JSON_SCHEMA, name: AS_IS, description: TEXT } }),
    seed: PLAIN,
    tools: array(TOOL),
    toolChoice: tagged('type', { auto: {}, none: {}, required: {}, tool: { toolName: AS_IS } }),
    includeRawChunks: PLAIN,
    abortSignal: OPAQUE,
    // HTTP headers for the provider (authorization, tracing), not text the model reads.
    headers: map(AS_IS),
    reasoning: AS_IS,
    providerOptions: PROVIDER_OPTIONS,
  },
  // The conversation first, so placeholders are numbered in reading order whatever else is sent.
  ['prompt'],
);
