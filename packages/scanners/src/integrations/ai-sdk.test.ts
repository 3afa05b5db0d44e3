import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { Vault } from '@veil/vault';
import { generateText, stepCountIs, streamText, tool, wrapLanguageModel } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Anonymize } from '../anonymize.js';
import { Deanonymize } from '../deanonymize.js';
import { nameRecognizer } from './__fixtures__/names.js';
import { veilMiddleware } from './ai-sdk.js';
import { messageText, startTestServer } from './test-server.js';
import type { TestServer, TestServerOptions } from './test-server.js';

const PII = ['John Smith', 'Anna', 'john.smith@example.com'];
const question = 'Hi, I am John Smith (john.smith@example.com). Say hi to Anna "Nan" Lee.';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function modelFor(options: TestServerOptions = {}) {
  server = await startTestServer(options);
  const vault = new Vault();
  const provider = createOpenAICompatible({ name: 'local', baseURL: server.url, apiKey: 'test' });
  const model = wrapLanguageModel({
    model: provider.chatModel('test-model'),
    middleware: veilMiddleware({
      anonymize: new Anonymize({ vault, ner: false, recognizers: [nameRecognizer] }),
      deanonymize: new Deanonymize({ vault, matching: 'combined' }),
    }),
  });
  return { model, server, vault };
}

function assertNoPii(s: TestServer): void {
  const wire = JSON.stringify(s.requests);
  for (const value of PII) expect(wire).not.toContain(value);
}

describe('veilMiddleware with the AI SDK', () => {
  it('generateText: anonymized prompt, restored answer', async () => {
    const { model, server } = await modelFor();
    const { text } = await generateText({ model, system: 'You help John Smith.', prompt: question });
    expect(text).toBe(`You said: ${question}`);
    assertNoPii(server);
    expect(server.requests[0]!.messages.map(messageText)).toEqual([
      'You help [REDACTED_PERSON_1].',
      'Hi, I am [REDACTED_PERSON_1] ([REDACTED_EMAIL_ADDRESS_1]). Say hi to [REDACTED_PERSON_2].',
    ]);
  });

  for (const seed of [1, 2, 3]) {
    it(`streamText: restored across random chunk boundaries (seed ${seed})`, async () => {
      const { model, server } = await modelFor({ seed, maxChunk: 5 });
      const result = streamText({ model, prompt: question });
      const deltas: string[] = [];
      for await (const delta of result.textStream) deltas.push(delta);
      expect(deltas.join('')).toBe(`You said: ${question}`);
      expect(deltas.length).toBeGreaterThan(5);
      assertNoPii(server);
    });
  }

  it('multi-message conversations keep one placeholder per value', async () => {
    const { model, server } = await modelFor();
    const first = await generateText({ model, prompt: question });
    const second = await generateText({
      model,
      messages: [
        { role: 'user', content: question },
        { role: 'assistant', content: first.text },
        { role: 'user', content: 'And Anna "Nan" Lee again?' },
      ],
    });
    expect(second.text).toBe('You said: And Anna "Nan" Lee again?');
    assertNoPii(server);
    expect(server.requests[1]!.messages.map(messageText)).toEqual([
      'Hi, I am [REDACTED_PERSON_1] ([REDACTED_EMAIL_ADDRESS_1]). Say hi to [REDACTED_PERSON_2].',
      'You said: Hi, I am [REDACTED_PERSON_1] ([REDACTED_EMAIL_ADDRESS_1]). Say hi to [REDACTED_PERSON_2].',
      'And [REDACTED_PERSON_2] again?',
    ]);
  });

  for (const mode of ['generate', 'stream'] as const) {
    it(`tools receive real values and their results go out anonymized (${mode})`, async () => {
      const { model, server } = await modelFor({
        seed: 11,
        maxChunk: 3,
        reply: (request) => {
          const last = request.messages[request.messages.length - 1]!;
          if (last.role === 'tool') return { content: `Tool said: ${messageText(last)}` };
          return { toolCalls: [{ name: 'lookup', arguments: JSON.stringify({ person: 'REDACTED PERSON 2' }) }] };
        },
      });
      const seen: string[] = [];
      const tools = {
        lookup: tool({
          description: 'Looks a person up',
          inputSchema: z.object({ person: z.string() }),
          execute: async ({ person }) => {
            seen.push(person);
            return `${person} works with John Smith`;
          },
        }),
      };
      let text: string;
      if (mode === 'generate') {
        text = (await generateText({ model, prompt: question, tools, stopWhen: stepCountIs(2) })).text;
      } else {
        const result = streamText({ model, prompt: question, tools, stopWhen: stepCountIs(2) });
        text = '';
        for await (const delta of result.textStream) text += delta;
      }
      expect(seen).toEqual(['Anna "Nan" Lee']);
      expect(text).toContain('Anna "Nan" Lee works with John Smith');
      assertNoPii(server);
      const toolMessage = server.requests[1]!.messages.find((m) => m.role === 'tool')!;
      expect(messageText(toolMessage)).toContain('[REDACTED_PERSON_2] works with [REDACTED_PERSON_1]');
      const assistant = server.requests[1]!.messages.find((m) => m.role === 'assistant')!;
      expect(JSON.parse(assistant.tool_calls![0]!.function.arguments)).toEqual({ person: '[REDACTED_PERSON_2]' });
    });
  }

  it('an error mid-stream surfaces as an error', async () => {
    const { model } = await modelFor({ reply: (r) => ({ content: `You said: ${messageText(r.messages[0])}`.repeat(5), failAfterEvents: 6 }) });
    const result = streamText({ model, prompt: question, onError: () => undefined });
    let text = '';
    let failure: unknown;
    try {
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') text += part.text;
        if (part.type === 'error') failure = part.error;
      }
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(Error);
    expect(text.length).toBeLessThan(`You said: ${question}`.length * 5);
  });
});
