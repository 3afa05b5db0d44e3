import { describe, expect, it } from 'vitest';
import { createPresidioDetector, presidioAvailable } from './presidio.js';

// Presidio is optional (Python); this runs where `pnpm --filter veil-bench run setup:presidio` was run.
describe.runIf(presidioAvailable())('presidio adapter', () => {
  it('maps code-point offsets from Python to UTF-16 and times each document', async () => {
    const d = createPresidioDetector();
    await d.load();
    const texts = ['😀😀 Write to maria.gonzalez@brightline.io today.', 'Nothing to see here.'];
    const { predictions, latenciesMs, loadMs } = await d.detectBatch!(texts);
    const email = predictions[0]!.spans.find((s) => s.label === 'EMAIL_ADDRESS');
    expect(email && texts[0]!.slice(email.start, email.end)).toBe('maria.gonzalez@brightline.io');
    expect(predictions[0]!.sanitized).toContain('<EMAIL_ADDRESS>');
    expect(latenciesMs).toHaveLength(2);
    expect(loadMs).toBeGreaterThan(0);
    expect(d.types).toContain('PERSON');
  });
});
