import type {
  LanguageModelV2CallOptions,
  LanguageModelV2Content,
  LanguageModelV2Message,
  LanguageModelV2Middleware,
  LanguageModelV2Prompt,
  LanguageModelV2StreamPart,
  LanguageModelV2ToolResultOutput,
} from '@ai-sdk/provider';
import type { JSONValue } from '@ai-sdk/provider';
import type { StreamingDeanonymizer } from '../stream/streaming-deanonymizer.js';
import { ConversationProtector } from './protect.js';
import { AnswerRestorer } from './restore.js';
import { resolveScanners } from './scanners.js';
import type { VeilAdapterOptions, VeilScanners } from './scanners.js';

/**
 * Vercel AI SDK middleware: `wrapLanguageModel({ model, middleware: veilMiddleware({ vault }) })`.
 * The prompt (all roles, tool calls and tool results) is anonymized before the provider sees it;
 * generated text, reasoning and tool-call inputs are restored, streamed or not, so tools run with
 * the real values and `generateText` / `streamText` work unchanged.
 * Use one middleware (one vault scope) per conversation.
 */
export function veilMiddleware(options: VeilAdapterOptions): LanguageModelV2Middleware {
  const scanners = resolveScanners(options, 'veilMiddleware');
  return {
    middlewareVersion: 'v2',
    transformParams: async ({ params }) => protectCallOptions(params, scanners),
    wrapGenerate: async ({ doGenerate }) => {
      const result = await doGenerate();
      const restorer = await AnswerRestorer.load(scanners.deanonymize);
      return { ...result, content: result.content.map((part) => restoreContent(part, restorer)) };
    },
    wrapStream: async ({ doStream }) => {
      const { stream, ...rest } = await doStream();
      const restorer = await AnswerRestorer.load(scanners.deanonymize);
      return { ...rest, stream: stream.pipeThrough(restorePartsStream(restorer)) };
    },
  };
}

export async function protectCallOptions(params: LanguageModelV2CallOptions, scanners: VeilScanners): Promise<LanguageModelV2CallOptions> {
  const protector = new ConversationProtector(scanners.anonymize, scanners.deanonymize);
  const prompt: LanguageModelV2Prompt = [];
  for (const message of params.prompt) prompt.push(await protectMessage(message, protector));
  return { ...params, prompt };
}

async function protectMessage(message: LanguageModelV2Message, protector: ConversationProtector): Promise<LanguageModelV2Message> {
  switch (message.role) {
    case 'system':
      return { ...message, content: await protector.text(message.content) };
    case 'user': {
      const content: typeof message.content = [];
      for (const part of message.content) content.push(part.type === 'text' ? { ...part, text: await protector.text(part.text) } : part);
      return { ...message, content };
    }
    case 'assistant': {
      const content: typeof message.content = [];
      for (const part of message.content) {
        if (part.type === 'text' || part.type === 'reasoning') content.push({ ...part, text: await protector.text(part.text) });
        else if (part.type === 'tool-call') content.push({ ...part, input: await protector.json(part.input) });
        else if (part.type === 'tool-result') content.push({ ...part, output: await protectToolOutput(part.output, protector) });
        else content.push(part);
      }
      return { ...message, content };
    }
    case 'tool': {
      const content: typeof message.content = [];
      for (const part of message.content) content.push({ ...part, output: await protectToolOutput(part.output, protector) });
      return { ...message, content };
    }
  }
}

async function protectToolOutput(output: LanguageModelV2ToolResultOutput, protector: ConversationProtector): Promise<LanguageModelV2ToolResultOutput> {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return { ...output, value: await protector.text(output.value) };
    case 'json':
    case 'error-json':
      return { ...output, value: (await protector.json(output.value)) as JSONValue };
    case 'content': {
      const value: typeof output.value = [];
      for (const item of output.value) value.push(item.type === 'text' ? { ...item, text: await protector.text(item.text) } : item);
      return { ...output, value };
    }
  }
}

function restoreContent(part: LanguageModelV2Content, restorer: AnswerRestorer): LanguageModelV2Content {
  switch (part.type) {
    case 'text':
    case 'reasoning':
      return { ...part, text: restorer.text(part.text) };
    case 'tool-call':
      return { ...part, input: restorer.jsonText(part.input) };
    default:
      return part;
  }
}

/**
 * Restores text, reasoning and tool-input deltas, each id with its own streaming deanonymizer.
 * What a deanonymizer holds back is released as one more delta just before the part's `*-end`
 * (or before `finish` / the end of the stream for parts that never ended).
 */
export function restorePartsStream(restorer: AnswerRestorer): TransformStream<LanguageModelV2StreamPart, LanguageModelV2StreamPart> {
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
  const release = (key: string, controller: TransformStreamDefaultController<LanguageModelV2StreamPart>): void => {
    const entry = open.get(key);
    if (!entry) return;
    open.delete(key);
    const rest = entry.stream.end();
    if (rest !== '') controller.enqueue({ type: entry.type, id: entry.id, delta: rest });
  };
  const releaseAll = (controller: TransformStreamDefaultController<LanguageModelV2StreamPart>): void => {
    for (const key of [...open.keys()]) release(key, controller);
  };

  return new TransformStream<LanguageModelV2StreamPart, LanguageModelV2StreamPart>({
    transform(part, controller) {
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
