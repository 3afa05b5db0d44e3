import { AIMessage, ToolMessage } from '@langchain/core/messages';
import type { BaseMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { createAgent } from 'langchain';
import type { ScanEvent } from '@veil/scanners';
import { Vault } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { EchoChatModel, textOf } from './__fixtures__/models.js';
import { veilAgentMiddleware } from './agent.js';

const PII = ['Maria Gonzalez', 'maria.gonzalez@brightline.io', '(415) 867-2309', '536-22-1234'];
const anonymizeOptions = { ner: false as const, hiddenNames: ['Maria Gonzalez'] };

describe('veilAgentMiddleware', () => {
  it('an agent with one tool: the model sees placeholders only, the tool and the answer get real values', async () => {
    const toolCalls: unknown[] = [];
    const lookup = tool(
      async (args: { email: string }) => {
        toolCalls.push(args);
        return `Account of Maria Gonzalez (${args.email}): phone (415) 867-2309, balance 120 USD.`;
      },
      {
        name: 'lookup_account',
        description: 'Finds an account by email',
        schema: { type: 'object', properties: { email: { type: 'string' } }, required: ['email'] },
      },
    );
    // Turn 1: call the tool with the placeholder it was given; turn 2: answer from the tool result.
    const model = new EchoChatModel({
      reply: (messages: BaseMessage[]) => {
        const last = messages[messages.length - 1]!;
        if (last.type === 'human') {
          const email = /\[REDACTED_EMAIL_ADDRESS_\d+\]/.exec(textOf(last))?.[0] ?? 'none';
          return new AIMessage({ content: '', tool_calls: [{ id: 'call_1', name: 'lookup_account', args: { email } }] });
        }
        return new AIMessage(`Dear [REDACTED_CUSTOM_1], the result was: ${textOf(last)}`);
      },
    });
    const events: ScanEvent[] = [];
    const vault = new Vault();
    const agent = createAgent({
      model,
      tools: [lookup],
      systemPrompt: 'You help Maria Gonzalez with her bank account.',
      middleware: [veilAgentMiddleware({ vault, anonymizeOptions, onScan: (e) => void events.push(e) })],
    });
    const result = await agent.invoke(
      { messages: [{ role: 'user', content: 'I am Maria Gonzalez, SSN 536-22-1234. Check maria.gonzalez@brightline.io please.' }] },
      { configurable: { thread_id: 'chat-1' } },
    );

    // The model never saw a value.
    expect(model.received).toHaveLength(2);
    const seen = JSON.stringify(model.received);
    for (const value of PII) expect(seen).not.toContain(value);
    expect(seen).toContain('You help [REDACTED_CUSTOM_1]');
    expect(seen).toContain('phone [REDACTED_PHONE_NUMBER_1]');

    // The tool ran with the real value, the state and the final answer hold real values.
    expect(toolCalls).toEqual([{ email: 'maria.gonzalez@brightline.io' }]);
    const messages = result.messages as BaseMessage[];
    const toolMessage = messages.find((m) => ToolMessage.isInstance(m))!;
    expect(textOf(toolMessage)).toContain('(415) 867-2309');
    const final = textOf(messages[messages.length - 1]!);
    expect(final).toBe('Dear Maria Gonzalez, the result was: Account of Maria Gonzalez (maria.gonzalez@brightline.io): phone (415) 867-2309, balance 120 USD.');

    // One scope per thread.
    expect((await vault.scope('chat-1').entries()).map((e) => e.type).sort()).toEqual(['CUSTOM', 'EMAIL_ADDRESS', 'PHONE_NUMBER', 'US_SSN']);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.source === 'langchain' && e.outcome === 'ok')).toBe(true);
    for (const value of PII) expect(JSON.stringify(events)).not.toContain(value);
  });
});
