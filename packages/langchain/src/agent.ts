/**
 * Veil for LangChain v1 agents (`createAgent`). Needs the `langchain` package; import it from
 * `@veil/langchain/agent`.
 */
import { AIMessage, SystemMessage } from '@langchain/core/messages';
import { createMiddleware } from 'langchain';
import { AnswerRestorer } from '@veil/scanners';
import { VeilCore } from './with-veil.js';
import type { VeilLangChainOptions } from './with-veil.js';
import { protectMessage, protectMessages, restoreJson, restoreMessage } from './messages.js';

/**
 * Agent middleware: every model call sees the conversation anonymized (system message, user and
 * assistant messages, tool calls and tool results) and its answer comes back restored, so the agent
 * state, the tools and the final answer hold the real values while the model only ever sees
 * placeholders. The vault scope is the thread (`configurable.thread_id`) when the agent runs with
 * one, otherwise `options.vault`.
 *
 * wrapModelCall does the work (an async hook, so the bundled NER model can run); wrapToolCall restores
 * tool-call arguments once more in case the state came from a sanitized checkpoint.
 */
export function veilAgentMiddleware(options: VeilLangChainOptions = {}) {
  const core = new VeilCore(options);
  return createMiddleware({
    name: 'VeilMiddleware',
    wrapModelCall: async (request, handler) => {
      const { protector, deanonymize } = core.scanners(core.scopeFor({ configurable: request.runtime?.configurable ?? {} }, 'conversation'));
      const messages = await protectMessages(request.messages, protector);
      const systemMessage = request.systemMessage ? ((await protectMessage(request.systemMessage, protector)) as SystemMessage) : request.systemMessage;
      const answer = await handler({ ...request, messages, systemMessage });
      const restored = restoreMessage(answer, await AnswerRestorer.load(deanonymize));
      return AIMessage.isInstance(restored) ? restored : new AIMessage(restored);
    },
    wrapToolCall: async (request, handler) => {
      const { deanonymize } = core.scanners(core.scopeFor({ configurable: request.runtime?.configurable ?? {} }, 'conversation'));
      const args = restoreJson(request.toolCall.args, await AnswerRestorer.load(deanonymize)) as Record<string, unknown>;
      return handler({ ...request, toolCall: { ...request.toolCall, args } });
    },
  });
}
