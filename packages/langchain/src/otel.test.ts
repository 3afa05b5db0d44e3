import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { SpanStatusCode, context, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { VeilAttributes } from '@veil/scanners';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EchoChatModel } from './__fixtures__/models.js';
import { withVeil } from './index.js';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
});
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
});

const PII = ['Maria Gonzalez', 'maria.gonzalez@brightline.io', '536-22-1234'];
const prompt = 'I am Maria Gonzalez, SSN 536-22-1234, write to maria.gonzalez@brightline.io.';

describe('withVeil spans', () => {
  it('one span per scan, children of the caller span, none holding a value', async () => {
    const veiled = withVeil(new EchoChatModel({ chunkSizes: [5] }), { anonymizeOptions: { ner: false, hiddenNames: ['Maria Gonzalez'] } });
    await trace.getTracer('app').startActiveSpan('handle-request', async (span) => {
      await veiled.invoke(prompt);
      for await (const _ of await veiled.stream(prompt)) void _;
      span.end();
    });
    const spans = exporter.getFinishedSpans();
    const root = spans.find((s) => s.name === 'handle-request')!;
    const veil = spans.filter((s) => s.name.startsWith('veil.'));
    expect(veil.map((s) => s.name).sort()).toEqual(['veil.anonymize', 'veil.anonymize', 'veil.deanonymize', 'veil.deanonymize_stream']);
    for (const s of veil) {
      expect(s.spanContext().traceId).toBe(root.spanContext().traceId);
      expect(s.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
      expect(s.attributes[VeilAttributes.SOURCE]).toBe('langchain');
      expect(s.status.code).toBe(SpanStatusCode.UNSET);
    }
    expect(veil.find((s) => s.name === 'veil.anonymize')!.attributes).toMatchObject({ 'veil.entity_count.CUSTOM': 1, 'veil.entity_count.US_SSN': 1, [VeilAttributes.IS_VALID]: false });
    const exported = JSON.stringify(spans.map((s) => [s.name, s.attributes, s.events, s.status]));
    for (const value of PII) expect(exported).not.toContain(value);
  });
});
