import { describe, expect, it } from 'vitest';
import { UnknownConfigError, createVeilDetector, nerOptionFor, veilEntityTypes } from './veil.js';

describe('Veil configurations', () => {
  it('maps configuration names to the Anonymize ner option', () => {
    expect(nerOptionFor('patterns')).toBe(false);
    expect(nerOptionFor('compromise')).toBe('compromise');
    expect(nerOptionFor('bundled')).toBe('bundled');
    expect(nerOptionFor('hub:dslim/bert-base-NER')).toEqual({ model: 'dslim/bert-base-NER', load: { allowRemote: true } });
    expect(() => nerOptionFor('no/such/dir')).toThrow(UnknownConfigError);
    expect(veilEntityTypes('patterns')).not.toContain('PERSON');
    expect(veilEntityTypes('compromise')).toEqual(expect.arrayContaining(['PERSON', 'ORGANIZATION', 'LOCATION', 'EMAIL_ADDRESS']));
  });

  it('returns spans with UTF-16 offsets and the sanitized text, keeping placeholders in one vault', async () => {
    const veil = createVeilDetector('patterns');
    await veil.load();
    const text = '😀 Mail ann.lee@brightline.io now';
    const { spans, sanitized } = await veil.detect(text);
    expect(spans.map((s) => [text.slice(s.start, s.end), s.label])).toEqual([['ann.lee@brightline.io', 'EMAIL_ADDRESS']]);
    expect(sanitized).toBe('😀 Mail [REDACTED_EMAIL_ADDRESS_1] now');
    expect(await veil.vault.valueOf('[REDACTED_EMAIL_ADDRESS_1]')).toBe('ann.lee@brightline.io');
  });
});
