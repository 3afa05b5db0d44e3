/** Test models: real @langchain/core classes that record exactly what reached them. */
import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import type { Serialized } from '@langchain/core/load/serializable';
import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk } from '@langchain/core/messages';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import { ChatGenerationChunk } from '@langchain/core/outputs';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';

/** Everything a model was given, through LangChain's own callbacks (what tracers and caches see too). */
export class Recorder extends BaseCallbackHandler {
  name = 'recorder';
  readonly prompts: string[] = [];

  override handleChatModelStart(_llm: Serialized, messages: BaseMessage[][]): void {
    this.prompts.push(JSON.stringify(messages));
  }

  override handleLLMStart(_llm: Serialized, prompts: string[]): void {
    this.prompts.push(JSON.stringify(prompts));
  }

  get all(): string {
    return this.prompts.join('\n');
  }
}

export const textOf = (m: BaseMessage): string => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content));

/**
 * Answers "You said: <last human message>" (placeholders included, so restoring shows), streams it in
 * the given chunk sizes, can fail its first `failures` calls, and records every message list it got.
 */
export class EchoChatModel extends BaseChatModel {
  readonly received: BaseMessage[][] = [];
  failures: number;
  readonly chunkSizes: number[];
  reply?: (messages: BaseMessage[]) => AIMessage;

  constructor(fields: { failures?: number; chunkSizes?: number[]; reply?: (messages: BaseMessage[]) => AIMessage; cache?: BaseChatModel['cache'] } = {}) {
    super({ ...(fields.cache ? { cache: fields.cache } : {}) });
    this.failures = fields.failures ?? 0;
    this.chunkSizes = fields.chunkSizes ?? [3];
    if (fields.reply) this.reply = fields.reply;
  }

  _llmType(): string {
    return 'echo';
  }

  /** Tools are accepted and ignored: `reply` decides when to call them. */
  override bindTools(): this {
    return this;
  }

  /** A local tokenizer (one token per 4 characters): the default one downloads tiktoken's tables. */
  override async getNumTokens(content: BaseMessage['content']): Promise<number> {
    const text = typeof content === 'string' ? content : JSON.stringify(content);
    return Math.ceil(text.length / 4);
  }

  private answer(messages: BaseMessage[]): AIMessage {
    this.received.push(messages);
    if (this.failures > 0) {
      this.failures--;
      throw new Error('model unavailable');
    }
    if (this.reply) return this.reply(messages);
    const human = [...messages].reverse().find((m) => m.type === 'human');
    return new AIMessage(`You said: ${human ? textOf(human) : ''}`);
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.answer(messages);
    return { generations: [{ text: textOf(message), message }] };
  }

  override async *_streamResponseChunks(messages: BaseMessage[], _options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const text = textOf(this.answer(messages));
    let at = 0;
    let i = 0;
    while (at < text.length) {
      const size = Math.max(1, this.chunkSizes[i++ % this.chunkSizes.length]!);
      const piece = text.slice(at, at + size);
      at += size;
      const chunk = new ChatGenerationChunk({ text: piece, message: new AIMessageChunk({ content: piece, id: 'answer' }) });
      yield chunk;
      await runManager?.handleLLMNewToken(piece, undefined, undefined, undefined, undefined, { chunk });
    }
  }
}
