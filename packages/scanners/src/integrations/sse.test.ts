import { Vault } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { Deanonymize } from '../deanonymize.js';
import { ResponseTooLargeError } from '../errors.js';
import { ChatChunkRestorer } from './openai.js';
import { AnswerRestorer } from './restore.js';
import { seededRandom, randomChunks } from './test-server.js';
import { DEFAULT_MAX_EVENT_CHARS, sseRewriteStream } from './sse.js';
import type { SseRewriteOptions } from './sse.js';

async function restorer(): Promise<AnswerRestorer> {
  const vault = new Vault();
  await vault.placeholderFor('PERSON', 'Ann "A" Lee');
  await vault.placeholderFor('PERSON', 'Bob');
  return AnswerRestorer.load(new Deanonymize({ vault, matching: 'combined' }));
}

/** What the rewritten stream gave before it ended or failed. */
async function read(input: string[], rewriter: ChatChunkRestorer, options?: SseRewriteOptions): Promise<{ out: string; error: unknown }> {
  const source = new ReadableStream<string>({
    start(controller) {
      for (const chunk of input) controller.enqueue(chunk);
      controller.close();
    },
  });
  const reader = source.pipeThrough(sseRewriteStream(rewriter, options)).getReader();
  let out = '';
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) out += r.value;
  } catch (error) {
    return { out, error };
  }
  return { out, error: undefined };
}

async function run(input: string[], rewriter: ChatChunkRestorer, options?: SseRewriteOptions): Promise<string> {
  const { out, error } = await read(input, rewriter, options);
  if (error !== undefined) throw error;
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

describe('SSE parsing: line endings, chunking, size caps', () => {
  const answer = 'Hello [REDACTED_PERSON_1], meet redacted person 2.';
  const restored = 'Hello Ann "A" Lee, meet Bob.';
  const chunk = (content: string, finish: string | null = null): string => event([{ index: 0, delta: { content }, finish_reason: finish }]);
  const stream = (): string => [...randomChunks(answer, seededRandom(5), 4).map((p) => chunk(p)), chunk('', 'stop'), 'data: [DONE]\n\n'].join('');

  const endings: Array<[string, (lf: string) => string]> = [
    ['CR', (lf) => lf.replaceAll('\n', '\r')],
    ['CRLF', (lf) => lf.replaceAll('\n', '\r\n')],
    // One ending per event: a CR line followed by an empty LF line would read as one CRLF, in any parser.
    ['mixed', (lf) => lf.split(/(?<=\n\n)/).map((e, i) => e.replaceAll('\n', ['\r\n', '\r', '\n'][i % 3]!)).join('')],
  ];
  for (const [name, convert] of endings) {
    for (const seed of [1, 2, 3]) {
      it(`restores placeholders with ${name} line endings, cut anywhere (seed ${seed})`, async () => {
        const wire = convert(stream());
        expect(wire.includes('\n') && name === 'CR').toBe(false);
        // Pieces of 1-3 characters: a CRLF is often split across two pieces.
        const out = await run(randomChunks(wire, seededRandom(seed), 3), new ChatChunkRestorer(await restorer()));
        expect(collect(out)).toMatchObject({ done: true });
        expect(collect(out).content.get(0)).toBe(restored);
        expect(out).not.toContain('\r');
      });
    }
  }

  it('restores an event cut into one-character chunks', async () => {
    const out = await run([...chunk(answer, 'stop')], new ChatChunkRestorer(await restorer()));
    expect(collect(out).content.get(0)).toBe(restored);
  });

  it('restores a 5 MB data line fed in small chunks under a raised cap', async () => {
    const filler = 'x'.repeat(5 * 1024 * 1024);
    const wire = chunk(`[REDACTED_PERSON_1] ${filler} [REDACTED_PERSON_2]`, 'stop') + 'data: [DONE]\n\n';
    const pieces: string[] = [];
    for (let i = 0; i < wire.length; i += 64) pieces.push(wire.slice(i, i + 64));
    const out = await run(pieces, new ChatChunkRestorer(await restorer()), { maxEventChars: 8 * 1024 * 1024 });
    expect(collect(out).content.get(0)).toBe(`Ann "A" Lee ${filler} Bob`);
  });

  it('fails an over-cap event with ResponseTooLargeError, after the events before it and with nothing of it', async () => {
    const big = chunk(`[REDACTED_PERSON_1] ${'x'.repeat(DEFAULT_MAX_EVENT_CHARS)}`);
    const { out, error } = await read([chunk('[REDACTED_PERSON_2] is here'), ...randomChunks(big, seededRandom(1), 65536)], new ChatChunkRestorer(await restorer()));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limit).toBe(DEFAULT_MAX_EVENT_CHARS);
    expect(out).not.toContain('xxxx');
    expect(out).not.toContain('REDACTED');
  });

  it('caps an event of many short data lines, and an unterminated line, the same way', async () => {
    const lines = `${'data: [REDACTED_PERSON_2]\n'.repeat(200)}`;
    const { error } = await read([lines], new ChatChunkRestorer(await restorer()), { maxEventChars: 1000 });
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    const endless = await read(['data: ', ...Array.from({ length: 100 }, () => 'y'.repeat(100))], new ChatChunkRestorer(await restorer()), { maxEventChars: 1000 });
    expect(endless.error).toBeInstanceOf(ResponseTooLargeError);
  });

  it('keeps retry, id and event fields, joins multi-line data, restores text and error payloads', async () => {
    const input = [
      'retry: 3000\nid: 7\nevent: delta\ndata: {"choices":[{"index":0,\ndata: "delta":{"content":"[REDACTED_PERSON_2]"},"finish_reason":"stop"}]}\n\n',
      'data: Hi [REDACTED_PERSON_2]\n\n',
      'data: {"error":{"message":"unknown [REDACTED_PERSON_1]"}}\n\n',
    ];
    const out = await run(input, new ChatChunkRestorer(await restorer()));
    expect(out).toBe(
      'retry: 3000\n\nevent: delta\nid: 7\ndata: {"choices":[{"index":0,"delta":{"content":"Bob"},"finish_reason":"stop"}]}\n\n' +
        'data: Hi Bob\n\n' +
        'data: {"error":{"message":"unknown Ann \\"A\\" Lee"}}\n\n',
    );
  });

  it('ends an event on a CR at the very end, and drops an event the stream never closed', async () => {
    expect(await run(['data: Hi [REDACTED_PERSON_2]\r\r'], new ChatChunkRestorer(await restorer()))).toBe('data: Hi Bob\n\n');
    expect(await run(['data: Hi [REDACTED_PERSON_2]\n'], new ChatChunkRestorer(await restorer()))).toBe('');
  });
});
