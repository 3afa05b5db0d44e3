/** The README's LangChain example, run as written (console output turned into an assertion). */
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { Vault } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { withVeil } from './index.js'; // '@veil/langchain' in the README

describe('README LangChain example', () => {
  it('chain with withVeil', async () => {
    const vault = new Vault();
    const model = new FakeListChatModel({ responses: ['Dear [REDACTED_PERSON_1], your refund to [REDACTED_EMAIL_ADDRESS_1] is on its way.'] });
    const guarded = withVeil(model, { vault, anonymizeOptions: { ner: 'compromise' } });
    const chain = ChatPromptTemplate.fromMessages([['system', 'You are a support agent.'], ['human', '{question}']]).pipe(guarded);

    const answer = await chain.invoke(
      { question: 'I am Maria Gonzalez, please refund maria.gonzalez@brightline.io' },
      { configurable: { thread_id: 'ticket-1042' } },
    );
    expect(answer.content).toBe('Dear Maria Gonzalez, your refund to maria.gonzalez@brightline.io is on its way.');
    expect((await vault.scope('ticket-1042').entries()).map((e) => e.placeholder).sort()).toEqual(['[REDACTED_EMAIL_ADDRESS_1]', '[REDACTED_PERSON_1]']);
  });
});
