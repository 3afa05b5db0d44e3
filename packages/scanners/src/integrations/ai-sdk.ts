import { ConfigurationError } from '../errors.js';
import type { StreamingDeanonymizer } from '../stream/streaming-deanonymizer.js';
import { CALL_OPTIONS } from './ai-sdk-request.js';
import { FieldWalker } from './field-walk.js';
import type { UnknownFields } from './field-walk.js';
import { ConversationProtector } from './protect.js';
import { AnswerRestorer } from './restore.js';
import { resolveScanners } from './scanners.js';
import type { VeilAdapterOptions, VeilScanners } from './scanners.js';

/*
 * The AI SDK's language-model middleware: specification v2 (`ai` 5, `@ai-sdk/provider` 2), v3 (`ai` 6) and v4
 * (`ai` 7, the current one). The parts Veil reads and rewrites have the same shape in all three (prompt messages
 * and their text, reasoning, tool-call and tool-result parts; generated content; text, reasoning and tool-input
 * deltas), so one middleware serves them, typed structurally here instead of importing `@ai-sdk/provider`: these
 * declarations compile whichever version (or none) the user has installed.
 */

/** A part of a prompt message or of generated content, in any spec version. */
export interface AiSdkPart {
  readonly type: string;
}

/** The call options a middleware receives (`LanguageModelV2CallOptions`, `...V3...`, `...V4...`). */
export interface AiSdkCallOptions {
  readonly prompt: ReadonlyArray<{ readonly role: string; readonly content: unknown }>;
}

/** What `doGenerate` resolves to. */
export interface AiSdkGenerateResult {
  readonly content: ReadonlyArray<AiSdkPart>;
}

/** What `doStream` resolves to. */
export interface AiSdkStreamResult {
  readonly stream: ReadableStream<AiSdkPart>;
}

/**
 * A middleware `wrapLanguageModel` of `ai` 5, 6 and 7 accepts: `specificationVersion: 'v3'` is what `ai` 6
 * requires and `ai` 7 accepts next to `'v4'`; `middlewareVersion: 'v2'` is `ai` 5's marker. The methods are
 * generic so that each SDK's own types flow through unchanged.
 */
export interface VeilLanguageModelMiddleware {
  readonly specificationVersion: 'v3';
  readonly middlewareVersion: 'v2';
  transformParams<P extends AiSdkCallOptions>(options: { params: P }): Promise<P>;
  wrapGenerate<R extends AiSdkGenerateResult>(options: { doGenerate: () => PromiseLike<R> }): Promise<R>;
  wrapStream<R extends AiSdkStreamResult>(options: { doStream: () => PromiseLike<R> }): Promise<R>;
}

export type VeilMiddlewareOptions = VeilAdapterOptions & {
  /**
   * A call-option field Veil has no rule for, holding text (a field of a newer specification, a part
   * type it does not know): `reject` (default) throws UnsupportedRequestFieldError before the provider
   * is called, `anonymize` anonymizes its text as free text. Numbers and flags pass.
   */
  unknownFields?: UnknownFields;
};

/**
 * Vercel AI SDK middleware: `wrapLanguageModel({ model, middleware: veilMiddleware({ vault }) })`, with `ai` 5, 6
 * or 7. Every free-text field of the call (all roles and part types, text files, file names, URLs, tools and
 * their schemas, provider options) is anonymized before the provider sees it; generated text, reasoning and
 * tool-call inputs are restored, streamed or not, so tools run with the real values and `generateText` /
 * `streamText` work unchanged. Use one middleware (one vault scope) per conversation.
 */
export function veilMiddleware(options: VeilMiddlewareOptions): VeilLanguageModelMiddleware {
  const scanners = resolveScanners(options, 'veilMiddleware');
  const unknownFields = options.unknownFields ?? 'reject';
  if (unknownFields !== 'reject' && unknownFields !== 'anonymize') throw new ConfigurationError('unknownFields must be "reject" or "anonymize"');
  return {
    specificationVersion: 'v3',
    middlewareVersion: 'v2',
    transformParams: async ({ params }) => protectCallOptions(params, scanners, { unknownFields }),
    wrapGenerate: async ({ doGenerate }) => {
      const result = await doGenerate();
      const restorer = await AnswerRestorer.load(scanners.deanonymize);
      return { ...result, content: result.content.map((part) => restoreContent(part, restorer)) };
    },
    wrapStream: async ({ doStream }) => {
      const result = await doStream();
      const restorer = await AnswerRestorer.load(scanners.deanonymize);
      return { ...result, stream: result.stream.pipeThrough(restorePartsStream(restorer)) };
    },
  };
}

/** Loose view of a part, for reading fields by name; every rewrite spreads the original part. */
type Part = AiSdkPart & Record<string, unknown>;

/**
 * Anonymizes every free-text field of the call options (see CALL_OPTIONS) with one vault scope; a field
 * with no rule that holds text is refused (UnsupportedRequestFieldError) or anonymized, by `unknownFields`.
 */
export async function protectCallOptions<P extends AiSdkCallOptions>(params: P, scanners: VeilScanners, options: { unknownFields?: UnknownFields } = {}): Promise<P> {
  const walker = new FieldWalker(new ConversationProtector(scanners.anonymize, scanners.deanonymize), options.unknownFields ?? 'reject');
  return (await walker.walk(CALL_OPTIONS, params, '')) as P;
}

function restoreContent<T extends AiSdkPart>(part: T, restorer: AnswerRestorer): T {
  const loose = part as unknown as Part;
  switch (loose.type) {
    case 'text':
    case 'reasoning':
      return typeof loose.text === 'string' ? { ...part, text: restorer.text(loose.text) } : part;
    case 'tool-call':
      return typeof loose.input === 'string' ? { ...part, input: restorer.jsonText(loose.input) } : part;
    default:
      return part;
  }
}

/**
 * Restores text, reasoning and tool-input deltas, each id with its own streaming deanonymizer.
 * What a deanonymizer holds back is released as one more delta just before the part's `*-end`
 * (or before `finish` / the end of the stream for parts that never ended).
 */
export function restorePartsStream<T extends AiSdkPart = AiSdkPart>(restorer: AnswerRestorer): TransformStream<T, T> {
  type DeltaType = 'text-delta' | 'reasoning-delta' | 'tool-input-delta';
  const open = new Map<string, { stream: StreamingDeanonymizer; type: DeltaType; id: string }>();
  const keyOf = (type: DeltaType, id: string): string => `${type}:${id}`;
  const streamFor = (type: DeltaType, id: string): StreamingDeanonymizer => {
    const key = keyOf(type, id);
    let entry = open.get(key);
    if (!entry) {
      entry = { stream: type === 'tool-input-delta' ? restorer.jsonStream() : restorer.textStream(), type, id };
      open.set(key, entry);
    }
    return entry.stream;
  };
  const release = (key: string, controller: TransformStreamDefaultController<T>): void => {
    const entry = open.get(key);
    if (!entry) return;
    open.delete(key);
    const rest = entry.stream.end();
    if (rest !== '') controller.enqueue({ type: entry.type, id: entry.id, delta: rest } as unknown as T);
  };
  const releaseAll = (controller: TransformStreamDefaultController<T>): void => {
    for (const key of [...open.keys()]) release(key, controller);
  };

  return new TransformStream<T, T>({
    transform(input, controller) {
      const part = input as T & Part & { id: string; delta: string; input: string };
      switch (part.type) {
        case 'text-delta':
        case 'reasoning-delta':
        case 'tool-input-delta': {
          const delta = streamFor(part.type, part.id).push(part.delta);
          if (delta !== '') controller.enqueue({ ...part, delta });
          return;
        }
        case 'text-end':
          release(keyOf('text-delta', part.id), controller);
          break;
        case 'reasoning-end':
          release(keyOf('reasoning-delta', part.id), controller);
          break;
        case 'tool-input-end':
          release(keyOf('tool-input-delta', part.id), controller);
          break;
        case 'tool-call':
          controller.enqueue({ ...part, input: restorer.jsonText(part.input) });
          return;
        case 'finish':
          releaseAll(controller);
          break;
        default:
          break;
      }
      controller.enqueue(part);
    },
    flush(controller) {
      releaseAll(controller);
    },
  });
}
