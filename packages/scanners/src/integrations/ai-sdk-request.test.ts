/**
 * veilMiddleware against the whole call-options schema of the AI SDK (`ai` 5, specification v2): call
 * options with every field, every role, every part type and tool-output type, provider options at every
 * level (checked by the compiler through the types `ai` exports: `Required<...>` and one entry per union
 * member), a distinct fake e-mail in every free-text field. Then the same kinds of fields end to end,
 * through generateText, the OpenAI-compatible provider and the in-process server.
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { Vault } from '@veil/vault';
import { generateText, jsonSchema, tool, wrapLanguageModel } from 'ai';
import type { LanguageModelMiddleware } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { Anonymize } from '../anonymize.js';
import { Deanonymize } from '../deanonymize.js';
import { UnsupportedRequestFieldError } from '../errors.js';
import { FakePii, keyPaths, leaked, wireTexts } from './__fixtures__/wire.js';
import { veilMiddleware } from './ai-sdk.js';
import type { VeilMiddlewareOptions } from './ai-sdk.js';
import { startTestServer } from './test-server.js';
import type { TestServer } from './test-server.js';

type CallOptions = Parameters<NonNullable<LanguageModelMiddleware['transformParams']>>[0]['params'];
type Message = CallOptions['prompt'][number];
type Part = Exclude<Message['content'], string>[number];
type ToolOutput = Extract<Part, { type: 'tool-result' }>['output'];
type OutputItem = Extract<ToolOutput, { type: 'content' }>['value'][number];
type Tool = NonNullable<CallOptions['tools']>[number];
type OneOfEach<U extends { type: string }> = { [K in U['type']]: Required<Extract<U, { type: K }>> };
type EachRole = { [K in Message['role']]: Required<Extract<Message, { role: K }>> };

const base64 = (text: string): string => Buffer.from(text).toString('base64');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function maximalCallOptions(pii: FakePii): Required<CallOptions> {
  const options = (field: string) => ({ gateway: { note: pii.email(`${field}.providerOptions`) } });
  const output = (field: string): OneOfEach<ToolOutput> => ({
    text: { type: 'text', value: pii.sentence(`${field}.text`) },
    'error-text': { type: 'error-text', value: pii.sentence(`${field}.error-text`) },
    json: { type: 'json', value: { to: [pii.email(`${field}.json`)], count: 1 } },
    'error-json': { type: 'error-json', value: { reason: pii.sentence(`${field}.error-json`) } },
    content: {
      type: 'content',
      value: Object.values<OutputItem>({
        text: { type: 'text', text: pii.sentence(`${field}.content.text`) },
        media: { type: 'media', mediaType: 'text/plain', data: base64(pii.sentence(`${field}.content.media`)) },
      } satisfies { [K in OutputItem['type']]: Required<Extract<OutputItem, { type: K }>> }),
    },
  });
  const parts: OneOfEach<Part> = {
    text: { type: 'text', text: pii.sentence('assistant.text'), providerOptions: options('assistant.text') },
    reasoning: { type: 'reasoning', text: pii.sentence('assistant.reasoning'), providerOptions: options('assistant.reasoning') },
    file: {
      type: 'file',
      filename: `${pii.email('assistant.file.filename')} (notes).md`,
      mediaType: 'text/markdown',
      data: base64(pii.sentence('assistant.file.data')),
      originalUrl: `https://files.example.org/notes.md?by=${encodeURIComponent(pii.email('assistant.file.originalUrl'))}`,
      providerOptions: options('assistant.file'),
    },
    'tool-call': {
      type: 'tool-call',
      toolCallId: 'call_1',
      toolName: 'lookup',
      input: { who: pii.email('tool-call.input'), nested: [{ note: pii.sentence('tool-call.input.nested') }] },
      providerExecuted: false,
      providerOptions: options('tool-call'),
    },
    'tool-result': { type: 'tool-result', toolCallId: 'call_0', toolName: 'lookup', output: { type: 'text', value: pii.sentence('assistant.tool-result.text') }, providerOptions: options('assistant.tool-result') },
  };
  const toolOutputs = output('tool');
  const roles: EachRole = {
    system: { role: 'system', content: pii.sentence('system.content'), providerOptions: options('system') },
    user: {
      role: 'user',
      content: [
        { type: 'text', text: pii.sentence('user.text') },
        { type: 'file', filename: `${pii.email('user.file.filename')} (letter).txt`, mediaType: 'text/plain', data: new TextEncoder().encode(pii.sentence('user.file.bytes')) },
        { type: 'file', mediaType: 'image/png', data: new URL(`https://img.example.org/u/a.png?owner=${encodeURIComponent(pii.email('user.image.url'))}`) },
        { type: 'file', mediaType: 'image/png', data: PNG },
      ],
      providerOptions: options('user'),
    },
    assistant: { role: 'assistant', content: Object.values(parts), providerOptions: options('assistant') },
    tool: {
      role: 'tool',
      content: Object.values(toolOutputs).map((out, i) => ({ type: 'tool-result' as const, toolCallId: `call_${i}`, toolName: 'lookup', output: out })),
      providerOptions: options('tool'),
    },
  };
  const tools: OneOfEach<Tool> = {
    function: {
      type: 'function',
      name: 'lookup',
      description: pii.sentence('tools.description'),
      inputSchema: {
        type: 'object',
        description: pii.sentence('tools.schema.description'),
        properties: { who: { type: 'string', description: pii.sentence('tools.schema.property'), examples: [pii.email('tools.schema.examples')] } },
        required: ['who'],
      },
      providerOptions: options('tools.function'),
    },
    'provider-defined': { type: 'provider-defined', id: 'openai.web_search', name: 'web_search', args: { userLocation: { city: pii.sentence('tools.provider.args') } } },
  };
  return {
    prompt: Object.values(roles),
    maxOutputTokens: 100,
    temperature: 0.2,
    stopSequences: [pii.email('stopSequences.0')],
    topP: 1,
    topK: 40,
    presencePenalty: 0,
    frequencyPenalty: 0,
    responseFormat: { type: 'json', name: 'answer', description: pii.sentence('responseFormat.description'), schema: { type: 'object', title: pii.sentence('responseFormat.schema') } },
    seed: 7,
    tools: Object.values(tools),
    toolChoice: { type: 'tool', toolName: 'lookup' },
    includeRawChunks: false,
    abortSignal: new AbortController().signal,
    headers: { 'x-request-id': 'req-1' },
    providerOptions: { openai: { user: pii.email('providerOptions.user'), reasoningEffort: 'low' }, gateway: { order: ['a', 'b'] } },
  };
}

function middlewareFor(vault: Vault, options: Partial<VeilMiddlewareOptions> = {}) {
  return veilMiddleware({ anonymize: new Anonymize({ vault, ner: false }), deanonymize: new Deanonymize({ vault, matching: 'combined' }), ...options });
}

describe('veilMiddleware: every free-text field of the call options', () => {
  it('anonymizes maximal call options: no value left, no field dropped, each value found once', async () => {
    const vault = new Vault();
    const pii = new FakePii();
    const params = maximalCallOptions(pii);
    expect(pii.values.length).toBeGreaterThan(30);

    const out = await middlewareFor(vault).transformParams({ params });

    expect(leaked(pii.values, out)).toEqual([]);
    expect(keyPaths(out)).toEqual(keyPaths(params));
    expect((await vault.entries()).map((e) => e.value).sort()).toEqual([...pii.values].sort());
    // Host objects are passed by reference; binary files and non-text values as they were.
    expect(out.abortSignal).toBe(params.abortSignal);
    expect(out.prompt[1]!.content).toContainEqual({ type: 'file', mediaType: 'image/png', data: PNG });
    expect(out).toMatchObject({ headers: { 'x-request-id': 'req-1' }, toolChoice: { type: 'tool', toolName: 'lookup' }, topK: 40 });
    expect(out.providerOptions).toMatchObject({ openai: { reasoningEffort: 'low' }, gateway: { order: ['a', 'b'] } });
    // Bytes stay bytes, URLs stay URLs: the provider gets the types it expects.
    const [, bytes, image] = out.prompt[1]!.content as Array<{ data: unknown }>;
    expect(bytes!.data).toBeInstanceOf(Uint8Array);
    expect(image!.data).toBeInstanceOf(URL);
  });

  it('refuses a part type, a field or a data kind it has no rule for, naming the path only', async () => {
    const email = 'jane.roe@example.com';
    const cases: Array<[unknown, string]> = [
      [[{ role: 'user', content: [{ type: 'video', url: email }] }], 'prompt[0].content[0].type'],
      [[{ role: 'user', content: [{ type: 'text', text: 'hi', citation: email }] }], 'prompt[0].content[0].citation'],
      [[{ role: 'critic', content: email }], 'prompt[0].role'],
      [[{ role: 'user', content: [{ type: 'file', mediaType: 'text/plain', data: { type: 'reference', reference: { openai: email } } }] }], 'prompt[0].content[0].data.type'],
      [[{ role: 'user', content: [{ type: 'file', mediaType: 'text/plain', data: new Blob([email]) }] }], 'prompt[0].content[0].data'],
    ];
    for (const [prompt, path] of cases) {
      const error = await middlewareFor(new Vault()).transformParams({ params: { prompt } as unknown as CallOptions }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedRequestFieldError);
      expect((error as UnsupportedRequestFieldError).path).toBe(path);
      expect((error as Error).message).not.toContain(email);
    }
    const unknownOption = await middlewareFor(new Vault()).transformParams({ params: { prompt: [], experimental_session: { user: email } } as unknown as CallOptions }).catch((e: unknown) => e);
    expect((unknownOption as UnsupportedRequestFieldError).path).toBe('experimental_session');
  });

  it("anonymizes unknown text instead with unknownFields: 'anonymize'", async () => {
    const params = { prompt: [{ role: 'user', content: [{ type: 'video', url: 'jane.roe@example.com' }] }], experimental_session: { user: 'jane.roe@example.com', turns: 3 } };
    const out = await middlewareFor(new Vault(), { unknownFields: 'anonymize' }).transformParams({ params: params as unknown as CallOptions });
    expect(out).toEqual({
      prompt: [{ role: 'user', content: [{ type: 'video', url: '[REDACTED_EMAIL_ADDRESS_1]' }] }],
      experimental_session: { user: '[REDACTED_EMAIL_ADDRESS_1]', turns: 3 },
    });
  });
});

describe('veilMiddleware end to end: the fields a provider sends', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('tool and schema descriptions, image URLs, stop sequences and provider options reach the server anonymized', async () => {
    server = await startTestServer();
    const pii = new FakePii();
    const provider = createOpenAICompatible({ name: 'local', baseURL: server.url, apiKey: 'test', supportedUrls: () => ({ 'image/*': [/^https:\/\//] }) });
    const model = wrapLanguageModel({ model: provider.chatModel('test-model'), middleware: middlewareFor(new Vault()) });
    const imageUrl = new URL(`https://img.example.org/a.png?owner=${encodeURIComponent(pii.email('image.url'))}`);
    const last = pii.sentence('user.text');
    const { text } = await generateText({
      model,
      system: pii.sentence('system'),
      messages: [
        {
          role: 'user',
          content: [{ type: 'image', image: imageUrl }, { type: 'text', text: last }],
          providerOptions: { openaiCompatible: { name: pii.email('message.providerOptions') } },
        },
      ],
      tools: {
        lookup: tool({
          description: pii.sentence('tool.description'),
          inputSchema: jsonSchema<{ who: string }>({ type: 'object', properties: { who: { type: 'string', description: pii.sentence('tool.schema') } } }),
        }),
      },
      stopSequences: [pii.email('stop')],
      providerOptions: { local: { user: pii.email('providerOptions.user'), custom_note: pii.sentence('providerOptions.extra') } },
    });
    const received = server.requests[0]!;
    expect(leaked(pii.values, received)).toEqual([]);
    // Each value made it to the wire as its own placeholder, so none was dropped on the way.
    expect(new Set(wireTexts(received).join('\n').match(/\[REDACTED_EMAIL_ADDRESS_\d+\]/g)).size).toBe(pii.values.length);
    expect(received).toMatchObject({ user: expect.stringMatching(/^\[REDACTED_EMAIL_ADDRESS_\d+\]$/), custom_note: expect.stringContaining('[REDACTED_EMAIL_ADDRESS_') });
    expect(text).toBe(`You said: ${last}`);
  });
});
