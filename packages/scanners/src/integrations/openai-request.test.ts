/**
 * veilFetch against the whole chat-completions request schema: a request with every field the `openai`
 * types declare (checked by the compiler: `Required<...>` and one entry per union member, so a field
 * added by a new `openai` version breaks this file until the field table handles it), a distinct fake
 * e-mail in every free-text field, sent by the real client through veilFetch to the in-process server.
 */
import { Vault } from '@veil/vault';
import OpenAI from 'openai';
import type {
  ChatCompletionContentPart,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import { afterEach, describe, expect, it } from 'vitest';
import { Anonymize } from '../anonymize.js';
import { Deanonymize } from '../deanonymize.js';
import { UnsupportedRequestFieldError } from '../errors.js';
import { FakePii, keyPaths, leaked } from './__fixtures__/wire.js';
import { veilFetch } from './openai.js';
import type { VeilFetchOptions } from './openai.js';
import { startTestServer } from './test-server.js';
import type { TestServer } from './test-server.js';

type OneOfEach<U extends { type: string }> = { [K in U['type']]: Extract<U, { type: K }> };
type EachRole = { [K in ChatCompletionMessageParam['role']]: Required<Extract<ChatCompletionMessageParam, { role: K }>> };

const base64 = (text: string): string => Buffer.from(text).toString('base64');
// Binary payloads without PII: audio and images are not text and are sent as written.
const AUDIO = base64('RIFF....WAVEfmt binary audio');
const PNG = `data:image/png;base64,${base64('\u0089PNG binary image')}`;

function maximalRequest(pii: FakePii): Required<ChatCompletionCreateParamsNonStreaming> {
  const textPart = (field: string) => ({ type: 'text' as const, text: pii.sentence(field) });
  const userParts: OneOfEach<ChatCompletionContentPart> = {
    text: textPart('user.part.text'),
    image_url: { type: 'image_url', image_url: { url: `https://img.example.org/a.png?owner=${encodeURIComponent(pii.email('image.url.query'))}`, detail: 'low' } },
    input_audio: { type: 'input_audio', input_audio: { data: AUDIO, format: 'wav' } },
    file: {
      type: 'file',
      file: { filename: `${pii.email('file.filename')} (notes).txt`, file_data: `data:text/plain;base64,${base64(pii.sentence('file.data'))}`, file_id: 'file-abc123' },
    },
  };
  const toolCalls: OneOfEach<ChatCompletionMessageToolCall> = {
    function: { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: JSON.stringify({ who: pii.email('tool_calls.arguments') }) } },
    custom: { id: 'call_2', type: 'custom', custom: { name: 'free', input: pii.sentence('tool_calls.custom.input') } },
  };
  const roles: EachRole = {
    developer: { role: 'developer', content: pii.sentence('developer.content'), name: pii.email('developer.name') },
    system: { role: 'system', content: [textPart('system.part.text')], name: pii.email('system.name') },
    user: {
      role: 'user',
      // A second file, bare base64: its name says it is text.
      content: [...Object.values(userParts), { type: 'file', file: { filename: 'notes.txt', file_data: base64(pii.sentence('file.bare')) } }],
      name: pii.email('user.name'),
    },
    assistant: {
      role: 'assistant',
      content: [textPart('assistant.part.text'), { type: 'refusal', refusal: pii.sentence('assistant.part.refusal') }],
      refusal: pii.sentence('assistant.refusal'),
      name: pii.email('assistant.name'),
      audio: { id: 'audio_1' },
      tool_calls: Object.values(toolCalls),
      function_call: { name: 'lookup', arguments: JSON.stringify({ who: pii.email('function_call.arguments') }) },
    },
    tool: { role: 'tool', content: [textPart('tool.part.text')], tool_call_id: 'call_1' },
    function: { role: 'function', content: pii.sentence('function.content'), name: 'lookup' },
  };
  const parameters = {
    type: 'object',
    title: pii.sentence('schema.title'),
    description: pii.sentence('schema.description'),
    properties: {
      who: { type: 'string', description: pii.sentence('schema.property.description'), enum: [pii.email('schema.enum')], default: pii.email('schema.default') },
      when: { type: 'string', format: 'date', pattern: '^[0-9-]+$', examples: [pii.sentence('schema.examples')] },
      tags: { type: 'array', items: { type: 'string', $comment: pii.sentence('schema.items.comment') } },
    },
    required: ['who'],
    additionalProperties: false,
  };
  const tools: OneOfEach<ChatCompletionTool> = {
    function: { type: 'function', function: { name: 'lookup', description: pii.sentence('tools.function.description'), parameters, strict: true } },
    custom: {
      type: 'custom',
      custom: { name: 'free', description: pii.sentence('tools.custom.description'), format: { type: 'grammar', grammar: { definition: 'start: /[a-z]+/', syntax: 'lark' } } },
    },
  };
  return {
    model: 'test-model',
    messages: [...Object.values(roles), { role: 'user', content: pii.sentence('last.user') }],
    audio: { format: 'wav', voice: 'alloy' },
    frequency_penalty: 0,
    function_call: { name: 'lookup' },
    functions: [{ name: 'lookup', description: pii.sentence('functions.description'), parameters: { type: 'object', properties: {} } }],
    logit_bias: { '50256': -100 },
    logprobs: false,
    max_completion_tokens: 100,
    max_tokens: 100,
    metadata: { customer: pii.email('metadata.customer'), note: pii.sentence('metadata.note') },
    modalities: ['text'],
    n: 1,
    parallel_tool_calls: true,
    prediction: { type: 'content', content: [textPart('prediction.part.text')] },
    presence_penalty: 0,
    prompt_cache_key: pii.email('prompt_cache_key'),
    reasoning_effort: 'low',
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'answer', description: pii.sentence('response_format.description'), schema: { type: 'object', description: pii.sentence('response_format.schema') }, strict: true },
    },
    safety_identifier: pii.email('safety_identifier'),
    seed: 7,
    service_tier: 'auto',
    stop: [pii.email('stop.0'), pii.email('stop.1')],
    store: false,
    stream: false,
    stream_options: { include_usage: true, include_obfuscation: false },
    temperature: 0.2,
    tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'lookup' } }] } },
    tools: Object.values(tools),
    top_logprobs: 0,
    top_p: 1,
    user: pii.email('user'),
    verbosity: 'low',
    web_search_options: {
      search_context_size: 'low',
      user_location: { type: 'approximate', approximate: { city: pii.sentence('location.city'), region: pii.sentence('location.region'), country: 'GB', timezone: 'Europe/London' } },
    },
  };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(options: Partial<VeilFetchOptions> = {}, clientOptions: ConstructorParameters<typeof OpenAI>[0] = {}) {
  server = await startTestServer();
  const vault = new Vault();
  const fetch = veilFetch({ anonymize: new Anonymize({ vault, ner: false }), deanonymize: new Deanonymize({ vault }), ...options });
  const openai = new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0, fetch, ...clientOptions });
  return { server, vault, fetch, openai };
}

describe('veilFetch: every free-text field of a chat-completions request', () => {
  it('anonymizes a maximal request: no value reaches the server, no field is dropped, the answer is restored', async () => {
    const { server, vault, openai } = await setUp();
    const pii = new FakePii();
    const request = maximalRequest(pii);
    expect(pii.values.length).toBeGreaterThan(40);

    const completion = await openai.chat.completions.create(request);

    const received = server.requests[0]!;
    expect(leaked(pii.values, received)).toEqual([]);
    expect(keyPaths(received)).toEqual(keyPaths(request));
    // Every value was found, in its own field, and got its own placeholder.
    expect((await vault.entries()).map((e) => e.value).sort()).toEqual([...pii.values].sort());
    expect(completion.choices[0]!.message.content).toBe(`You said: ${request.messages.at(-1)!.content as string}`);
  });

  it('sends values with no PII by design as written: ids, names of tools, code, binary data, enums', async () => {
    const { server, openai } = await setUp();
    const request = maximalRequest(new FakePii());
    await openai.chat.completions.create(request);
    const received = server.requests[0]! as unknown as typeof request;
    const sentTool = received.tools[0]!;
    expect(sentTool.type === 'function' && sentTool.function.parameters).toMatchObject({ required: ['who'], properties: { when: { pattern: '^[0-9-]+$', format: 'date' } } });
    expect(received.tools[1]).toMatchObject({ custom: { name: 'free', format: { grammar: { definition: 'start: /[a-z]+/' } } } });
    const user = received.messages[2]!.content as ChatCompletionContentPart[];
    expect(user[2]).toEqual({ type: 'input_audio', input_audio: { data: AUDIO, format: 'wav' } });
    expect(received.messages[4]).toMatchObject({ role: 'tool', tool_call_id: 'call_1' });
    expect(received).toMatchObject({ model: 'test-model', tool_choice: request.tool_choice, web_search_options: { user_location: { approximate: { country: 'GB', timezone: 'Europe/London' } } } });
  });

  it('leaves URLs and files without PII byte for byte (signed URLs stay valid), binary files included', async () => {
    const { server, openai } = await setUp();
    const signed = 'https://bucket.example.org/a%20b.png?X-Amz-Signature=abc%2Fdef&X-Amz-Date=20240101T000000Z';
    const pdf = `data:application/pdf;base64,${base64('%PDF-1.7 binary')}`;
    await openai.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: signed } }, { type: 'image_url', image_url: { url: PNG } }, { type: 'file', file: { filename: 'a.pdf', file_data: pdf } }] }],
    });
    expect(server.requests[0]!.messages[0]!.content).toEqual([
      { type: 'image_url', image_url: { url: signed } },
      { type: 'image_url', image_url: { url: PNG } },
      { type: 'file', file: { filename: 'a.pdf', file_data: pdf } },
    ]);
  });
});

describe('veilFetch: fields without a rule', () => {
  const email = 'jane.roe@example.com';

  async function refused(body: Record<string, unknown>): Promise<UnsupportedRequestFieldError> {
    const { server, fetch } = await setUp();
    const error = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: JSON.stringify(body) }).then(
      () => expect.fail('the request was sent'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnsupportedRequestFieldError);
    expect(server.requests).toHaveLength(0);
    expect((error as Error).message).not.toContain(email);
    return error as UnsupportedRequestFieldError;
  }

  const user = { role: 'user', content: 'hi' };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a top-level field', { model: 'm', messages: [user], customer_email: email }, 'customer_email'],
    ['a message field', { model: 'm', messages: [{ ...user, cache_control: { type: 'ephemeral', note: email } }] }, 'messages[0].cache_control'],
    ['a part field', { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi', annotation: email }] }] }, 'messages[0].content[0].annotation'],
    ['a part type', { model: 'm', messages: [{ role: 'user', content: [{ type: 'video_url', video_url: { url: email } }] }] }, 'messages[0].content[0].type'],
    ['a role', { model: 'm', messages: [{ role: 'critic', content: email }] }, 'messages[0].role'],
    ['text in a number field', { model: 'm', messages: [user], temperature: email }, 'temperature'],
    ['a JSON Schema keyword', { model: 'm', messages: [user], tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', 'x-hint': email } } }] }, 'tools[0].function.parameters.x-hint'],
    ['a key that is data', { model: 'm', messages: [user], [email]: 'x' }, '<key>'],
  ];
  for (const [what, body, path] of cases) {
    it(`refuses text in ${what}, naming its path and not its value`, async () => {
      const error = await refused(body);
      expect(error.path).toBe(path);
      expect(error.message).toContain(path);
    });
  }

  it('passes unknown fields that hold no text (numbers, flags), as OpenAI-compatible servers take them', async () => {
    const { server, fetch } = await setUp();
    await fetch(`${server.url}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [user], top_k: 40, min_p: 0.05, skip_special_tokens: true }) });
    expect(server.requests[0]).toMatchObject({ top_k: 40, min_p: 0.05, skip_special_tokens: true });
  });

  it('reaches openai callers as the cause of the connection error', async () => {
    const { server, openai } = await setUp();
    const error = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }], customer: email } as ChatCompletionCreateParamsNonStreaming).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect((error as Error).cause).toBeInstanceOf(UnsupportedRequestFieldError);
    expect(server.requests).toHaveLength(0);
  });

  it("anonymizes them instead with unknownFields: 'anonymize', keeping tags", async () => {
    const { server, fetch } = await setUp({ unknownFields: 'anonymize' });
    const body = { model: 'm', messages: [{ role: 'user', content: [{ type: 'video_url', video_url: { url: email } }], cache_control: { type: 'ephemeral' } }], customer: email };
    await fetch(`${server.url}/chat/completions`, { method: 'POST', body: JSON.stringify(body) });
    expect(server.requests[0]).toMatchObject({
      messages: [{ content: [{ type: 'video_url', video_url: { url: '[REDACTED_EMAIL_ADDRESS_1]' } }], cache_control: { type: 'ephemeral' } }],
      customer: '[REDACTED_EMAIL_ADDRESS_1]',
    });
  });
});

describe('veilFetch: the request URL', () => {
  const email = 'jane.roe@example.com';

  it("keeps Azure's api-version and refuses other query parameters", async () => {
    const ok = await setUp({}, { defaultQuery: { 'api-version': '2024-10-21' } });
    await ok.openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
    expect(ok.server.urls).toEqual(['/v1/chat/completions?api-version=2024-10-21']);
    await ok.server.close();

    const { server, fetch } = await setUp();
    const error = await fetch(`${server.url}/chat/completions?tenant=${encodeURIComponent(email)}`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [] }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedRequestFieldError);
    expect((error as UnsupportedRequestFieldError).path).toBe('url.query.tenant');
    expect(server.requests).toHaveLength(0);
  });

  it("anonymizes query values with unknownFields: 'anonymize'", async () => {
    const { server, fetch } = await setUp({ unknownFields: 'anonymize' });
    await fetch(`${server.url}/chat/completions?tenant=${encodeURIComponent(email)}&api-version=2024-10-21`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [] }) });
    expect(server.urls).toEqual([`/v1/chat/completions?tenant=${encodeURIComponent('[REDACTED_EMAIL_ADDRESS_1]')}&api-version=2024-10-21`]);
  });
});
