/**
 * Court-transcript summary, the example of LLM Guard's Langfuse guide done with Veil:
 * anonymize the transcript -> the model summarizes placeholders -> deanonymize the summary, all in
 * one trace exported to Langfuse through @langfuse/otel. Langfuse shows the Veil scans (risk score,
 * what was found per type, durations) next to the model call, and the model's input and output as the
 * model saw them: with placeholders, never the names.
 *
 *   LANGFUSE_PUBLIC_KEY=pk-... LANGFUSE_SECRET_KEY=sk-... LANGFUSE_BASE_URL=https://cloud.langfuse.com \
 *     pnpm --filter veil-example-langfuse start
 *
 * `summarize` is a stand-in model here; pass your own (an OpenAI call, a LangChain model...).
 */
import { pathToFileURL } from 'node:url';
import { LangfuseSpanProcessor, isDefaultExportSpan } from '@langfuse/otel';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { Anonymize, Deanonymize, TRACER_NAME } from '@veil/scanners';
import type { AnonymizeOptions } from '@veil/scanners';
import { Vault } from '@veil/vault';

export const EXAMPLE_TRACER = 'veil-example-court-summary';

export const TRANSCRIPT = `SUPERIOR COURT, COUNTY OF ALAMEDA - Case No. RG24-118842 - Hearing of March 4, 2025

THE COURT: Please state your name for the record.
THE WITNESS: Daniel Okafor.
MS. ALVAREZ: Mr. Okafor, you were the building manager when Rebecca Lindqvist reported the leak?
THE WITNESS: Yes. She called me from (415) 867-2309 and wrote to daniel.okafor@harborview-mgmt.com the same day.
MS. ALVAREZ: Exhibit 12 is her rental application, SSN 536-22-1234, born 04/11/1986. Did you forward it to the insurer?
THE WITNESS: I did, to Marcus Feld at the insurer. He never answered.
THE COURT: The record will reflect the exhibit is admitted under seal.`;

/** The people in the transcript (the example's own test checks none of them leaves in a trace). */
export const PARTIES = ['Daniel Okafor', 'Rebecca Lindqvist', 'Marcus Feld'];

export type Summarizer = (sanitizedTranscript: string) => Promise<string>;

/** A stand-in model: it "summarizes" by naming the placeholders it was given, as a model would. */
export const standInSummarizer: Summarizer = async (sanitized) => {
  const placeholders = [...new Set(sanitized.match(/\[REDACTED_[A-Z_]+_\d+\]/g) ?? [])];
  const names = placeholders.filter((p) => /_(PERSON|CUSTOM)_/.test(p));
  const contacts = placeholders.filter((p) => /_(PHONE_NUMBER|EMAIL_ADDRESS)_/.test(p));
  return `Summary: ${names[0] ?? 'The witness'} testified as building manager that ${names[1] ?? 'the tenant'} reported a leak ` +
    `by phone and email (${contacts.join(', ')}); her application was forwarded to ${names[2] ?? 'the insurer'}, who did not answer. ` +
    'The exhibit was admitted under seal.';
};

export interface LangfuseConnection {
  baseUrl: string;
  publicKey: string;
  secretKey: string;
}

/**
 * Registers an OpenTelemetry tracer provider that exports to Langfuse. Langfuse's default filter keeps
 * only LLM spans, so the Veil scans (`@veil/scanners`) and this example's spans are let through as well.
 */
export function setupLangfuseTracing(connection: LangfuseConnection): { shutdown: () => Promise<void> } {
  const processor = new LangfuseSpanProcessor({
    ...connection,
    exportMode: 'immediate',
    mediaUploadEnabled: false,
    shouldExportSpan: ({ otelSpan }) =>
      isDefaultExportSpan(otelSpan) || otelSpan.instrumentationScope.name === TRACER_NAME || otelSpan.instrumentationScope.name === EXAMPLE_TRACER,
  });
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  return {
    shutdown: async () => {
      await provider.forceFlush();
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}

export interface SummaryResult {
  /** The summary with the real names, for the application; it is never put on a span. */
  summary: string;
  /** What the model wrote (placeholders). */
  sanitizedSummary: string;
  riskScore: number;
  traceId: string;
}

export async function summarizeTranscript(
  transcript: string,
  options: { summarize?: Summarizer; model?: string; anonymizeOptions?: Omit<AnonymizeOptions, 'vault'> } = {},
): Promise<SummaryResult> {
  const summarize = options.summarize ?? standInSummarizer;
  const model = options.model ?? 'stand-in-summarizer';
  const tracer = trace.getTracer(EXAMPLE_TRACER);
  return tracer.startActiveSpan(
    'court-transcript-summary',
    { attributes: { 'langfuse.trace.name': 'court-transcript-summary', 'langfuse.trace.tags': ['veil', 'court-transcript'] } },
    async (root) => {
      try {
        const vault = new Vault(); // one scope for this conversation
        const { sanitized, riskScore } = await new Anonymize({ vault, ...options.anonymizeOptions }).scan(transcript);
        const sanitizedSummary = await tracer.startActiveSpan(
          'summarize',
          {
            attributes: {
              'langfuse.observation.type': 'generation',
              'langfuse.observation.model.name': model,
              'gen_ai.request.model': model,
              'langfuse.observation.input': sanitized,
            },
          },
          async (span) => {
            try {
              const out = await summarize(sanitized);
              span.setAttribute('langfuse.observation.output', out);
              return out;
            } finally {
              span.end();
            }
          },
        );
        const { sanitized: summary } = await new Deanonymize({ vault, matching: 'combined' }).scan(sanitized, sanitizedSummary);
        return { summary, sanitizedSummary, riskScore, traceId: root.spanContext().traceId };
      } finally {
        root.end();
      }
    },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, LANGFUSE_BASE_URL } = process.env;
  if (!LANGFUSE_PUBLIC_KEY || !LANGFUSE_SECRET_KEY) {
    console.error('Set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY (and LANGFUSE_BASE_URL for a self-hosted Langfuse).');
    process.exit(1);
  }
  const tracing = setupLangfuseTracing({ baseUrl: LANGFUSE_BASE_URL ?? 'https://cloud.langfuse.com', publicKey: LANGFUSE_PUBLIC_KEY, secretKey: LANGFUSE_SECRET_KEY });
  const result = await summarizeTranscript(TRANSCRIPT);
  await tracing.shutdown();
  console.log(result.summary);
  console.log(`trace ${result.traceId}, risk score ${result.riskScore}`);
}
