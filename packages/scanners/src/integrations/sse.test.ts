import { Vault } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { Deanonymize } from '../deanonymize.js';
import { ChatChunkRestorer } from './openai.js';
import { AnswerRestorer } from './restore.js';
import { seededRandom, randomChunks } from './test-server.js';
import { sseRewriteStream } from './sse.js';

async function restorer(): Promise<AnswerRestorer> {
  const vault = new Vault();
  await vault.placeholderFor('PERSON', 'Ann "A" Lee');
  await vault.placeholderFor('PERSON', 'Bob');
  return AnswerRestorer.load(new Deanonymize({ vault, matching: 'combined' }));
}

async function run(input: string[], rewriter: ChatChunkRestorer): Promise<string> {
  const source = new ReadableStream<string>({
    start(controller) {
      for (const chunk of input) controller.enqueue(chunk);
      controller.close();
    },
  });
  const reader = source.pipeThrough(sseRewriteStream(rewriter)).getReader();
  let out = '';
  for (let r = await reader.read(); !r.done; r = await reader.read()) out += r.value;
  return out;
}

/** Concatenates what a client would read: per choice, content and tool-call arguments. */
function collect(sse: string): { content: Map<number, string>; args: Map<string, string>; done: boolean } {
  const content = new Map<number, string>();
  const args = new Map<string, string>();
  let done = false;
  for (const line of sse.split('\n')) {
    if (!line.startsWith('data: ')) continue;
    const payload = line.slice(6);
    if (payload === '[DONE]') {
      // Clients stop reading here: anything held back must have come out before.
      done = true;
      break;
    }
    const chunk = JSON.parse(payload) as { choices: Array<{ index: number; delta: { content?: string; tool_calls?: Array<{ index: number; function?: { arguments?: string } }> } }> };
    for (const choice of chunk.choices) {
      if (choice.delta.content) content.set(choice.index, (content.get(choice.index) ?? '') + choice.delta.content);
      for (const call of choice.delta.tool_calls ?? []) {
        const key = `${choice.index}:${call.index}`;
        args.set(key, (args.get(key) ?? '') + (call.function?.arguments ?? ''));
      }
    }
  }
  return { content, args, done };
}

const event = (choices: unknown[]): string => `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', model: 'm', choices })}\n\n`;

describe('SSE restoring', () => {
  const answer0 = 'Hello [REDACTED_PERSON_1], meet redacted person 2.';
  // Ends on a bare placeholder: only the end of the stream can settle it.
  const answer1 = 'Bye REDACTED PERSON 2';
  const args = JSON.stringify({ who: '[REDACTED_PERSON_1]' });

  function wire(seed: number): string[] {
    const random = seededRandom(seed);
    const events: string[] = [];
    const pieces0 = randomChunks(answer0, random, 4);
    const pieces1 = randomChunks(answer1, random, 4);
    const argPieces = randomChunks(args, random, 4);
    for (let i = 0; i < Math.max(pieces0.length, pieces1.length, argPieces.length); i++) {
      if (pieces0[i] !== undefined) events.push(event([{ index: 0, delta: { content: pieces0[i] }, finish_reason: null }]));
      if (pieces1[i] !== undefined) events.push(event([{ index: 1, delta: { content: pieces1[i] }, finish_reason: null }]));
      if (argPieces[i] !== undefined) events.push(event([{ index: 1, delta: { tool_calls: [{ index: 0, function: { arguments: argPieces[i] } }] }, finish_reason: null }]));
    }
    events.push(event([{ index: 0, delta: {}, finish_reason: 'stop' }]));
    // Choice 1 never finishes: what it holds must come out before [DONE].
    events.push('data: [DONE]\n\n');
    // The wire itself is cut at random places, even inside a line.
    return randomChunks(events.join(''), random, 9);
  }

  for (const seed of [1, 2, 3, 4]) {
    it(`restores interleaved choices and tool arguments (seed ${seed})`, async () => {
      const out = collect(await run(wire(seed), new ChatChunkRestorer(await restorer())));
      expect(out.content.get(0)).toBe('Hello Ann "A" Lee, meet Bob.');
      expect(out.content.get(1)).toBe('Bye Bob');
      expect(JSON.parse(out.args.get('1:0')!)).toEqual({ who: 'Ann "A" Lee' });
      expect(out.done).toBe(true);
    });
  }

  it('passes comments and unknown payloads through', async () => {
    const out = await run([': keep-alive\n\n', 'data: not json\n\n', 'event: ping\ndata: {"x":1}\n\n'], new ChatChunkRestorer(await restorer()));
    expect(out).toBe(': keep-alive\n\ndata: not json\n\nevent: ping\ndata: {"x":1}\n\n');
  });
});
