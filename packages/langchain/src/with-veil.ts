import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import { AIMessageChunk, isBaseMessage } from '@langchain/core/messages';
import type { BaseMessage } from '@langchain/core/messages';
import { StringPromptValue } from '@langchain/core/prompt_values';
import type { BasePromptValueInterface } from '@langchain/core/prompt_values';
import { Runnable, RunnableWithFallbacks, patchConfig } from '@langchain/core/runnables';
import type { RunnableBatchOptions, RunnableConfig } from '@langchain/core/runnables';
import type { CallbackManagerForChainRun } from '@langchain/core/callbacks/manager';
import { Anonymize, AnswerRestorer, ConfigurationError, ConversationProtector, Deanonymize } from '@veil/scanners';
import type { AnonymizeOptions, MatchingStrategy, ObserveOptions, OnScan } from '@veil/scanners';
import { Vault } from '@veil/vault';
import { ChunkRestorer, protectMessages, restoreJson, restoreMessage } from './messages.js';

export const SOURCE = 'langchain';

export interface VeilLangChainOptions {
  /**
   * Where placeholders are recorded. A call whose config names a conversation
   * (`configurable.thread_id`, or the key in `conversationKey`) uses `vault.scope(thatId)`; any other
   * `invoke` / `stream` uses `vault` itself, and each input of a `batch` gets a fresh scope of its own.
   * Default: a new in-memory Vault.
   */
  vault?: Vault;
  /** A ready scanner (to share a loaded model); each call runs it on the conversation's scope. */
  anonymize?: Anonymize;
  /** Options for the Anonymize scanner built when `anonymize` is not given. */
  anonymizeOptions?: Omit<AnonymizeOptions, 'vault'>;
  /** Deanonymize strategy for answers. Default `combined`: models mangle placeholders. */
  matching?: MatchingStrategy;
  /** Receives every scan (one per anonymized piece of text, one per restored answer or stream), `source: 'langchain'`. */
  onScan?: OnScan;
  /** `configurable` key naming the conversation. Default `thread_id`. */
  conversationKey?: string;
}

type Scope = 'conversation' | 'fresh';

/** The scanners of one conversation scope. */
interface ScopeScanners {
  protector: ConversationProtector;
  deanonymize: Deanonymize;
}

export class VeilCore {
  readonly vault: Vault;
  readonly anonymize: Anonymize;
  readonly matching: MatchingStrategy;
  readonly observe: ObserveOptions;
  readonly conversationKey: string;

  constructor(readonly options: VeilLangChainOptions = {}) {
    if (typeof options !== 'object' || options === null) throw new ConfigurationError('options must be an object');
    if (options.vault !== undefined && typeof (options.vault as Partial<Vault> | null)?.scope !== 'function') throw new ConfigurationError('vault must be a Vault');
    this.vault = options.vault ?? new Vault();
    this.observe = { source: SOURCE, ...(options.onScan ? { onScan: options.onScan } : {}) };
    const base = options.anonymize ?? new Anonymize({ ...options.anonymizeOptions });
    this.anonymize = base.observed(this.observe);
    this.matching = options.matching ?? 'combined';
    this.conversationKey = options.conversationKey ?? 'thread_id';
  }

  /** The vault scope of a call. */
  scopeFor(config: Partial<RunnableConfig> | undefined, scope: Scope): Vault {
    const id = config?.configurable?.[this.conversationKey] as unknown;
    if ((typeof id === 'string' && id !== '') || typeof id === 'number') return this.vault.scope(String(id));
    return scope === 'fresh' ? new Vault() : this.vault;
  }

  scanners(vault: Vault): ScopeScanners {
    const deanonymize = new Deanonymize({ vault, matching: this.matching, ...this.observe });
    return { protector: new ConversationProtector(this.anonymize.withVault(vault), deanonymize), deanonymize };
  }
}

function isPromptValue(input: unknown): input is BasePromptValueInterface {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && typeof (input as BasePromptValueInterface).toChatMessages === 'function';
}

/** Anonymizes a language-model input of any form: text, message list, prompt value. */
export async function protectInput(input: BaseLanguageModelInput, protector: ConversationProtector): Promise<BaseLanguageModelInput> {
  if (typeof input === 'string') return protector.text(input);
  if (Array.isArray(input)) return protectMessages(input, protector);
  if (input instanceof StringPromptValue) return protector.text(input.toString());
  if (isPromptValue(input)) return protectMessages(input.toChatMessages(), protector);
  throw new ConfigurationError('withVeil accepts a string, a list of messages or a prompt value');
}

/** Restores a model's output: a message, text, or plain JSON (structured output). */
export function restoreOutput<T>(output: T, restorer: AnswerRestorer): T {
  if (typeof output === 'string') return restorer.text(output) as T;
  if (isBaseMessage(output)) return restoreMessage(output as BaseMessage, restorer) as T;
  if (Array.isArray(output) || (typeof output === 'object' && output !== null && Object.getPrototypeOf(output) === Object.prototype)) {
    return restoreJson(output, restorer) as T;
  }
  return output;
}

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

/**
 * A Runnable around a chat model or LLM: the prompt is anonymized (every message, every role, content
 * parts, tool calls and tool results, one vault scope per conversation), the model sees only the
 * sanitized prompt, and its answer comes back restored, whole or streamed.
 */
export class VeilRunnable<RunOutput = AIMessageChunk> extends Runnable<BaseLanguageModelInput, RunOutput> {
  override lc_namespace = ['veil', 'langchain'];

  static override lc_name(): string {
    return 'VeilRunnable';
  }

  constructor(
    readonly model: Runnable<BaseLanguageModelInput, RunOutput>,
    readonly core: VeilCore,
    private readonly defaultScope: Scope = 'conversation',
  ) {
    super();
    if (!Runnable.isRunnable(model)) throw new ConfigurationError('withVeil needs a chat model, an LLM or another Runnable');
  }

  private async call(input: BaseLanguageModelInput, config: Partial<RunnableConfig> | undefined, runManager: CallbackManagerForChainRun | undefined): Promise<RunOutput> {
    const { protector, deanonymize } = this.core.scanners(this.core.scopeFor(config, this.defaultScope));
    const sanitized = await protectInput(input, protector);
    const output = await this.model.invoke(sanitized, patchConfig(config, { callbacks: runManager?.getChild() }));
    return restoreOutput(output, await AnswerRestorer.load(deanonymize));
  }

  override async invoke(input: BaseLanguageModelInput, options?: Partial<RunnableConfig>): Promise<RunOutput> {
    return this._callWithConfig((i: BaseLanguageModelInput, config?: Partial<RunnableConfig>, runManager?: CallbackManagerForChainRun) => this.call(i, config, runManager), input, options);
  }

  private async *streamCall(
    inputs: AsyncGenerator<BaseLanguageModelInput>,
    runManager: CallbackManagerForChainRun | undefined,
    config: Partial<RunnableConfig> | undefined,
  ): AsyncGenerator<RunOutput> {
    const first = await inputs.next();
    if (first.done) return;
    const { protector, deanonymize } = this.core.scanners(this.core.scopeFor(config, this.defaultScope));
    const sanitized = await protectInput(first.value, protector);
    const stream = await this.model.stream(sanitized, patchConfig(config, { callbacks: runManager?.getChild() }));
    const restorer = await AnswerRestorer.load(deanonymize);
    const messages = new ChunkRestorer(restorer);
    let text: ReturnType<AnswerRestorer['textStream']> | undefined;
    let lastId: string | undefined;
    try {
      for await (const chunk of stream) {
        if (typeof chunk === 'string') {
          text ??= restorer.textStream();
          yield text.push(chunk) as RunOutput;
        } else if (AIMessageChunk.isInstance(chunk)) {
          lastId = chunk.id ?? lastId;
          yield messages.chunk(chunk) as RunOutput;
        } else {
          // Structured chunks (parsed JSON): restored one by one, nothing is held back.
          yield restoreOutput(chunk, restorer);
        }
      }
    } catch (error) {
      text?.abort(error);
      messages.abort(error);
      throw error;
    }
    if (text) {
      const rest = text.end();
      if (rest !== '') yield rest as RunOutput;
    }
    const rest = messages.end(lastId);
    if (rest) yield rest as RunOutput;
  }

  override async *_streamIterator(input: BaseLanguageModelInput, options?: Partial<RunnableConfig>): AsyncGenerator<RunOutput> {
    yield* this._transformStreamWithConfig(once(input), (inputs, runManager, config) => this.streamCall(inputs, runManager, config), options);
  }

  override batch(inputs: BaseLanguageModelInput[], options?: Partial<RunnableConfig> | Partial<RunnableConfig>[], batchOptions?: RunnableBatchOptions & { returnExceptions?: false }): Promise<RunOutput[]>;
  override batch(inputs: BaseLanguageModelInput[], options?: Partial<RunnableConfig> | Partial<RunnableConfig>[], batchOptions?: RunnableBatchOptions & { returnExceptions: true }): Promise<(RunOutput | Error)[]>;
  override batch(inputs: BaseLanguageModelInput[], options?: Partial<RunnableConfig> | Partial<RunnableConfig>[], batchOptions?: RunnableBatchOptions): Promise<(RunOutput | Error)[]>;
  /** One vault scope per input: inputs are separate conversations unless their config names one. */
  override batch(inputs: BaseLanguageModelInput[], options?: Partial<RunnableConfig> | Partial<RunnableConfig>[], batchOptions?: RunnableBatchOptions): Promise<(RunOutput | Error)[]> {
    const perInput = new VeilRunnable(this.model, this.core, 'fresh');
    return Runnable.prototype.batch.call(perInput, inputs, options, batchOptions) as Promise<(RunOutput | Error)[]>;
  }

  /**
   * Fallbacks receive the sanitized prompt: each one is wrapped with the same Veil options (a fallback
   * that already is a VeilRunnable is used as it is), so no raw prompt ever reaches one.
   */
  override withFallbacks(fields: { fallbacks: Runnable<BaseLanguageModelInput, RunOutput>[] } | Runnable<BaseLanguageModelInput, RunOutput>[]): RunnableWithFallbacks<BaseLanguageModelInput, RunOutput> {
    const fallbacks = Array.isArray(fields) ? fields : fields.fallbacks;
    return new RunnableWithFallbacks<BaseLanguageModelInput, RunOutput>({
      runnable: this,
      fallbacks: fallbacks.map((f) => (f instanceof VeilRunnable ? f : new VeilRunnable(f, this.core, this.defaultScope))),
    });
  }

  /**
   * Tokens of what is actually sent: the text is anonymized (in a scratch scope) and counted by the
   * wrapped model's tokenizer.
   */
  async getNumTokens(text: string): Promise<number> {
    const counter = (this.model as unknown as { getNumTokens?: (t: string) => Promise<number> }).getNumTokens;
    if (typeof counter !== 'function') throw new ConfigurationError('the wrapped Runnable has no getNumTokens');
    const { protector } = this.core.scanners(new Vault());
    return counter.call(this.model, await protector.text(text));
  }

  /** The sanitized form of an input, as the model would receive it (in a scratch scope unless `config` names a conversation). */
  async sanitize(input: BaseLanguageModelInput, config?: Partial<RunnableConfig>): Promise<BaseLanguageModelInput> {
    const { protector } = this.core.scanners(this.core.scopeFor(config, 'fresh'));
    return protectInput(input, protector);
  }
}

/**
 * `withVeil(model, { vault, anonymizeOptions })`: a Runnable that keeps personal data away from `model`.
 * Works with any chat model or LLM (and any Runnable taking a language-model input).
 */
export function withVeil<RunOutput>(model: Runnable<BaseLanguageModelInput, RunOutput>, options: VeilLangChainOptions = {}): VeilRunnable<RunOutput> {
  return new VeilRunnable(model, new VeilCore(options));
}
