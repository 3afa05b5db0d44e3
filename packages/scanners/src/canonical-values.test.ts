/**
 * Issue 15: one value written with invisible characters, compatibility forms or (for e-mail) other case gets one
 * placeholder; Deanonymize puts back the first spelling the vault saw.
 */
import { Vault } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { Anonymize } from './anonymize.js';
import { Deanonymize } from './deanonymize.js';

const scanner = (vault: Vault) => new Anonymize({ vault, ner: false });

describe('one placeholder per value, whatever its spelling', () => {
  it('gives a zero-width spelling of an e-mail the placeholder of the plain one, in one prompt and across prompts', async () => {
    const vault = new Vault();
    const prompt = 'Write to jo\u200Bhn@example.com, not j\u00ADohn@example.com; cc john@example.com.';
    const { sanitized, findings } = await scanner(vault).scan(prompt);
    expect(sanitized).toBe('Write to [REDACTED_EMAIL_ADDRESS_1], not [REDACTED_EMAIL_ADDRESS_1]; cc [REDACTED_EMAIL_ADDRESS_1].');
    // Each finding still reports its own exact text, so the prompt itself can be rebuilt from the findings.
    expect(findings.map((f) => f.text)).toEqual(['jo\u200Bhn@example.com', 'j\u00ADohn@example.com', 'john@example.com']);
    const later = await scanner(vault).scan('And \uFF4A\uFF4F\uFF48\uFF4E@example.com or John@Example.com again, but not jon@example.com.');
    expect(later.sanitized).toBe('And [REDACTED_EMAIL_ADDRESS_1] or [REDACTED_EMAIL_ADDRESS_1] again, but not [REDACTED_EMAIL_ADDRESS_2].');
    expect(await vault.entries()).toEqual([
      { placeholder: '[REDACTED_EMAIL_ADDRESS_1]', type: 'EMAIL_ADDRESS', value: 'jo\u200Bhn@example.com' },
      { placeholder: '[REDACTED_EMAIL_ADDRESS_2]', type: 'EMAIL_ADDRESS', value: 'jon@example.com' },
    ]);
    // The answer gets the first spelling back, wherever the model put the placeholder.
    const answer = await new Deanonymize({ vault }).scan('', 'Sent to [REDACTED_EMAIL_ADDRESS_1].');
    expect(answer.sanitized).toBe('Sent to jo\u200Bhn@example.com.');
  });

  it('restores a prompt that writes each value one way byte for byte', async () => {
    const vault = new Vault();
    const prompt = 'Card 4111\u00A01111\u00A01111\u00A01111 and mail to ann\u200B.lee@brightline.io, twice: ann\u200B.lee@brightline.io';
    const { sanitized } = await scanner(vault).scan(prompt);
    expect(sanitized).toBe('Card [REDACTED_CREDIT_CARD_1] and mail to [REDACTED_EMAIL_ADDRESS_1], twice: [REDACTED_EMAIL_ADDRESS_1]');
    expect((await new Deanonymize({ vault }).scan('', sanitized)).sanitized).toBe(prompt);
  });

  it('keeps two spellings of placeholder-like text apart, so each comes back as written', async () => {
    // Found by the forged-placeholder property (seed -1679039174): a zero-width space made two spellings one value.
    const vault = new Vault();
    const prompt = '<EMAIL__ADDRESS__2><EMA\u200BIL__ADDRESS__2>[EMAIL_ADDRESS_1]';
    const { sanitized } = await scanner(vault).scan(prompt);
    expect(sanitized).toBe('[REDACTED_PLACEHOLDER_1][REDACTED_PLACEHOLDER_2][REDACTED_PLACEHOLDER_3]');
    for (const matching of ['exact', 'combined'] as const) {
      expect((await new Deanonymize({ vault, matching }).scan('', sanitized)).sanitized).toBe(prompt);
    }
  });

  it('keeps the case of values that are not e-mail addresses', async () => {
    const vault = new Vault();
    const anonymize = new Anonymize({ vault, ner: false, hiddenNames: ['Falcon', 'FALCON'] });
    const { sanitized } = await anonymize.scan('Falcon, FALCON and Fal\u200Bcon');
    expect(sanitized).toBe('[REDACTED_CUSTOM_1], [REDACTED_CUSTOM_2] and [REDACTED_CUSTOM_1]');
  });
});
