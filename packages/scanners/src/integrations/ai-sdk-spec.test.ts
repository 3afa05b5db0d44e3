/**
 * The middleware on prompt and stream shapes of the later specifications (v3: `ai` 6, v4: `ai` 7), which the
 * end-to-end tests (run with `ai` 5) do not produce: tool-approval responses, denied executions, inline text files.
 */
import { Vault } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { Anonymize } from '../anonymize.js';
import { Deanonymize } from '../deanonymize.js';
import { veilMiddleware } from './ai-sdk.js';

const EMAIL = 'ann.lee@brightline.io';

function middleware() {
  const vault = new Vault();
  return veilMiddleware({ anonymize: new Anonymize({ vault, ner: false }), deanonymize: new Deanonymize({ vault, matching: 'combined' }) });
}

describe('veilMiddleware on v3 / v4 shapes', () => {
  it('anonymizes tool-approval reasons, denied-execution reasons and inline text files; leaves other parts alone', async () => {
    const prompt = [
      { role: 'system', content: `Write to ${EMAIL}` },
      { role: 'user', content: [{ type: 'file', mediaType: 'text/plain', data: { type: 'text', text: `from ${EMAIL}` } }] },
      { role: 'user', content: [{ type: 'file', mediaType: 'image/png', data: { type: 'url', url: new URL('https://example.com/a.png') } }] },
      {
        role: 'tool',
        content: [
          { type: 'tool-approval-response', approvalId: 'a1', approved: false, reason: `not ${EMAIL}` },
          { type: 'tool-result', toolCallId: 't1', toolName: 'send', output: { type: 'execution-denied', reason: `denied for ${EMAIL}` } },
          { type: 'tool-result', toolCallId: 't2', toolName: 'send', output: { type: 'content', value: [{ type: 'text', text: EMAIL }, { type: 'custom' }] } },
        ],
      },
    ];
    const { prompt: out } = await middleware().transformParams({ params: { prompt } });
    const wire = JSON.stringify(out);
    expect(wire).not.toContain(EMAIL);
    expect(wire.match(/\[REDACTED_EMAIL_ADDRESS_1\]/g)).toHaveLength(5);
    expect(out[2]).toEqual(prompt[2]);
    expect(out[3]!.content).toMatchObject([{ type: 'tool-approval-response', approved: false }, { output: { type: 'execution-denied' } }, {}]);
  });

  it('restores generated text and tool-call input of any spec version', async () => {
    const m = middleware();
    await m.transformParams({ params: { prompt: [{ role: 'user', content: [{ type: 'text', text: `Mail ${EMAIL}` }] }] } });
    const result = await m.wrapGenerate({
      doGenerate: async () => ({
        content: [
          { type: 'text', text: 'Sent to [REDACTED_EMAIL_ADDRESS_1].' },
          { type: 'tool-call', toolCallId: 'c', toolName: 'send', input: '{"to":"[REDACTED_EMAIL_ADDRESS_1]"}' },
          { type: 'tool-approval-request', approvalId: 'a', toolCallId: 'c' },
        ],
        finishReason: { unified: 'stop', raw: 'stop' },
      }),
    });
    expect(result.content).toEqual([
      { type: 'text', text: `Sent to ${EMAIL}.` },
      { type: 'tool-call', toolCallId: 'c', toolName: 'send', input: `{"to":"${EMAIL}"}` },
      { type: 'tool-approval-request', approvalId: 'a', toolCallId: 'c' },
    ]);
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
  });
});
