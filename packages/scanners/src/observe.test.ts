/**
 * onScan and OpenTelemetry spans, checked with the real OTel SDK (in-memory exporter, async-hooks
 * context manager): one span per scan, children of the caller's span, the documented veil.* attributes,
 * error status on a fail-closed scan, and no PII value anywhere in what is reported.
 */
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { SpanStatusCode, context, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { Vault } from '@veil/vault';
import { generateText, wrapLanguageModel } from 'ai';
import OpenAI from 'openai';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Anonymize } from './anonymize.js';
import { Deanonymize } from './deanonymize.js';
import { RecognizerError } from './errors.js';
import { veilMiddleware } from './ai-sdk.js';
import { startTestServer, veilFetch } from './openai.js';
import type { ScanEvent } from './observe.js';
import { VeilAttributes } from './observe.js';
import { DeanonymizeTransformStream, deanonymizeStream } from './stream/index.js';
import type { Recognizer } from './types.js';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
  trace.setGlobalTracerProvider(provider);
});
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
});
beforeEach(() => exporter.reset());

const PII = ['john.smith@example.com', '536-22-1234', '4111 1111 1111 1111', 'Maria Gonzalez', '+1 415 867 2309', 'S3cr3t-Hunter2'];
const PROMPT = `Email john.smith@example.com, SSN 536-22-1234, card 4111 1111 1111 1111, call +1 415 867 2309.`;

/** Everything a backend would receive for these spans, as one string. */
function exported(spans: readonly ReadableSpan[]): string {
  return JSON.stringify(
    spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, status: s.status, links: s.links, resource: s.resource.attributes })),
  );
}

function expectNoPii(text: string): void {
  for (const value of PII) expect(text).not.toContain(value);
}

const veilSpans = (): ReadableSpan[] => exporter.getFinishedSpans().filter((s) => s.name.startsWith('veil.'));

describe('Anonymize', () => {
  it('reports one event and one child span per scan, with counts and no values', async () => {
    const events: ScanEvent[] = [];
    const anonymize = new Anonymize({ ner: false, onScan: (e) => void events.push(e) });
    const tracer = trace.getTracer('test');
    const result = await tracer.startActiveSpan('request', async (parent) => {
      try {
        return await anonymize.scan(PROMPT);
      } finally {
        parent.end();
      }
    });
    expect(result.isValid).toBe(false);

    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event).toMatchObject({
      scanner: 'anonymize',
      outcome: 'ok',
      isValid: false,
      riskScore: result.riskScore,
      inputLength: PROMPT.length,
      counts: { EMAIL_ADDRESS: 1, US_SSN: 1, CREDIT_CARD: 1, PHONE_NUMBER: 1 },
      findings: 4,
    });
    expect(event.durationMs).toBeGreaterThanOrEqual(0);
    expect(event.modelLoadMs).toBeUndefined();
    expect(event.source).toBeUndefined();

    const parent = exporter.getFinishedSpans().find((s) => s.name === 'request')!;
    const spans = veilSpans();
    expect(spans.map((s) => s.name)).toEqual(['veil.anonymize']);
    const span = spans[0]!;
    expect(span.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(span.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.attributes).toMatchObject({
      [VeilAttributes.SCANNER]: 'anonymize',
      [VeilAttributes.OUTCOME]: 'ok',
      [VeilAttributes.IS_VALID]: false,
      [VeilAttributes.RISK_SCORE]: result.riskScore,
      [VeilAttributes.FINDINGS]: 4,
      [VeilAttributes.INPUT_LENGTH]: PROMPT.length,
      'veil.entity_count.EMAIL_ADDRESS': 1,
      'veil.entity_count.US_SSN': 1,
      'veil.entity_count.CREDIT_CARD': 1,
      'veil.entity_count.PHONE_NUMBER': 1,
    });
    expect(span.attributes[VeilAttributes.ENTITY_TYPES]).toEqual(['CREDIT_CARD', 'EMAIL_ADDRESS', 'PHONE_NUMBER', 'US_SSN']);
    expect(typeof span.attributes[VeilAttributes.DURATION_MS]).toBe('number');
    expectNoPii(exported(spans));
    expectNoPii(JSON.stringify(events));
  });

  it('a clean prompt is valid with risk -1 and no counts', async () => {
    const events: ScanEvent[] = [];
    await new Anonymize({ ner: false, onScan: (e) => void events.push(e) }).scan('Nothing to see here.');
    expect(events[0]).toMatchObject({ outcome: 'ok', isValid: true, riskScore: -1, counts: {}, findings: 0 });
    expect(veilSpans()[0]!.attributes[VeilAttributes.ENTITY_TYPES]).toEqual([]);
  });

  it('fails closed: error status with the class only, never the message or the text', async () => {
    const leaky: Recognizer = {
      name: 'leaky',
      types: ['PERSON'],
      analyze: (text) => {
        throw new Error(`cannot parse ${text} (S3cr3t-Hunter2)`);
      },
    };
    const events: ScanEvent[] = [];
    const anonymize = new Anonymize({ ner: false, recognizers: [leaky], onScan: (e) => void events.push(e) });
    await expect(anonymize.scan(`Maria Gonzalez, ${PROMPT}`)).rejects.toBeInstanceOf(RecognizerError);

    expect(events).toEqual([
      expect.objectContaining({ scanner: 'anonymize', outcome: 'failed_closed', errorClass: 'RecognizerError', errorCode: 'VEIL_RECOGNIZER_FAILED', counts: {}, findings: 0 }),
    ]);
    const [span] = veilSpans();
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'RecognizerError' });
    expect(span!.attributes).toMatchObject({ [VeilAttributes.OUTCOME]: 'failed_closed', [VeilAttributes.ERROR_CLASS]: 'RecognizerError', 'error.type': 'RecognizerError' });
    expect(span!.events).toEqual([]);
    expectNoPii(exported(veilSpans()));
    expectNoPii(JSON.stringify(events));
  });

  it('an invalid input is a failed-closed scan too', async () => {
    const events: ScanEvent[] = [];
    await expect(new Anonymize({ ner: false, maxLength: 5, onScan: (e) => void events.push(e) }).scan('Maria Gonzalez')).rejects.toThrow();
    expect(events[0]).toMatchObject({ outcome: 'failed_closed', errorClass: 'InvalidInputError' });
  });

  it('reports the model load time on the first scan only', async () => {
    let loads = 0;
    const slowModel: Recognizer = {
      name: 'slow-model',
      types: ['PERSON'],
      ready: async () => {
        loads++;
        await new Promise((r) => setTimeout(r, 40));
      },
      analyze: (text) => {
        const start = text.indexOf('Maria Gonzalez');
        return start < 0 ? [] : [{ type: 'PERSON', start, end: start + 14, text: 'Maria Gonzalez', score: 0.9, recognizer: 'slow-model' }];
      },
    };
    const events: ScanEvent[] = [];
    const anonymize = new Anonymize({ ner: slowModel, onScan: (e) => void events.push(e) });
    await anonymize.scan('Maria Gonzalez called.');
    await anonymize.withVault(new Vault()).scan('Maria Gonzalez called again.');
    expect(loads).toBe(1);
    expect(events[0]!.modelLoadMs).toBeGreaterThanOrEqual(30);
    expect(events[0]!.durationMs).toBeGreaterThanOrEqual(events[0]!.modelLoadMs!);
    expect(events[1]!.modelLoadMs).toBeUndefined();
    expect(events[0]!.counts).toEqual({ PERSON: 1 });
    const spans = veilSpans();
    expect(spans[0]!.attributes[VeilAttributes.MODEL_LOAD_MS]).toBe(events[0]!.modelLoadMs);
    expect(spans[1]!.attributes[VeilAttributes.MODEL_LOAD_MS]).toBeUndefined();
  });

  it('a hook that throws or rejects does not change the scan', async () => {
    const throwing = new Anonymize({ ner: false, onScan: () => { throw new Error('hook'); } });
    expect((await throwing.scan(PROMPT)).isValid).toBe(false);
    const rejecting = new Anonymize({ ner: false, onScan: async () => { throw new Error('hook'); } });
    expect((await rejecting.scan(PROMPT)).isValid).toBe(false);
    expect(() => new Anonymize({ onScan: 'no' as never })).toThrow(/onScan/);
  });
});

describe('Deanonymize and the streaming deanonymizer', () => {
  it('reports restored and unknown placeholders per type', async () => {
    const vault = new Vault();
    const person = await vault.placeholderFor('PERSON', 'Maria Gonzalez');
    const email = await vault.placeholderFor('EMAIL_ADDRESS', 'john.smith@example.com');
    const events: ScanEvent[] = [];
    const deanonymize = new Deanonymize({ vault, matching: 'combined', onScan: (e) => void events.push(e) });
    const output = `Dear ${person}, we wrote to ${email} and to ${person.toLowerCase()}; see [REDACTED_US_SSN_7].`;
    const result = await deanonymize.scan('', output);
    expect(result.restored).toBe(3);
    expect(events[0]).toMatchObject({
      scanner: 'deanonymize', outcome: 'ok', restored: 3, unknownPlaceholders: 1, counts: { PERSON: 2, EMAIL_ADDRESS: 1 }, findings: 3, inputLength: output.length,
    });
    const [span] = veilSpans();
    expect(span!.name).toBe('veil.deanonymize');
    expect(span!.attributes).toMatchObject({ [VeilAttributes.RESTORED]: 3, [VeilAttributes.UNKNOWN_PLACEHOLDERS]: 1, 'veil.entity_count.PERSON': 2 });
    expectNoPii(exported(veilSpans()));
    expectNoPii(JSON.stringify(events));
  });

  it('a stream is one scan: same counts as Deanonymize, however it is cut', async () => {
    const vault = new Vault();
    const person = await vault.placeholderFor('PERSON', 'Maria Gonzalez');
    const output = `Dear ${person}, re [REDACTED_US_SSN_7]: thanks ${person}.`;
    const batch: ScanEvent[] = [];
    await new Deanonymize({ vault, onScan: (e) => void batch.push(e) }).scan('', output);
    for (const size of [1, 3, 7, 100]) {
      const events: ScanEvent[] = [];
      const chunks = output.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      let text = '';
      for await (const piece of deanonymizeStream(chunks, { vault, onScan: (e) => void events.push(e) })) text += piece;
      expect(text).toBe('Dear Maria Gonzalez, re [REDACTED_US_SSN_7]: thanks Maria Gonzalez.');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ scanner: 'deanonymize_stream', outcome: 'ok', restored: 2, unknownPlaceholders: 1, counts: { PERSON: 2 }, inputLength: output.length });
    }
    expect(veilSpans().filter((s) => s.name === 'veil.deanonymize_stream')).toHaveLength(4);
    expectNoPii(exported(veilSpans()));
  });

  it('stream counts equal batch counts for random texts and cuts (property)', async () => {
    const vault = new Vault();
    const placeholders = [await vault.placeholderFor('PERSON', 'Maria Gonzalez'), await vault.placeholderFor('EMAIL_ADDRESS', 'john.smith@example.com')];
    const piece = fc.oneof(
      fc.constantFrom(...placeholders, '[REDACTED_US_SSN_7]', '[REDACTED_PERSON_9]', 'redacted person 1', '[REDACTED_', '[', ' ', 'Dear ', ', and '),
      fc.string({ maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom('exact', 'combined' as const), async (pieces, cuts, matching) => {
        const output = pieces.join('');
        const batch: ScanEvent[] = [];
        const result = await new Deanonymize({ vault, matching, onScan: (e) => void batch.push(e) }).scan('', output);
        const points = [...new Set(cuts.map((c) => c % (output.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i, all) => output.slice(p, all[i + 1] ?? output.length));
        const streamed: ScanEvent[] = [];
        let text = '';
        for await (const t of deanonymizeStream(chunks, { vault, matching, onScan: (e) => void streamed.push(e) })) text += t;
        expect(text).toBe(result.sanitized);
        const pick = (e: ScanEvent) => ({ restored: e.restored, unknownPlaceholders: e.unknownPlaceholders, counts: e.counts });
        expect(pick(streamed[0]!)).toEqual(pick(batch[0]!));
      }),
      { numRuns: 200 },
    );
  });

  it('DeanonymizeTransformStream and a Deanonymize passed as stream options report too', async () => {
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'Maria Gonzalez');
    const events: ScanEvent[] = [];
    const deanonymize = new Deanonymize({ vault, onScan: (e) => void events.push(e) });
    let text = '';
    for await (const t of deanonymizeStream(['Hi [REDACTED_', 'PERSON_1]'], deanonymize)) text += t;
    const source = new ReadableStream<string>({ start(c) { c.enqueue('Bye [REDAC'); c.enqueue('TED_PERSON_1]'); c.close(); } });
    const reader = source.pipeThrough(new DeanonymizeTransformStream({ vault, onScan: (e) => void events.push(e) })).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) text += r.value;
    expect(text).toBe('Hi Maria GonzalezBye Maria Gonzalez');
    expect(events.map((e) => [e.scanner, e.restored])).toEqual([['deanonymize_stream', 1], ['deanonymize_stream', 1]]);
    expectNoPii(exported(veilSpans()));
  });

  it('a source that fails ends the stream span with an error status', async () => {
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'Maria Gonzalez');
    const events: ScanEvent[] = [];
    async function* failing() {
      yield 'Dear [REDACTED_PER';
      throw new TypeError('connection reset');
    }
    await expect(async () => {
      for await (const _ of deanonymizeStream(failing(), { vault, onScan: (e) => void events.push(e) })) void _;
    }).rejects.toThrow('connection reset');
    expect(events[0]).toMatchObject({ scanner: 'deanonymize_stream', outcome: 'failed_closed', errorClass: 'TypeError' });
    expect(veilSpans()[0]!.status.code).toBe(SpanStatusCode.ERROR);
  });
});

describe('adapters', () => {
  it('veilFetch reports every scan with source veilFetch, streamed or not, inside the caller span', async () => {
    const server = await startTestServer();
    try {
      const events: ScanEvent[] = [];
      const fetch = veilFetch({ vault: new Vault(), anonymizeOptions: { ner: false }, onScan: (e) => void events.push(e) });
      const openai = new OpenAI({ baseURL: server.url, apiKey: 'test', fetch });
      const messages = [
        { role: 'system' as const, content: 'You help with card 4111 1111 1111 1111.' },
        { role: 'user' as const, content: 'My email is john.smith@example.com and my SSN 536-22-1234' },
      ];
      const tracer = trace.getTracer('test');
      await tracer.startActiveSpan('chat', async (parent) => {
        const answer = await openai.chat.completions.create({ model: 'test', messages });
        expect(answer.choices[0]!.message.content).toContain('john.smith@example.com');
        const stream = await openai.chat.completions.create({ model: 'test', messages, stream: true });
        let text = '';
        for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
        expect(text).toContain('536-22-1234');
        parent.end();
      });
      expect(events.every((e) => e.source === 'veilFetch' && e.outcome === 'ok')).toBe(true);
      // Per request: two anonymized messages, then one restore (whole answer or stream).
      expect(events.map((e) => e.scanner)).toEqual(['anonymize', 'anonymize', 'deanonymize', 'anonymize', 'anonymize', 'deanonymize_stream']);
      expect(events[2]).toMatchObject({ restored: 2, counts: { EMAIL_ADDRESS: 1, US_SSN: 1 } });
      expect(events[5]).toMatchObject({ restored: 2, counts: { EMAIL_ADDRESS: 1, US_SSN: 1 } });
      const parent = exporter.getFinishedSpans().find((s) => s.name === 'chat')!;
      for (const span of veilSpans()) {
        expect(span.spanContext().traceId).toBe(parent.spanContext().traceId);
        expect(span.attributes[VeilAttributes.SOURCE]).toBe('veilFetch');
      }
      expectNoPii(exported(veilSpans()));
      expectNoPii(JSON.stringify(events));
    } finally {
      await server.close();
    }
  });

  it('veilMiddleware reports its scans with source veilMiddleware', async () => {
    const server = await startTestServer();
    try {
      const events: ScanEvent[] = [];
      const model = wrapLanguageModel({
        model: createOpenAICompatible({ name: 'local', baseURL: server.url, apiKey: 'test' }).chatModel('test'),
        middleware: veilMiddleware({ vault: new Vault(), anonymizeOptions: { ner: false }, onScan: (e) => void events.push(e) }),
      });
      const { text } = await generateText({ model, prompt: 'Write to john.smith@example.com' });
      expect(text).toContain('john.smith@example.com');
      expect(events.map((e) => [e.scanner, e.source])).toEqual([
        ['anonymize', 'veilMiddleware'],
        ['deanonymize', 'veilMiddleware'],
      ]);
      expectNoPii(exported(veilSpans()));
    } finally {
      await server.close();
    }
  });

  it('ready-made scanners get the adapter hook too', async () => {
    const vault = new Vault();
    const events: ScanEvent[] = [];
    const own: ScanEvent[] = [];
    const anonymize = new Anonymize({ vault, ner: false, onScan: (e) => void own.push(e) });
    const deanonymize = new Deanonymize({ vault });
    const server = await startTestServer();
    try {
      const openai = new OpenAI({ baseURL: server.url, apiKey: 'test', fetch: veilFetch({ anonymize, deanonymize, onScan: (e) => void events.push(e) }) });
      await openai.chat.completions.create({ model: 'test', messages: [{ role: 'user', content: 'SSN 536-22-1234' }] });
      expect(events.map((e) => e.scanner)).toEqual(['anonymize', 'deanonymize']);
      expect(own).toEqual([]);
      await anonymize.scan('SSN 536-22-1234');
      expect(own).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
