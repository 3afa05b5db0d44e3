import { describe, expect, it } from 'vitest';
import { createOpenRedactionDetector, mapOpenRedactionType } from './openredaction.js';
import { createRedactPiiDetector } from './redact-pii.js';
import { createRedactPiiNodeDetector } from './redactpii-node.js';

const text = 'Hi David Johnson, please email david.johnson@brightmail.io or call 415-867-2309 today.';
const value = (s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('peer adapters', () => {
  it('redact-pii: spans point at the values it replaced, with our labels', async () => {
    const d = createRedactPiiDetector();
    await d.load();
    const { spans, sanitized } = await d.detect(text);
    expect(spans.map((s) => [value(s), s.label])).toContainEqual(['david.johnson@brightmail.io', 'EMAIL_ADDRESS']);
    expect(spans.map((s) => [value(s), s.label])).toContainEqual(['415-867-2309', 'PHONE_NUMBER']);
    expect(sanitized).not.toContain('david.johnson@brightmail.io');
    expect(sanitized).not.toMatch(/[\uE000-\uF8FF]/);
  });

  it('@redactpii/node: spans recovered from its fixed replacement words', async () => {
    const d = createRedactPiiNodeDetector();
    const { spans } = await d.detect(text);
    expect(spans.map((s) => [value(s), s.label])).toContainEqual(['david.johnson@brightmail.io', 'EMAIL_ADDRESS']);
    expect(spans.some((s) => s.label === 'PERSON' && value(s).includes('David Johnson'))).toBe(true);
  });

  it('openredaction: positions and types mapped to ours', async () => {
    const d = createOpenRedactionDetector();
    await d.load();
    const { spans } = await d.detect(text);
    expect(spans.map((s) => [value(s), s.label])).toContainEqual(['david.johnson@brightmail.io', 'EMAIL_ADDRESS']);
    expect(mapOpenRedactionType('PHONE_UK_MOBILE')).toBe('PHONE_NUMBER');
    expect(mapOpenRedactionType('XBOX_GAMERTAG')).toBe('PEER_OTHER');
  });
});
