/**
 * Anonymizing LangChain messages on the way to a model and restoring them on the way back.
 * Messages are rebuilt through their constructors (never patched), so serialized forms (`toJSON`,
 * `lc_kwargs`, what callbacks and caches see) hold the sanitized text only.
 */
import {
  AIMessage,
  AIMessageChunk,
  ChatMessage,
  FunctionMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
  coerceMessageLikeToMessage,
} from '@langchain/core/messages';
import type { BaseMessage, BaseMessageLike, MessageContent } from '@langchain/core/messages';
import { ConfigurationError } from '@veil/scanners';
import type { AnswerRestorer, ConversationProtector, StreamingDeanonymizer } from '@veil/scanners';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Content-block fields holding text the model reads. */
const BLOCK_TEXT_FIELDS: Record<string, string> = { text: 'text', reasoning: 'reasoning', thinking: 'thinking', text_delta: 'text' };

export async function protectContent(content: MessageContent, protector: ConversationProtector): Promise<MessageContent> {
  if (typeof content === 'string') return protector.text(content);
  if (!Array.isArray(content)) return content;
  const out: unknown[] = [];
  for (const block of content as unknown[]) {
    if (typeof block === 'string') {
      out.push(await protector.text(block));
      continue;
    }
    const field = isObject(block) && typeof block.type === 'string' ? BLOCK_TEXT_FIELDS[block.type] : undefined;
    if (isObject(block) && field && typeof block[field] === 'string') out.push({ ...block, [field]: await protector.text(block[field] as string) });
    else if (isObject(block) && block.type === 'tool_use' && block.input !== undefined) out.push({ ...block, input: await protector.json(block.input) });
    else out.push(block);
  }
  return out as MessageContent;
}

async function protectOpenAIToolCalls(kwargs: Json, protector: ConversationProtector): Promise<Json> {
  const out: Json = { ...kwargs };
  if (Array.isArray(kwargs.tool_calls)) {
    const calls: unknown[] = [];
    for (const call of kwargs.tool_calls) {
      calls.push(isObject(call) && isObject(call.function) && typeof call.function.arguments === 'string'
        ? { ...call, function: { ...call.function, arguments: await protector.jsonText(call.function.arguments) } }
        : call);
    }
    out.tool_calls = calls;
  }
  if (isObject(kwargs.function_call) && typeof kwargs.function_call.arguments === 'string') {
    out.function_call = { ...kwargs.function_call, arguments: await protector.jsonText(kwargs.function_call.arguments) };
  }
  for (const field of ['reasoning_content', 'reasoning'] as const) {
    if (typeof kwargs[field] === 'string') out[field] = await protector.text(kwargs[field]);
  }
  return out;
}

function common(message: BaseMessage): Json {
  return {
    ...(message.id !== undefined ? { id: message.id } : {}),
    ...(message.name !== undefined ? { name: message.name } : {}),
    response_metadata: message.response_metadata ?? {},
  };
}

/** Anonymizes one message of any role: content (all parts), tool calls, tool results. */
export async function protectMessage(message: BaseMessage, protector: ConversationProtector): Promise<BaseMessage> {
  const content = await protectContent(message.content, protector);
  const additional_kwargs = await protectOpenAIToolCalls(message.additional_kwargs ?? {}, protector);
  const base = { ...common(message), content, additional_kwargs };
  switch (message.type) {
    case 'human':
      return new HumanMessage(base);
    case 'system':
      return new SystemMessage(base);
    case 'ai': {
      const ai = message as AIMessage;
      const tool_calls = [];
      for (const call of ai.tool_calls ?? []) tool_calls.push({ ...call, args: (await protector.json(call.args)) as Json });
      const invalid_tool_calls = [];
      for (const call of ai.invalid_tool_calls ?? []) {
        invalid_tool_calls.push({ ...call, ...(typeof call.args === 'string' ? { args: await protector.jsonText(call.args) } : {}) });
      }
      return new AIMessage({ ...base, tool_calls, invalid_tool_calls, ...(ai.usage_metadata ? { usage_metadata: ai.usage_metadata } : {}) });
    }
    case 'tool': {
      const tool = message as ToolMessage;
      // The artifact stays in the application: it is never sent to a model.
      return new ToolMessage({ ...base, tool_call_id: tool.tool_call_id, ...(tool.status ? { status: tool.status } : {}) });
    }
    case 'generic':
      return new ChatMessage({ ...base, role: (message as ChatMessage).role });
    case 'function':
      return new FunctionMessage({ ...base, name: message.name ?? '' });
    default:
      // Fail closed: a message kind Veil does not know could carry text past it.
      throw new ConfigurationError(`cannot anonymize a message of type "${message.type}"`);
  }
}

export async function protectMessages(messages: readonly BaseMessageLike[], protector: ConversationProtector): Promise<BaseMessage[]> {
  const out: BaseMessage[] = [];
  for (const like of messages) out.push(await protectMessage(coerceMessageLikeToMessage(like), protector));
  return out;
}

export function restoreContent(content: MessageContent, restorer: AnswerRestorer): MessageContent {
  if (typeof content === 'string') return restorer.text(content);
  if (!Array.isArray(content)) return content;
  return (content as unknown[]).map((block) => {
    if (typeof block === 'string') return restorer.text(block);
    const field = isObject(block) && typeof block.type === 'string' ? BLOCK_TEXT_FIELDS[block.type] : undefined;
    if (isObject(block) && field && typeof block[field] === 'string') return { ...block, [field]: restorer.text(block[field] as string) };
    if (isObject(block) && block.type === 'tool_use' && block.input !== undefined) return { ...block, input: restoreJson(block.input, restorer) };
    return block;
  }) as MessageContent;
}

/** Restores the string leaves of a JSON value (tool-call args), each value JSON-escaped. */
export function restoreJson(value: unknown, restorer: AnswerRestorer): unknown {
  if (value === undefined) return value;
  return JSON.parse(restorer.jsonText(JSON.stringify(value))) as unknown;
}

function restoreOpenAIToolCalls(kwargs: Json, restorer: AnswerRestorer): Json {
  const out: Json = { ...kwargs };
  if (Array.isArray(kwargs.tool_calls)) {
    out.tool_calls = kwargs.tool_calls.map((call) =>
      isObject(call) && isObject(call.function) && typeof call.function.arguments === 'string'
        ? { ...call, function: { ...call.function, arguments: restorer.jsonText(call.function.arguments) } }
        : call,
    );
  }
  if (isObject(kwargs.function_call) && typeof kwargs.function_call.arguments === 'string') {
    out.function_call = { ...kwargs.function_call, arguments: restorer.jsonText(kwargs.function_call.arguments) };
  }
  for (const field of ['reasoning_content', 'reasoning'] as const) {
    if (typeof kwargs[field] === 'string') out[field] = restorer.text(kwargs[field]);
  }
  return out;
}

/** Restores a model's answer: text, content parts, tool-call arguments. Other messages come back as they are. */
export function restoreMessage<M extends BaseMessage>(message: M, restorer: AnswerRestorer): M {
  if (message.type !== 'ai') return message;
  const ai = message as unknown as AIMessage;
  const fields = {
    ...common(ai),
    content: restoreContent(ai.content, restorer),
    additional_kwargs: restoreOpenAIToolCalls(ai.additional_kwargs ?? {}, restorer),
    tool_calls: (ai.tool_calls ?? []).map((call) => ({ ...call, args: restoreJson(call.args, restorer) as Json })),
    invalid_tool_calls: (ai.invalid_tool_calls ?? []).map((call) => (typeof call.args === 'string' ? { ...call, args: restorer.jsonText(call.args) } : call)),
    ...(ai.usage_metadata ? { usage_metadata: ai.usage_metadata } : {}),
  };
  if (AIMessageChunk.isInstance(ai)) {
    return new AIMessageChunk({ ...fields, tool_call_chunks: (ai as AIMessageChunk).tool_call_chunks ?? [] }) as unknown as M;
  }
  return new AIMessage(fields) as unknown as M;
}

/**
 * Restores a stream of AIMessageChunks on the fly: the text (string content, or text parts by their
 * index) and each tool call's argument chunks get their own streaming deanonymizer. What they hold
 * back comes out in one last chunk.
 */
export class ChunkRestorer {
  private readonly streams = new Map<string, StreamingDeanonymizer>();

  constructor(private readonly restorer: AnswerRestorer) {}

  private stream(key: string, json: boolean): StreamingDeanonymizer {
    let s = this.streams.get(key);
    if (!s) {
      s = json ? this.restorer.jsonStream() : this.restorer.textStream();
      this.streams.set(key, s);
    }
    return s;
  }

  chunk(chunk: AIMessageChunk): AIMessageChunk {
    let content: MessageContent = chunk.content;
    if (typeof content === 'string') {
      content = this.stream('text', false).push(content);
    } else if (Array.isArray(content)) {
      content = (content as unknown[]).map((block, i) => {
        const field = isObject(block) && typeof block.type === 'string' ? BLOCK_TEXT_FIELDS[block.type] : undefined;
        if (!isObject(block) || !field || typeof block[field] !== 'string') return block;
        const index = typeof block.index === 'number' || typeof block.index === 'string' ? block.index : i;
        return { ...block, [field]: this.stream(`part:${String(index)}:${field}`, false).push(block[field] as string) };
      }) as MessageContent;
    }
    const tool_call_chunks = (chunk.tool_call_chunks ?? []).map((call, i) =>
      typeof call.args === 'string' ? { ...call, args: this.stream(`tool:${call.index ?? i}`, true).push(call.args) } : call,
    );
    return new AIMessageChunk({
      ...common(chunk),
      content,
      additional_kwargs: chunk.additional_kwargs ?? {},
      tool_call_chunks,
      ...(chunk.usage_metadata ? { usage_metadata: chunk.usage_metadata } : {}),
    });
  }

  /** The text held back by every deanonymizer, as a last chunk; undefined when nothing was held. */
  end(id?: string): AIMessageChunk | undefined {
    let text = '';
    const parts: Json[] = [];
    const tools: Array<{ index: number; args: string }> = [];
    for (const [key, stream] of this.streams) {
      const rest = stream.end();
      if (rest === '') continue;
      if (key === 'text') text += rest;
      else if (key.startsWith('part:')) {
        const [, index, field] = key.split(':');
        const n = Number(index);
        parts.push({ type: field === 'text' ? 'text' : field!, [field!]: rest, index: Number.isNaN(n) ? index : n });
      } else tools.push({ index: Number(key.slice('tool:'.length)), args: rest });
    }
    this.streams.clear();
    if (text === '' && parts.length === 0 && tools.length === 0) return undefined;
    return new AIMessageChunk({
      ...(id !== undefined ? { id } : {}),
      content: parts.length > 0 ? (parts as unknown as MessageContent) : text,
      tool_call_chunks: tools.map((t) => ({ index: t.index, args: t.args, type: 'tool_call_chunk' as const })),
    });
  }

  /** Ends every deanonymizer without releasing what it holds (the model stream failed). */
  abort(error: unknown): void {
    for (const stream of this.streams.values()) stream.abort(error);
    this.streams.clear();
  }
}
