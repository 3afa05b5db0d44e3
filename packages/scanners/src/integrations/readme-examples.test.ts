/**
 * The README examples for Deanonymize, streaming and the two adapters, run as written (console
 * output turned into assertions), through the package entry point.
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { Deanonymize, DeanonymizeTransformStream, deanonymizeStream, startTestServer } from '../index.js'; // '@veil/scanners' in the README
import { veilMiddleware } from '../ai-sdk.js'; // '@veil/scanners/ai-sdk' in the README
import { veilFetch } from '../openai.js'; // '@veil/scanners/openai' in the README
import { Vault } from '@veil/vault';
import { streamText, wrapLanguageModel } from 'ai';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';

describe('README examples', () => {
  it('Deanonymize', async () => {
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'John Smith'); // normally done by Anonymize

    const deanonymize = new Deanonymize({ vault, matching: 'combined' });
    const result = await deanonymize.scan('', 'Dear redacted person 1, see [REDACTED_PERSON_2].');
    expect(result.sanitized).toBe('Dear John Smith, see [REDACTED_PERSON_2].');
    expect(result.unknownPlaceholders).toEqual(['[REDACTED_PERSON_2]']);
  });

  it('deanonymizeStream', async () => {
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'John Smith');

    async function* modelOutput() {
      yield 'Hello [REDAC';
      yield 'TED_PERSON_1], how are you?';
    }
    const pieces: string[] = [];
    for await (const text of deanonymizeStream(modelOutput(), { vault, matching: 'combined' })) pieces.push(text);
    expect(pieces).toEqual(['Hello ', 'John Smith, how are you?']);
  });

  it('DeanonymizeTransformStream', async () => {
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'John Smith');

    const source = new ReadableStream<string>({
      start(controller) {
        controller.enqueue('Hi [REDAC');
        controller.enqueue('TED_PERSON_1]!');
        controller.close();
      },
    });
    let text = '';
    const reader = source.pipeThrough(new DeanonymizeTransformStream({ vault })).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += r.value;
    expect(text).toBe('Hi John Smith!');
  });

  it('OpenAI client', async () => {
    const server = await startTestServer(); // local OpenAI-compatible server: echoes, streams in random chunks
    const vault = new Vault(); // one vault (scope) per conversation
    const openai = new OpenAI({
      baseURL: server.url,
      apiKey: 'test',
      fetch: veilFetch({ vault, anonymizeOptions: { ner: false } }),
    });

    const stream = await openai.chat.completions.create({
      model: 'test',
      stream: true,
      messages: [{ role: 'user', content: 'My email is john.smith@example.com' }],
    });
    let answer = '';
    for await (const chunk of stream) answer += chunk.choices[0]?.delta?.content ?? '';

    expect(answer).toBe('You said: My email is john.smith@example.com');
    expect(server.requests[0]!.messages[0]!.content).toBe('My email is [REDACTED_EMAIL_ADDRESS_1]');
    await server.close();
  });

  it('Vercel AI SDK', async () => {
    const server = await startTestServer();
    const vault = new Vault();
    const model = wrapLanguageModel({
      model: createOpenAICompatible({ name: 'local', baseURL: server.url, apiKey: 'test' }).chatModel('test'),
      middleware: veilMiddleware({ vault, anonymizeOptions: { ner: false } }),
    });

    const result = streamText({ model, prompt: 'Call me at +1 202-555-0143' });
    let answer = '';
    for await (const text of result.textStream) answer += text;

    expect(answer).toBe('You said: Call me at +1 202-555-0143');
    expect(JSON.stringify(server.requests[0])).not.toContain('555-0143');
    await server.close();
  });
});
