import { InMemoryCache } from '@langchain/core/caches';
import { awaitAllCallbacks } from '@langchain/core/callbacks/promises';
import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import type { BaseMessage } from '@langchain/core/messages';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnableLambda } from '@langchain/core/runnables';
import { FakeListChatModel, FakeLLM, FakeStreamingChatModel } from '@langchain/core/utils/testing';
import { Document } from '@langchain/core/documents';
import type { ScanEvent } from '@veil/scanners';
import { Vault } from '@veil/vault';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EchoChatModel, Recorder, textOf } from './__fixtures__/models.js';
import { VeilDocumentTransformer, withVeil } from './index.js';

const MARIA = ['Maria Gonzalez', 'maria.gonzalez@brightline.io', '536-22-1234', '(415) 867-2309'];
const JANE = ['Jane Roe', 'jane.roe@example.org', '536-22-4321', '(212) 867-5309'];
const PII = [...MARIA, ...JANE];
const anonymizeOptions = { ner: false as const, hiddenNames: ['Maria Gonzalez', 'Jane Roe'] };
const ask = ([name, email, ssn, phone]: string[]) => `I am ${name}, email ${email}, SSN ${ssn}, phone ${phone}. Please confirm.`;

function expectNoPii(seen: string): void {
  for (const value of PII) expect(seen).not.toContain(value);
}

const content = (m: BaseMessage | string): string => (typeof m === 'string' ? m : textOf(m));

describe('withVeil invoke', () => {
  it('anonymizes every role, content part, tool call and tool result; the answer comes back restored', async () => {
    const model = new EchoChatModel();
    const recorder = new Recorder();
    const veiled = withVeil(model, { anonymizeOptions });
    const messages = [
      new SystemMessage(`You assist ${MARIA[0]} (${MARIA[1]}).`),
      new HumanMessage({ content: [{ type: 'text', text: `My SSN is ${MARIA[2]}.` }, { type: 'image_url', image_url: { url: 'https://img.example/x.png' } }] }),
      new AIMessage({ content: '', tool_calls: [{ id: 'c1', name: 'lookup', args: { email: MARIA[1], note: { phone: MARIA[3] } } }] }),
      new ToolMessage({ tool_call_id: 'c1', content: `Found ${MARIA[0]} at ${MARIA[3]}` }),
      new HumanMessage(ask(MARIA)),
    ];
    const answer = await veiled.invoke(messages, { callbacks: [recorder] });
    expect(content(answer)).toBe(`You said: ${ask(MARIA)}`);

    const seen = model.received[0]!;
    expect(seen.map((m) => m.type)).toEqual(['system', 'human', 'ai', 'tool', 'human']);
    expect(textOf(seen[0]!)).toBe('You assist [REDACTED_CUSTOM_1] ([REDACTED_EMAIL_ADDRESS_1]).');
    expect(seen[1]!.content).toEqual([{ type: 'text', text: 'My SSN is [REDACTED_US_SSN_1].' }, { type: 'image_url', image_url: { url: 'https://img.example/x.png' } }]);
    expect((seen[2] as AIMessage).tool_calls![0]!.args).toEqual({ email: '[REDACTED_EMAIL_ADDRESS_1]', note: { phone: '[REDACTED_PHONE_NUMBER_1]' } });
    expect(textOf(seen[3]!)).toBe('Found [REDACTED_CUSTOM_1] at [REDACTED_PHONE_NUMBER_1]');
    expect(textOf(seen[4]!)).toBe('I am [REDACTED_CUSTOM_1], email [REDACTED_EMAIL_ADDRESS_1], SSN [REDACTED_US_SSN_1], phone [REDACTED_PHONE_NUMBER_1]. Please confirm.');
    expectNoPii(JSON.stringify(model.received));
    expectNoPii(recorder.all);
    // The serialized form callbacks and tracers get is sanitized too, not only `content`.
    expectNoPii(JSON.stringify(seen.map((m) => m.toJSON())));
  });

  it('works with strings, prompt templates and LLMs', async () => {
    const veiled = withVeil(new EchoChatModel(), { anonymizeOptions });
    expect(content(await veiled.invoke(ask(JANE)))).toBe(`You said: ${ask(JANE)}`);

    const chain = ChatPromptTemplate.fromMessages([['system', 'Be brief.'], ['human', '{question}']]).pipe(withVeil(new EchoChatModel(), { anonymizeOptions }));
    expect(content(await chain.invoke({ question: ask(MARIA) }))).toBe(`You said: ${ask(MARIA)}`);

    const recorder = new Recorder();
    const llm = new FakeLLM({ callbacks: [recorder] }); // echoes its prompt
    const out = await withVeil(llm, { anonymizeOptions }).invoke(ask(MARIA));
    expect(out).toBe(ask(MARIA));
    expect(recorder.all).toContain('[REDACTED_CUSTOM_1]');
    expectNoPii(recorder.all);
  });

  it('restores tool-call arguments of the answer for the tools', async () => {
    const model = new EchoChatModel({
      reply: () => new AIMessage({ content: 'Calling.', tool_calls: [{ id: 't', name: 'send', args: { to: '[REDACTED_EMAIL_ADDRESS_1]', who: ['[REDACTED_CUSTOM_1]'] } }] }),
    });
    const answer = (await withVeil(model, { anonymizeOptions }).invoke(ask(MARIA))) as AIMessage;
    expect(answer.tool_calls![0]!.args).toEqual({ to: MARIA[1], who: [MARIA[0]] });
  });

  it('one scope per conversation: thread ids pick vault scopes', async () => {
    const vault = new Vault();
    const veiled = withVeil(new EchoChatModel(), { vault, anonymizeOptions });
    await veiled.invoke(ask(MARIA), { configurable: { thread_id: 'a' } });
    await veiled.withConfig({ configurable: { thread_id: 'b' } }).invoke(ask(JANE));
    expect((await vault.scope('a').entries()).map((e) => e.value)).toContain(MARIA[0]);
    expect((await vault.scope('b').entries()).map((e) => e.value)).toContain(JANE[0]);
    expect((await vault.scope('b').entries()).map((e) => e.value)).not.toContain(MARIA[0]);
    expect(await vault.entries()).toEqual([]);
  });

  it('batch keeps one scope per input', async () => {
    const model = new EchoChatModel();
    const answers = await withVeil(model, { anonymizeOptions }).batch([ask(MARIA), ask(JANE)]);
    expect(answers.map(content)).toEqual([`You said: ${ask(MARIA)}`, `You said: ${ask(JANE)}`]);
    // Separate conversations: each numbered from 1.
    for (const seen of model.received) expect(textOf(seen[0]!)).toContain('[REDACTED_CUSTOM_1]');
    expectNoPii(JSON.stringify(model.received));
  });

  it('getNumTokens counts the sanitized text', async () => {
    const model = new EchoChatModel();
    const veiled = withVeil(model, { anonymizeOptions });
    const text = ask(MARIA);
    expect(await veiled.getNumTokens(text)).toBe(await model.getNumTokens(content(await veiled.sanitize(text) as string)));
    expect(await veiled.getNumTokens(text)).not.toBe(await model.getNumTokens(text));
  });
});

describe('withVeil stream', () => {
  it('restores on the fly, and equals invoke for random chunkings (placeholders cut anywhere)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 12 }), async (sizes) => {
        const model = new EchoChatModel({ chunkSizes: sizes });
        const veiled = withVeil(model, { anonymizeOptions, matching: 'combined' });
        const whole = content(await veiled.invoke(ask(MARIA)));
        let streamed = '';
        let chunks = 0;
        for await (const chunk of await veiled.stream(ask(MARIA))) {
          expect(AIMessageChunk.isInstance(chunk)).toBe(true);
          streamed += content(chunk);
          chunks++;
        }
        expect(streamed).toBe(whole);
        expect(streamed).toBe(`You said: ${ask(MARIA)}`);
        expect(chunks).toBeGreaterThan(1);
        expectNoPii(JSON.stringify(model.received));
      }),
      { numRuns: 40 },
    );
  });

  it('a model whose chunks mangle placeholders: the stream equals invoke (FakeStreamingChatModel, random cuts)', async () => {
    const answer = 'Dear [REDACTED_CUSTOM_1], we wrote to [redacted_email_address_1] about REDACTED US SSN 1.';
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: answer.length - 1 }), { maxLength: 15 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), answer.length];
        const chunks = points.slice(1).map((end, i) => new AIMessageChunk(answer.slice(points[i], end)));
        const model = new FakeStreamingChatModel({ chunks, responses: [new AIMessage(answer)] });
        const veiled = withVeil(model, { anonymizeOptions });
        const whole = content(await veiled.invoke(ask(MARIA)));
        let streamed = '';
        for await (const chunk of await veiled.stream(ask(MARIA))) streamed += content(chunk);
        expect(whole).toBe(`Dear ${MARIA[0]}, we wrote to ${MARIA[1]} about ${MARIA[2]}.`);
        expect(streamed).toBe(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('streamEvents: the inner model streams placeholders, the Veil runnable streams restored text', async () => {
    const veiled = withVeil(new EchoChatModel({ chunkSizes: [4] }), { anonymizeOptions });
    const inner: string[] = [];
    let outer = '';
    let end: unknown;
    for await (const event of veiled.streamEvents(ask(JANE), { version: 'v2' })) {
      if (event.event === 'on_chat_model_stream') inner.push(content(event.data.chunk as AIMessageChunk));
      if (event.event === 'on_chain_stream' && event.name === 'VeilRunnable') outer += content(event.data.chunk as AIMessageChunk);
      if (event.event === 'on_chain_end' && event.name === 'VeilRunnable') end = event.data.output;
      if (event.event.startsWith('on_chat_model')) expectNoPii(JSON.stringify(event.data));
    }
    expect(outer).toBe(`You said: ${ask(JANE)}`);
    expect(inner.join('')).toContain('[REDACTED_CUSTOM_1]');
    expect(content(end as AIMessageChunk)).toBe(outer);
  });

  it('an LLM streams restored strings', async () => {
    let text = '';
    for await (const piece of await withVeil(new FakeLLM({}), { anonymizeOptions }).stream(ask(MARIA))) text += piece;
    expect(text).toBe(ask(MARIA));
  });
});

describe('Runnable composition', () => {
  it('withRetry over a model that fails once', async () => {
    const model = new EchoChatModel({ failures: 1 });
    const answer = await withVeil(model, { anonymizeOptions }).withRetry({ stopAfterAttempt: 2 }).invoke(ask(MARIA));
    expect(content(answer)).toBe(`You said: ${ask(MARIA)}`);
    expect(model.received).toHaveLength(2);
    // The retry sends the same sanitized prompt.
    expect(textOf(model.received[1]![0]!)).toBe(textOf(model.received[0]![0]!));
    expectNoPii(JSON.stringify(model.received));

    const inner = new EchoChatModel({ failures: 1 });
    expect(content(await withVeil(inner.withRetry({ stopAfterAttempt: 2 }), { anonymizeOptions }).invoke(ask(JANE)))).toBe(`You said: ${ask(JANE)}`);
    expectNoPii(JSON.stringify(inner.received));
  });

  it('withFallbacks: the fallback model receives the sanitized prompt only', async () => {
    for (const build of [
      (primary: EchoChatModel, backup: EchoChatModel) => withVeil(primary, { anonymizeOptions }).withFallbacks([backup]),
      (primary: EchoChatModel, backup: EchoChatModel) => withVeil(primary.withFallbacks([backup]), { anonymizeOptions }),
    ]) {
      const primary = new EchoChatModel({ failures: 5 });
      const backup = new EchoChatModel();
      const answer = await build(primary, backup).invoke(ask(MARIA));
      expect(content(answer)).toBe(`You said: ${ask(MARIA)}`);
      expect(backup.received).toHaveLength(1);
      expect(textOf(backup.received[0]![0]!)).toContain('[REDACTED_CUSTOM_1]');
      expectNoPii(JSON.stringify([primary.received, backup.received]));
    }
  });

  it('withListeners sees the restored answer; withConfig passes config through', async () => {
    const outputs: unknown[] = [];
    const veiled = withVeil(new EchoChatModel(), { anonymizeOptions })
      .withConfig({ runName: 'guarded' })
      .withListeners({ onEnd: (run) => void outputs.push([run.name, run.outputs]) });
    const answer = await veiled.invoke(ask(MARIA));
    expect(content(answer)).toBe(`You said: ${ask(MARIA)}`);
    await awaitAllCallbacks();
    expect(outputs).toHaveLength(1);
    expect((outputs[0] as unknown[])[0]).toBe('guarded');
    expect(JSON.stringify(outputs)).toContain(MARIA[0]);
  });

  it('inside a chain with a RunnableLambda after it', async () => {
    const chain = withVeil(new EchoChatModel(), { anonymizeOptions }).pipe(RunnableLambda.from((m: AIMessageChunk) => content(m).toUpperCase()));
    expect(await chain.invoke(ask(JANE))).toBe(`You said: ${ask(JANE)}`.toUpperCase());
  });
});

describe('cache safety', () => {
  it('the cache holds sanitized prompts and placeholder answers; a cached answer gets the other conversation\'s values', async () => {
    const store = new Map<string, unknown>();
    const model = new EchoChatModel({ cache: new InMemoryCache(store as never) });
    const vault = new Vault();
    const veiled = withVeil(model, { vault, anonymizeOptions });

    const a = await veiled.invoke(ask(MARIA), { configurable: { thread_id: 'maria' } });
    const b = await veiled.invoke(ask(JANE), { configurable: { thread_id: 'jane' } });
    expect(model.received).toHaveLength(1); // the second conversation was a cache hit
    expect(content(a)).toBe(`You said: ${ask(MARIA)}`);
    expect(content(b)).toBe(`You said: ${ask(JANE)}`);
    expect(store.size).toBe(1);
    const cached = JSON.stringify([...store.entries()]);
    expect(cached).toContain('[REDACTED_CUSTOM_1]');
    expectNoPii(cached);
  });
});

describe('scan events', () => {
  it('every scan is reported with source langchain, never a value', async () => {
    const events: ScanEvent[] = [];
    const veiled = withVeil(new EchoChatModel({ chunkSizes: [2] }), { anonymizeOptions, onScan: (e) => void events.push(e) });
    await veiled.invoke([new SystemMessage('Be kind.'), new HumanMessage(ask(MARIA))]);
    for await (const _ of await veiled.stream(ask(MARIA))) void _;
    expect(events.map((e) => e.scanner)).toEqual(['anonymize', 'anonymize', 'deanonymize', 'anonymize', 'deanonymize_stream']);
    expect(events.every((e) => e.source === 'langchain')).toBe(true);
    expect(events[1]).toMatchObject({ counts: { CUSTOM: 1, EMAIL_ADDRESS: 1, US_SSN: 1, PHONE_NUMBER: 1 } });
    expect(events[4]).toMatchObject({ restored: 4 });
    expectNoPii(JSON.stringify(events));
  });
});

describe('VeilDocumentTransformer', () => {
  it('anonymizes content and metadata, keeps the scope in the metadata, and restores', async () => {
    const vault = new Vault();
    const transformer = new VeilDocumentTransformer({ vault, anonymizeOptions });
    const docs = [
      new Document({ pageContent: ask(MARIA), metadata: { author: MARIA[0], page: 1 }, id: 'doc-1' }),
      new Document({ pageContent: ask(JANE), metadata: {} }),
    ];
    const out = await transformer.transformDocuments(docs);
    expectNoPii(JSON.stringify(out));
    expect(out[0]!.metadata).toEqual({ author: '[REDACTED_CUSTOM_1]', page: 1, veil_scope: 'doc-1' });
    expect(typeof out[1]!.metadata.veil_scope).toBe('string');
    expect((await transformer.restore(out[0]!)).pageContent).toBe(ask(MARIA));
    expect((await transformer.restore(out[1]!)).pageContent).toBe(ask(JANE));

    const corpus = await new VeilDocumentTransformer({ vault, anonymizeOptions, scope: 'corpus' }).transformDocuments(docs);
    expect(corpus.map((d) => d.metadata.veil_scope)).toEqual(['corpus', 'corpus']);
    expect(corpus[1]!.pageContent).toContain('[REDACTED_CUSTOM_2]');
  });
});

describe('fail closed', () => {
  it('a failing scan stops the call before the model sees anything', async () => {
    const model = new EchoChatModel();
    const broken = withVeil(model, { anonymizeOptions: { ner: false, recognizers: [{ name: 'broken', types: ['PERSON'], analyze: () => { throw new Error('boom'); } }] } });
    await expect(broken.invoke(ask(MARIA))).rejects.toThrow(/recognizer "broken" failed/);
    expect(model.received).toEqual([]);
  });

  it('FakeListChatModel answers with placeholders restored', async () => {
    const model = new FakeListChatModel({ responses: ['Hello [REDACTED_CUSTOM_1]!'] });
    expect(content(await withVeil(model, { anonymizeOptions }).invoke(ask(JANE)))).toBe(`Hello ${JANE[0]}!`);
  });
});
