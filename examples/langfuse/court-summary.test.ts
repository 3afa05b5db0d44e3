/**
 * Runs the Langfuse example against a local stand-in for Langfuse's OTLP endpoint (an in-process HTTP
 * server on 127.0.0.1): the trace arrives with the Veil scans next to the model call, the risk score
 * on the anonymize span, the model's input as placeholders, and no PII value anywhere in the export.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTIES, TRANSCRIPT, setupLangfuseTracing, summarizeTranscript } from './court-summary.js';

interface Received {
  path: string;
  authorization: string | undefined;
  body: string;
}

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; doubleValue?: number; boolValue?: boolean; arrayValue?: unknown };
}
interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: OtlpAttribute[];
  status?: { code?: number; message?: string };
}

const received: Received[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ path: req.url ?? '', authorization: req.headers.authorization, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
});

let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const PII = [...PARTIES, '(415) 867-2309', 'daniel.okafor@harborview-mgmt.com', '536-22-1234', '04/11/1986'];

function attr(span: OtlpSpan, key: string): unknown {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  if (!value) return undefined;
  if (value.intValue !== undefined) return Number(value.intValue);
  return value.stringValue ?? value.doubleValue ?? value.boolValue ?? value.arrayValue;
}

describe('Langfuse example: court-transcript summary', () => {
  it('exports one trace with the scans and the model call, and no PII', async () => {
    const tracing = setupLangfuseTracing({ baseUrl, publicKey: 'pk-lf-test', secretKey: 'sk-lf-test' });
    const result = await summarizeTranscript(TRANSCRIPT, { anonymizeOptions: { ner: 'compromise', hiddenNames: PARTIES } });
    await tracing.shutdown();

    // The application gets the real names back.
    expect(result.summary).toContain('Daniel Okafor testified');
    expect(result.summary).toContain('Rebecca Lindqvist');
    expect(result.summary).toContain('(415) 867-2309');
    expect(result.sanitizedSummary).not.toContain('Okafor');
    expect(result.riskScore).toBeGreaterThan(0);

    expect(received.length).toBeGreaterThan(0);
    for (const r of received) {
      expect(r.path).toBe('/api/public/otel/v1/traces');
      expect(r.authorization).toBe(`Basic ${Buffer.from('pk-lf-test:sk-lf-test').toString('base64')}`);
      for (const value of PII) expect(r.body).not.toContain(value);
    }

    const spans = received.flatMap((r) =>
      (JSON.parse(r.body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> }).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)),
    );
    expect(spans.map((s) => s.name).sort()).toEqual(['court-transcript-summary', 'summarize', 'veil.anonymize', 'veil.deanonymize']);
    const byName = Object.fromEntries(spans.map((s) => [s.name, s]));
    const root = byName['court-transcript-summary']!;
    for (const span of spans) expect(span.traceId).toBe(root.traceId);
    for (const name of ['summarize', 'veil.anonymize', 'veil.deanonymize']) expect(byName[name]!.parentSpanId).toBe(root.spanId);

    const anonymize = byName['veil.anonymize']!;
    expect(attr(anonymize, 'veil.risk_score')).toBe(result.riskScore);
    expect(attr(anonymize, 'veil.outcome')).toBe('ok');
    expect(attr(anonymize, 'veil.entity_count.CUSTOM')).toBe(3);
    expect(attr(anonymize, 'veil.entity_count.PHONE_NUMBER')).toBe(1);
    expect(attr(anonymize, 'veil.entity_count.EMAIL_ADDRESS')).toBe(1);
    expect(attr(anonymize, 'veil.entity_count.US_SSN')).toBe(1);
    expect(attr(byName['veil.deanonymize']!, 'veil.restored')).toBeGreaterThanOrEqual(4);

    const generation = byName.summarize!;
    expect(attr(generation, 'langfuse.observation.type')).toBe('generation');
    expect(String(attr(generation, 'langfuse.observation.input'))).toContain('THE WITNESS: [REDACTED_CUSTOM_1].');
    expect(attr(generation, 'langfuse.observation.output')).toBe(result.sanitizedSummary);
  });
});
