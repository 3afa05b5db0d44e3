/**
 * Observability: an `onScan` hook and OpenTelemetry spans, one per scan.
 *
 * What is reported is chosen so that it can go to any log or trace backend: names, counts, durations,
 * scores and error classes. Never a value, a placeholder's original, an error message or the text.
 * Spans go through `@opentelemetry/api`, which is a no-op until the application registers an SDK.
 */
import { SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { Attributes, Context, Span } from '@opentelemetry/api';
import { ConfigurationError } from './errors.js';

/** Which scan ran. */
export type ScannerName = 'anonymize' | 'deanonymize' | 'deanonymize_stream';

/** What one scan reports: counts and timings only, never a value or the text. */
export interface ScanEvent {
  scanner: ScannerName;
  /** The adapter that ran the scan (`veilFetch`, `veilMiddleware`, `langchain`, ...); absent for direct calls. */
  source?: string;
  /** `ok`, or `failed_closed`: the scan threw and nothing unsanitized was returned. */
  outcome: 'ok' | 'failed_closed';
  /** Class of the error of a failed-closed scan (`RecognizerError`, `InvalidInputError`, ...). */
  errorClass?: string;
  /** `VeilError.code` of that error, when it has one. */
  errorCode?: string;
  /** Milliseconds the scan took; for a stream, the time spent restoring (not waiting for the model). */
  durationMs: number;
  /** Milliseconds spent loading a model during this scan (the first scan of a model, or one that waited for it). */
  modelLoadMs?: number;
  /** Length of the scanned text in UTF-16 units (for a stream, all chunks together). */
  inputLength: number;
  isValid?: boolean;
  riskScore?: number;
  /** Redacted (anonymize) or restored (deanonymize) values per entity type. */
  counts: Record<string, number>;
  /** Total of `counts`. */
  findings: number;
  /** Placeholders put back (deanonymize). */
  restored?: number;
  /** Placeholder-looking spans left as they were (deanonymize). */
  unknownPlaceholders?: number;
}

export type OnScan = (event: ScanEvent) => void | Promise<void>;

/** Accepted by Anonymize, Deanonymize, the streaming deanonymizer and the adapters. */
export interface ObserveOptions {
  /** Called once per scan, after it ended (also when it failed closed). Errors it throws are ignored. */
  onScan?: OnScan;
  /** Reported as `source` / `veil.source`; set by adapters. */
  source?: string;
}

export const TRACER_NAME = '@veil/scanners';

/** The `veil.*` span attributes. */
export const VeilAttributes = {
  SCANNER: 'veil.scanner',
  SOURCE: 'veil.source',
  OUTCOME: 'veil.outcome',
  ERROR_CLASS: 'veil.error.class',
  ERROR_CODE: 'veil.error.code',
  DURATION_MS: 'veil.duration_ms',
  MODEL_LOAD_MS: 'veil.model_load_ms',
  INPUT_LENGTH: 'veil.input_length',
  IS_VALID: 'veil.is_valid',
  RISK_SCORE: 'veil.risk_score',
  FINDINGS: 'veil.findings',
  ENTITY_TYPES: 'veil.entity_types',
  /** Prefix: `veil.entity_count.PERSON`, `veil.entity_count.EMAIL_ADDRESS`, ... */
  ENTITY_COUNT_PREFIX: 'veil.entity_count.',
  RESTORED: 'veil.restored',
  UNKNOWN_PLACEHOLDERS: 'veil.unknown_placeholders',
} as const;

const now = (): number => performance.now();
const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export function countByType(findings: ReadonlyArray<{ type: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.type] = (counts[f.type] ?? 0) + 1;
  return counts;
}

function errorClass(error: unknown): { errorClass: string; errorCode?: string } {
  const name = error instanceof Error ? error.constructor?.name || error.name : error === null ? 'null' : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  // Only our own codes (VEIL_*) are known to be plain identifiers.
  return typeof code === 'string' && /^VEIL_[A-Z_]+$/.test(code) ? { errorClass: name, errorCode: code } : { errorClass: name };
}

export function eventAttributes(event: ScanEvent): Attributes {
  const a: Attributes = {
    [VeilAttributes.SCANNER]: event.scanner,
    [VeilAttributes.OUTCOME]: event.outcome,
    [VeilAttributes.DURATION_MS]: event.durationMs,
    [VeilAttributes.INPUT_LENGTH]: event.inputLength,
    [VeilAttributes.FINDINGS]: event.findings,
    [VeilAttributes.ENTITY_TYPES]: Object.keys(event.counts).sort(),
  };
  if (event.source !== undefined) a[VeilAttributes.SOURCE] = event.source;
  if (event.errorClass !== undefined) {
    a[VeilAttributes.ERROR_CLASS] = event.errorClass;
    a['error.type'] = event.errorClass;
  }
  if (event.errorCode !== undefined) a[VeilAttributes.ERROR_CODE] = event.errorCode;
  if (event.modelLoadMs !== undefined) a[VeilAttributes.MODEL_LOAD_MS] = event.modelLoadMs;
  if (event.isValid !== undefined) a[VeilAttributes.IS_VALID] = event.isValid;
  if (event.riskScore !== undefined) a[VeilAttributes.RISK_SCORE] = event.riskScore;
  if (event.restored !== undefined) a[VeilAttributes.RESTORED] = event.restored;
  if (event.unknownPlaceholders !== undefined) a[VeilAttributes.UNKNOWN_PLACEHOLDERS] = event.unknownPlaceholders;
  for (const [type, count] of Object.entries(event.counts)) a[VeilAttributes.ENTITY_COUNT_PREFIX + type] = count;
  return a;
}

/** The part of an event a scan's result supplies. */
export type ScanSummary = Pick<ScanEvent, 'counts'> & Partial<Pick<ScanEvent, 'isValid' | 'riskScore' | 'restored' | 'unknownPlaceholders' | 'modelLoadMs'>>;

function callHook(hook: OnScan | undefined, event: ScanEvent): void {
  if (!hook) return;
  try {
    const result = hook(event);
    if (result && typeof (result as Promise<void>).catch === 'function') (result as Promise<void>).catch(() => undefined);
  } catch {
    // A monitoring hook must never change the outcome of a scan.
  }
}

function finishSpan(span: Span, event: ScanEvent): void {
  span.setAttributes(eventAttributes(event));
  // Only the class name: error messages are PII-free for Veil's own errors, but not for everyone's.
  if (event.outcome === 'failed_closed') span.setStatus({ code: SpanStatusCode.ERROR, message: event.errorClass ?? 'Error' });
  span.end();
}

/** What every event of one scan shares: which scanner, how much it read, who asked. */
interface EventBase {
  scanner: ScannerName;
  inputLength: number;
  source?: string;
  modelLoadMs?: number;
}

/**
 * Builds the scan's one event (an error makes it `failed_closed`), ends its span with it and calls the hook.
 * `findings` is always the sum of `counts`.
 */
function report(span: Span, options: ObserveOptions, base: EventBase, durationMs: number, summary: ScanSummary, error?: { error: unknown }): void {
  const event: ScanEvent = {
    ...base,
    ...(options.source !== undefined ? { source: options.source } : {}),
    outcome: error ? 'failed_closed' : 'ok',
    ...(error ? errorClass(error.error) : {}),
    durationMs: round(durationMs),
    ...summary,
    findings: Object.values(summary.counts).reduce((a, b) => a + b, 0),
  };
  finishSpan(span, event);
  callHook(options.onScan, event);
}

const NOTHING_FOUND: ScanSummary = { counts: {} };

/** Emits one event and one span per scan. Immutable; cheap when nothing listens. */
export class ScanObserver {
  constructor(readonly options: ObserveOptions = {}) {}

  /** Runs one scan inside an active span (child of the caller's), then reports it. */
  async run<T>(
    scanner: ScannerName,
    inputLength: number,
    scan: (setModelLoad: (ms: number) => void) => Promise<T>,
    summarize: (result: T) => ScanSummary,
  ): Promise<T> {
    const tracer = trace.getTracer(TRACER_NAME);
    return tracer.startActiveSpan(`veil.${scanner}`, async (span) => {
      const started = now();
      let modelLoadMs: number | undefined;
      const base = (): EventBase => ({ scanner, inputLength, ...(modelLoadMs !== undefined ? { modelLoadMs } : {}) });
      let result: T;
      try {
        result = await scan((ms) => {
          modelLoadMs = round(ms);
        });
      } catch (error) {
        report(span, this.options, base(), now() - started, NOTHING_FOUND, { error });
        throw error;
      }
      report(span, this.options, base(), now() - started, summarize(result));
      return result;
    });
  }

  /** Same as `run` for a synchronous scan (restoring a whole answer in an adapter). */
  runSync<T>(scanner: ScannerName, inputLength: number, scan: () => T, summarize: (result: T) => ScanSummary): T {
    const tracer = trace.getTracer(TRACER_NAME);
    const span = tracer.startSpan(`veil.${scanner}`);
    const started = now();
    let result: T;
    try {
      result = context.with(trace.setSpan(context.active(), span), scan);
    } catch (error) {
      report(span, this.options, { scanner, inputLength }, now() - started, NOTHING_FOUND, { error });
      throw error;
    }
    report(span, this.options, { scanner, inputLength }, now() - started, summarize(result));
    return result;
  }

  /**
   * A scan spread over time (a stream): the span starts now, as a child of the active span, and ends
   * with `end` or `fail`. Only the time spent inside `measure` counts as duration.
   */
  start(scanner: ScannerName): StreamScan {
    return new StreamScan(this.options, scanner, trace.getTracer(TRACER_NAME).startSpan(`veil.${scanner}`, undefined, context.active()));
  }
}

export class StreamScan {
  private busyMs = 0;
  private done = false;
  inputLength = 0;

  constructor(
    private readonly options: ObserveOptions,
    private readonly scanner: ScannerName,
    private readonly span: Span,
  ) {}

  /** The span, for parenting work done on behalf of the stream. */
  get context(): Context {
    return trace.setSpan(context.active(), this.span);
  }

  measure<T>(fn: () => T): T {
    const started = now();
    try {
      return fn();
    } finally {
      this.busyMs += now() - started;
    }
  }

  end(summary: ScanSummary): void {
    if (this.done) return;
    this.done = true;
    report(this.span, this.options, { scanner: this.scanner, inputLength: this.inputLength }, this.busyMs, summary);
  }

  fail(error: unknown, summary: ScanSummary = NOTHING_FOUND): void {
    if (this.done) return;
    this.done = true;
    report(this.span, this.options, { scanner: this.scanner, inputLength: this.inputLength }, this.busyMs, summary, { error });
  }
}

export function checkObserveOptions(options: { onScan?: unknown; source?: unknown }): ObserveOptions {
  if (options.onScan !== undefined && typeof options.onScan !== 'function') throw new ConfigurationError('onScan must be a function');
  if (options.source !== undefined && typeof options.source !== 'string') throw new ConfigurationError('source must be a string');
  return { ...(options.onScan ? { onScan: options.onScan as OnScan } : {}), ...(options.source !== undefined ? { source: options.source as string } : {}) };
}
