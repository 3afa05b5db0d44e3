import { InvalidInputError } from '../errors.js';
import { protectBase64Text, protectDataUrl, protectUrl, textMediaTypeOf } from './embedded-text.js';
import { AS_IS, FieldWalker, PLAIN, TEXT, array, childPath, custom, either, isPlainObject, map, object, tagged } from './field-walk.js';
import type { FieldRule, UnknownFields } from './field-walk.js';
import { JSON_SCHEMA } from './json-schema-fields.js';
import { ConversationProtector } from './protect.js';
import type { VeilScanners } from './scanners.js';

/*
 * The chat-completions request body, field by field (openai 5: `ChatCompletionCreateParams`). The
 * table is the contract of veilFetch: free text is anonymized, the rest is sent as written, and a field
 * missing here is unknown (refused by default). docs/adapters.md lists it in prose.
 */

/** Tool-call arguments: JSON text, anonymized value by value (text that is not JSON as text). */
const JSON_TEXT = custom(async (value, walker, path) => (typeof value === 'string' ? walker.protector.jsonText(value) : walker.unknown(value, path)));

/** Image URLs and data URLs. */
const URL_TEXT = custom(async (value, walker, path) => (typeof value === 'string' ? protectUrl(value, walker.protector) : walker.unknown(value, path)));

/**
 * `file_data` is base64, as a data URL or bare. Text files (by media type, or by the file name when the
 * data is bare) are decoded and anonymized; binary files (PDF, images) are sent as written.
 */
const FILE = custom(async (value, walker, path) => {
  const out = (await walker.walk(object({ filename: TEXT, file_id: AS_IS, file_data: AS_IS }), value, path)) as Record<string, unknown>;
  if (!isPlainObject(value) || typeof value.file_data !== 'string') return out;
  const data = value.file_data;
  const byName = textMediaTypeOf(value.filename);
  if (data.slice(0, 5).toLowerCase() === 'data:') out.file_data = await protectDataUrl(data, walker.protector);
  else if (byName !== undefined) out.file_data = await protectBase64Text(data, walker.protector);
  return out;
});

const TEXT_PARTS = array(tagged('type', { text: { text: TEXT } }));

const PART = tagged('type', {
  text: { text: TEXT },
  refusal: { refusal: TEXT },
  image_url: { image_url: object({ url: URL_TEXT, detail: AS_IS }) },
  // Audio is binary: sent as written.
  input_audio: { input_audio: object({ data: AS_IS, format: AS_IS }) },
  file: { file: FILE },
});

const CONTENT = either({ string: TEXT, array: array(PART) });

const FUNCTION_CALL = object({ name: AS_IS, arguments: JSON_TEXT });

const TOOL_CALL = tagged('type', {
  function: { id: AS_IS, function: FUNCTION_CALL },
  custom: { id: AS_IS, custom: object({ name: AS_IS, input: TEXT }) },
});

const MESSAGE = tagged('role', {
  developer: { content: CONTENT, name: TEXT },
  system: { content: CONTENT, name: TEXT },
  user: { content: CONTENT, name: TEXT },
  assistant: {
    content: CONTENT,
    name: TEXT,
    refusal: TEXT,
    audio: object({ id: AS_IS }),
    tool_calls: array(TOOL_CALL),
    function_call: FUNCTION_CALL,
    // Not OpenAI's, but sent back by clients of DeepSeek, vLLM and OpenRouter.
    reasoning_content: TEXT,
    reasoning: TEXT,
  },
  tool: { content: CONTENT, tool_call_id: AS_IS },
  function: { content: CONTENT, name: AS_IS },
});

const FUNCTION = object({ name: AS_IS, description: TEXT, parameters: JSON_SCHEMA, strict: PLAIN });

const TOOL = tagged('type', {
  function: { function: FUNCTION },
  custom: {
    custom: object({
      name: AS_IS,
      description: TEXT,
      // A grammar is code: a placeholder in it would change what the model may write.
      format: tagged('type', { text: {}, grammar: { grammar: object({ definition: AS_IS, syntax: AS_IS }) } }),
    }),
  },
});

const TOOL_REF = tagged('type', { function: { function: object({ name: AS_IS }) }, custom: { custom: object({ name: AS_IS }) } });

const TOOL_CHOICE = either({
  string: AS_IS,
  object: tagged('type', {
    function: { function: object({ name: AS_IS }) },
    custom: { custom: object({ name: AS_IS }) },
    allowed_tools: { allowed_tools: object({ mode: AS_IS, tools: array(TOOL_REF) }) },
  }),
});

export const CHAT_REQUEST: FieldRule = object(
  {
    messages: array(MESSAGE),
    model: AS_IS,
    audio: object({ format: AS_IS, voice: AS_IS }),
    frequency_penalty: PLAIN,
    function_call: either({ string: AS_IS, object: object({ name: AS_IS }) }),
    functions: array(FUNCTION),
    logit_bias: map(PLAIN),
    logprobs: PLAIN,
    max_completion_tokens: PLAIN,
    max_tokens: PLAIN,
    metadata: map(TEXT),
    modalities: array(AS_IS),
    n: PLAIN,
    parallel_tool_calls: PLAIN,
    prediction: object({ type: AS_IS, content: either({ string: TEXT, array: TEXT_PARTS }) }),
    presence_penalty: PLAIN,
    // Caller-chosen strings the provider stores or logs; often an e-mail or a user name.
    prompt_cache_key: TEXT,
    safety_identifier: TEXT,
    user: TEXT,
    reasoning_effort: AS_IS,
    response_format: tagged('type', {
      text: {},
      json_object: {},
      json_schema: { json_schema: object({ name: AS_IS, description: TEXT, schema: JSON_SCHEMA, strict: PLAIN }) },
    }),
    seed: PLAIN,
    service_tier: AS_IS,
    stop: either({ string: TEXT, array: array(TEXT) }),
    store: PLAIN,
    stream: PLAIN,
    stream_options: object({ include_obfuscation: PLAIN, include_usage: PLAIN }),
    temperature: PLAIN,
    tool_choice: TOOL_CHOICE,
    tools: array(TOOL),
    top_logprobs: PLAIN,
    top_p: PLAIN,
    verbosity: AS_IS,
    web_search_options: object({
      search_context_size: AS_IS,
      user_location: object({ type: AS_IS, approximate: object({ city: TEXT, region: TEXT, country: AS_IS, timezone: AS_IS }) }),
    }),
  },
  // The conversation first, so placeholders are numbered in reading order whatever else is sent.
  ['messages'],
);

/** Query parameters of the request URL; Azure OpenAI's `api-version` is the only one OpenAI clients send. */
const QUERY: Readonly<Record<string, FieldRule>> = { 'api-version': AS_IS };

export interface ChatRequestOptions {
  /** What to do with a field the table does not know. Default `reject`. */
  unknownFields?: UnknownFields;
}

/** Anonymizes a chat-completions body and its URL's query with one vault scope; throws before anything is sent. */
export async function protectChatCall(url: URL, body: Record<string, unknown>, scanners: VeilScanners, options: ChatRequestOptions = {}): Promise<{ url: URL; body: Record<string, unknown> }> {
  if (!Array.isArray(body.messages)) throw new InvalidInputError('chat completions request has no messages array');
  const walker = new FieldWalker(new ConversationProtector(scanners.anonymize, scanners.deanonymize), options.unknownFields ?? 'reject');
  const out = (await walker.walk(CHAT_REQUEST, body, '')) as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    const path = childPath('url.query', key);
    const rule = Object.hasOwn(QUERY, key) ? QUERY[key] : undefined;
    // Keys are checked like values: a bare `?jane@example.com` has its text in the key.
    const name = rule ? key : ((await walker.unknown(key, path)) as string);
    params.append(name, String(rule ? await walker.walk(rule, value, path) : await walker.unknown(value, path)));
  }
  const query = params.toString();
  if (query === url.searchParams.toString()) return { url, body: out };
  const rewritten = new URL(url);
  rewritten.search = query;
  return { url: rewritten, body: out };
}

/** Anonymizes every free-text field of a chat-completions body, in order, with one vault scope. */
export async function protectChatRequest(body: Record<string, unknown>, scanners: VeilScanners, options: ChatRequestOptions = {}): Promise<Record<string, unknown>> {
  return (await protectChatCall(new URL('http://localhost/'), body, scanners, options)).body;
}
