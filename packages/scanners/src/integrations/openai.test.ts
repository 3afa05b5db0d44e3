import { Vault } from '@veil/vault';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { Anonymize } from '../anonymize.js';
import { Deanonymize } from '../deanonymize.js';
import { ConfigurationError, RecognizerError, ResponseTooLargeError } from '../errors.js';
import type { Recognizer } from '../types.js';
import { nameRecognizer } from './__fixtures__/names.js';
import { veilFetch } from './openai.js';
import { messageText, startTestServer } from './test-server.js';
import type { ChatRequest, TestServer, TestServerOptions } from './test-server.js';


const PII = ['John Smith', 'Anna "Nan" Lee', 'john.smith@example.com', 'Nan'];

function scannersFor(vault: Vault): { anonymize: Anonymize; deanonymize: Deanonymize } {
  return {
    anonymize: new Anonymize({ vault, ner: false, recognizers: [nameRecognizer] }),
    deanonymize: new Deanonymize({ vault, matching: 'combined' }),
  };
}

function assertNoPii(requests: ChatRequest[]): void {
  const wire = JSON.stringify(requests);
  for (const value of PII) expect(wire).not.toContain(value.replace(/"/g, '\\"'));
  for (const value of PII) expect(wire).not.toContain(value);
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(options: TestServerOptions = {}, vault = new Vault()): Promise<{ openai: OpenAI; server: TestServer; vault: Vault }> {
  server = await startTestServer(options);
  const openai = new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0, fetch: veilFetch(scannersFor(vault)) });
  return { openai, server, vault };
}

const question = 'Hi, I am John Smith (john.smith@example.com). Say hi to Anna "Nan" Lee.';

describe('veilFetch with the openai client', () => {
  it('anonymizes the request and restores a non-streamed answer', async () => {
    const { openai, server } = await clientFor();
    const completion = await openai.chat.completions.create({ model: 'test', messages: [{ role: 'user', content: question }] });
    expect(completion.choices[0]!.message.content).toBe(`You said: ${question}`);
    assertNoPii(server.requests);
    expect(messageText(server.requests[0]!.messages[0])).toBe(
      'Hi, I am [REDACTED_PERSON_1] ([REDACTED_EMAIL_ADDRESS_1]). Say hi to [REDACTED_PERSON_2].',
    );
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`restores a streamed answer cut into random chunks (seed ${seed})`, async () => {
      const { openai, server } = await clientFor({ seed, maxChunk: 6 });
      const stream = await openai.chat.completions.create({ model: 'test', stream: true, messages: [{ role: 'user', content: question }] });
      const deltas: string[] = [];
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta?.content;
        if (delta) deltas.push(delta);
      }
      expect(deltas.join('')).toBe(`You said: ${question}`);
      // Streamed, not buffered: the answer arrives in many pieces.
      expect(deltas.length).toBeGreaterThan(5);
      assertNoPii(server.requests);
    });
  }

  it('keeps placeholders consistent across a multi-message conversation, all roles', async () => {
    const { openai, server } = await clientFor();
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
      { role: 'system', content: 'You help John Smith.' },
      { role: 'user', content: question },
    ];
    const first = await openai.chat.completions.create({ model: 'test', messages });
    messages.push({ role: 'assistant', content: first.choices[0]!.message.content! });
    messages.push({ role: 'user', content: [{ type: 'text', text: 'Again: John Smith and Anna "Nan" Lee' }] });
    const second = await openai.chat.completions.create({ model: 'test', messages });
    expect(second.choices[0]!.message.content).toBe('You said: Again: John Smith and Anna "Nan" Lee');
    assertNoPii(server.requests);
    const sent = server.requests[1]!.messages.map(messageText);
    expect(sent).toEqual([
      'You help [REDACTED_PERSON_1].',
      'Hi, I am [REDACTED_PERSON_1] ([REDACTED_EMAIL_ADDRESS_1]). Say hi to [REDACTED_PERSON_2].',
      'You said: Hi, I am [REDACTED_PERSON_1] ([REDACTED_EMAIL_ADDRESS_1]). Say hi to [REDACTED_PERSON_2].',
      'Again: [REDACTED_PERSON_1] and [REDACTED_PERSON_2]',
    ]);
  });

  for (const stream of [false, true]) {
    it(`restores tool-call arguments and anonymizes tool results (${stream ? 'streamed' : 'not streamed'})`, async () => {
      const { openai, server } = await clientFor({
        seed: 7,
        maxChunk: 3,
        reply: (request) => {
          const last = request.messages[request.messages.length - 1]!;
          if (last.role === 'tool') return { content: `Tool said: ${messageText(last)}` };
          // The model calls a tool with the placeholders it was given, one of them mangled.
          return { toolCalls: [{ name: 'lookup', arguments: JSON.stringify({ person: '[REDACTED_PERSON_2]', also: 'redacted person 1' }) }] };
        },
      });
      const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: 'user', content: question }];
      const tools: OpenAI.Chat.ChatCompletionTool[] = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }];
      let id = '';
      let args = '';
      if (stream) {
        const events = await openai.chat.completions.create({ model: 'test', stream: true, messages, tools });
        for await (const chunk of events) {
          for (const call of chunk.choices[0]?.delta?.tool_calls ?? []) {
            id ||= call.id ?? '';
            args += call.function?.arguments ?? '';
          }
        }
      } else {
        const completion = await openai.chat.completions.create({ model: 'test', messages, tools });
        const call = completion.choices[0]!.message.tool_calls![0]!;
        if (call.type !== 'function') throw new Error('expected a function call');
        id = call.id;
        args = call.function.arguments;
      }
      expect(JSON.parse(args)).toEqual({ person: 'Anna "Nan" Lee', also: 'John Smith' });

      messages.push({ role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name: 'lookup', arguments: args } }] });
      messages.push({ role: 'tool', tool_call_id: id, content: 'Anna "Nan" Lee is the manager of John Smith.' });
      const final = await openai.chat.completions.create({ model: 'test', messages, tools });
      expect(final.choices[0]!.message.content).toBe('Tool said: Anna "Nan" Lee is the manager of John Smith.');
      assertNoPii(server.requests);
      const second = server.requests[1]!;
      expect(second.messages[1]!.tool_calls![0]!.function.arguments).toBe(JSON.stringify({ person: '[REDACTED_PERSON_2]', also: '[REDACTED_PERSON_1]' }));
      expect(messageText(second.messages[2])).toBe('[REDACTED_PERSON_2] is the manager of [REDACTED_PERSON_1].');
    });
  }

  it('surfaces an error mid-stream as an error', async () => {
    const { openai } = await clientFor({ reply: (r) => ({ content: `You said: ${messageText(r.messages[0])}`.repeat(5), failAfterEvents: 6 }) });
    const stream = await openai.chat.completions.create({ model: 'test', stream: true, messages: [{ role: 'user', content: question }] });
    let received = '';
    await expect(
      (async () => {
        for await (const chunk of stream) received += chunk.choices[0]?.delta?.content ?? '';
      })(),
    ).rejects.toThrow();
    expect(received.length).toBeLessThan(`You said: ${question}`.length * 5);
  });

  it('fails closed on an answer over its cap: a JSON body, a streamed event', async () => {
    // One 50 000-character event: the server cuts the stream in chunks of up to maxChunk characters.
    const { openai } = await clientFor({ maxChunk: 100_000, reply: () => ({ content: `[REDACTED_PERSON_1] ${'x'.repeat(50_000)}` }) });
    const capped = new OpenAI({ baseURL: server!.url, apiKey: 'test', maxRetries: 0, fetch: veilFetch({ ...scannersFor(new Vault()), maxBodyBytes: 10_000, maxEventChars: 10_000 }) });
    const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [{ role: 'user', content: question }];
    const error = await capped.chat.completions.create({ model: 'test', messages }).catch((e: unknown) => e);
    expect((error as Error).cause).toBeInstanceOf(ResponseTooLargeError);
    const stream = await capped.chat.completions.create({ model: 'test', stream: true, messages });
    let received = '';
    const failure = await (async () => {
      for await (const chunk of stream) received += chunk.choices[0]?.delta?.content ?? '';
    })().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ResponseTooLargeError);
    expect(received).not.toContain('REDACTED');
    // Under the default caps the same answers go through.
    expect((await openai.chat.completions.create({ model: 'test', messages })).choices[0]!.message.content).toHaveLength(50_000 + 'John Smith '.length);
  });

  it('passes HTTP errors through as API errors', async () => {
    const { openai } = await clientFor({ reply: () => ({ status: 500 }) });
    await expect(openai.chat.completions.create({ model: 'test', messages: [{ role: 'user', content: question }] })).rejects.toBeInstanceOf(OpenAI.APIError);
  });

  it('fails closed: nothing is sent when anonymization fails', async () => {
    server = await startTestServer();
    const vault = new Vault();
    const broken: Recognizer = { name: 'broken', types: ['PERSON'], analyze: () => { throw new Error('model missing'); } };
    const fetchFn = veilFetch({ anonymize: new Anonymize({ vault, ner: false, recognizers: [broken] }), deanonymize: new Deanonymize({ vault }) });
    const body = JSON.stringify({ model: 'test', messages: [{ role: 'user', content: question }] });
    await expect(fetchFn(`${server.url}/chat/completions`, { method: 'POST', body })).rejects.toBeInstanceOf(RecognizerError);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses other POST endpoints unless told to pass them', async () => {
    server = await startTestServer();
    const vault = new Vault();
    const body = JSON.stringify({ input: question });
    await expect(veilFetch(scannersFor(vault))(`${server.url}/embeddings`, { method: 'POST', body })).rejects.toBeInstanceOf(ConfigurationError);
    const passed = await veilFetch({ ...scannersFor(vault), otherEndpoints: 'pass' })(`${server.url}/embeddings`, { method: 'POST', body });
    expect(passed.status).toBe(404);
  });

  it('keeps concurrent conversations apart with one vault scope each', async () => {
    server = await startTestServer({ seed: 3 });
    const store = new Vault();
    const base = new Anonymize({ vault: store, ner: false, recognizers: [nameRecognizer] });
    const clientFor = (id: string): OpenAI => {
      const scope = store.scope(id);
      return new OpenAI({ baseURL: server!.url, apiKey: 'test', maxRetries: 0, fetch: veilFetch({ anonymize: base.withVault(scope), deanonymize: new Deanonymize({ vault: scope }) }) });
    };
    const ask = async (client: OpenAI, content: string): Promise<string> => {
      const stream = await client.chat.completions.create({ model: 'test', stream: true, messages: [{ role: 'user', content }] });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      return text;
    };
    const [a, b] = await Promise.all([ask(clientFor('chat-a'), 'I am John Smith.'), ask(clientFor('chat-b'), 'I am Anna "Nan" Lee.')]);
    expect(a).toBe('You said: I am John Smith.');
    expect(b).toBe('You said: I am Anna "Nan" Lee.');
    // Each conversation numbers from 1 in its own scope.
    expect(server.requests.map((r) => messageText(r.messages[0])).sort()).toEqual(['I am [REDACTED_PERSON_1].', 'I am [REDACTED_PERSON_1].']);
  });

  it('rejects scanners that do not share a vault scope', () => {
    const a = new Vault();
    expect(() => veilFetch({ anonymize: new Anonymize({ vault: a, ner: false }), deanonymize: new Deanonymize({ vault: a.scope('other') }) })).toThrow(ConfigurationError);
    expect(() => veilFetch({ anonymize: new Anonymize({ vault: a, ner: false }), deanonymize: new Deanonymize({ vault: a.scope('default') }) })).not.toThrow();
    expect(() => veilFetch({ anonymize: new Anonymize({ vault: a, ner: false }), deanonymize: {} as Deanonymize })).toThrow(ConfigurationError);
  });
});
