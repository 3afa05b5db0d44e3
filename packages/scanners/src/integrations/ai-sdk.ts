import type { StreamingDeanonymizer } from '../stream/streaming-deanonymizer.js';
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

/**
 * Vercel AI SDK middleware: `wrapLanguageModel({ model, middleware: veilMiddleware({ vault }) })`, with `ai` 5, 6
 * or 7. The prompt (all roles, tool calls, tool results and tool-approval reasons) is anonymized before the
 * provider sees it; generated text, reasoning and tool-call inputs are restored, streamed or not, so tools run with
 * the real values and `generateText` / `streamText` work unchanged.
 * Use one middleware (one vault scope) per conversation.
 */
export function veilMiddleware(options: VeilAdapterOptions): VeilLanguageModelMiddleware {
  const scanners = resolveScanners(options);
  return {
    specificationVersion: 'v3',
    middlewareVersion: 'v2',
    transformParams: async ({ params }) => protectCallOptions(params, scanners),
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

export async function protectCallOptions<P extends AiSdkCallOptions>(params: P, scanners: VeilScanners): Promise<P> {
  const protector = new ConversationProtector(scanners.anonymize, scanners.deanonymize);
  const prompt: unknown[] = [];
  for (const message of params.prompt) prompt.push(await protectMessage(message, protector));
  return { ...params, prompt };
}

async function protectMessage(
  message: { readonly role: string; readonly content: unknown },
  protector: ConversationProtector,
): Promise<unknown> {
  if (typeof message.content === 'string') return { ...message, content: await protector.text(message.content) };
  if (!Array.isArray(message.content)) return message;
  const content: unknown[] = [];
  for (const part of message.content as Part[]) content.push(await protectPart(part, protector));
  return { ...message, content };
}

async function protectPart(part: Part, protector: ConversationProtector): Promise<Part> {
  switch (part.type) {
    case 'text':
    case 'reasoning':
      return typeof part.text === 'string' ? { ...part, text: await protector.text(part.text) } : part;
    case 'tool-call':
      return { ...part, input: await protector.json(part.input) };
    case 'tool-result':
      return { ...part, output: await protectToolOutput(part.output as Part | undefined, protector) };
    case 'tool-approval-response':
      return typeof part.reason === 'string' ? { ...part, reason: await protector.text(part.reason) } : part;
    case 'file':
      return { ...part, data: await protectFileData(part.data, protector) };
    default:
      return part;
  }
}

/** v4 file data can be inline text (`{ type: 'text', text }`); bytes, URLs and references are left as they are. */
async function protectFileData(data: unknown, protector: ConversationProtector): Promise<unknown> {
  const tagged = data as Part | null;
  if (typeof tagged === 'object' && tagged !== null && tagged.type === 'text' && typeof tagged.text === 'string') {
    return { ...tagged, text: await protector.text(tagged.text) };
  }
  return data;
}

async function protectToolOutput(output: Part | undefined, protector: ConversationProtector): Promise<Part | undefined> {
  if (output === undefined) return output;
  switch (output.type) {
    case 'text':
    case 'error-text':
      return { ...output, value: await protector.text(String(output.value)) };
    case 'json':
    case 'error-json':
      return { ...output, value: await protector.json(output.value) };
    case 'execution-denied':
      return typeof output.reason === 'string' ? { ...output, reason: await protector.text(output.reason) } : output;
    case 'content': {
      const value: unknown[] = [];
      for (const item of output.value as Part[]) value.push(await protectPart(item, protector));
      return { ...output, value };
    }
    default:
      return output;
  }
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
