import { Vault } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { Anonymize } from '../anonymize.js';
import { Deanonymize } from '../deanonymize.js';
import { ConversationProtector, replaceKnownValues } from './protect.js';

const entries = [
  { placeholder: '[REDACTED_PERSON_1]', type: 'PERSON', value: 'Zed' },
  { placeholder: '[REDACTED_PERSON_2]', type: 'PERSON', value: 'Zed Lee' },
  { placeholder: '[REDACTED_CUSTOM_1]', type: 'CUSTOM', value: 'a.b (c)' },
];

describe('replaceKnownValues', () => {
  it('replaces whole words, longest value first', () => {
    expect(replaceKnownValues('Zed Lee met Zed, not Zedd or AZed; see a.b (c).', entries)).toBe(
      '[REDACTED_PERSON_2] met [REDACTED_PERSON_1], not Zedd or AZed; see [REDACTED_CUSTOM_1].',
    );
  });

  it('treats letters beyond ASCII as word characters', () => {
    expect(replaceKnownValues('Zedé Zed😀 éZed', entries)).toBe('Zedé [REDACTED_PERSON_1]😀 éZed');
  });

  it('replaces a value glued to a word of another script, as hiddenNames match it', () => {
    expect(replaceKnownValues('電話Zed様 and 由Zed Lee负责', entries)).toBe('電話[REDACTED_PERSON_1]様 and 由[REDACTED_PERSON_2]负责');
  });

  it('leaves text without known values unchanged', () => {
    expect(replaceKnownValues('nothing here', entries)).toBe('nothing here');
    expect(replaceKnownValues('', entries)).toBe('');
  });
});

describe('ConversationProtector', () => {
  it('gives a value the recognizers miss the placeholder it already has', async () => {
    const vault = new Vault();
    await vault.placeholderFor('PERSON', 'Zed');
    const protector = new ConversationProtector(new Anonymize({ vault, ner: false }), new Deanonymize({ vault }));
    expect(await protector.text('Zed wrote from zed@example.com')).toBe('[REDACTED_PERSON_1] wrote from [REDACTED_EMAIL_ADDRESS_1]');
    expect(await protector.jsonText('{"to":"zed@example.com","n":3,"list":["Zed"]}')).toBe(
      '{"to":"[REDACTED_EMAIL_ADDRESS_1]","n":3,"list":["[REDACTED_PERSON_1]"]}',
    );
    // Not JSON: anonymized as text rather than sent as it is.
    expect(await protector.jsonText('{broken zed@example.com')).toBe('{broken [REDACTED_EMAIL_ADDRESS_1]');
  });
});
