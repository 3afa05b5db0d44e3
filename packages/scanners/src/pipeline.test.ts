import { Vault } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { Anonymize } from './anonymize.js';
import { ConfigurationError, InvalidInputError } from './errors.js';
import { scanOutput, scanPrompt } from './pipeline.js';
import type { Finding, InputScanner, OutputScanner, Recognizer, ScanResult } from './types.js';

const EMAIL: Recognizer = {
  name: 'test_email',
  types: ['EMAIL_ADDRESS'],
  analyze: (text) => [...text.matchAll(/[a-z0-9.]{1,64}@[a-z0-9]{1,63}\.[a-z]{2,10}/g)].map((m): Finding => ({
    type: 'EMAIL_ADDRESS', start: m.index, end: m.index + m[0].length, text: m[0], score: 0.9, recognizer: 'test_email',
  })),
};

/** Flags prompts longer than `max` characters; changes nothing. */
class TooLong implements InputScanner {
  constructor(private readonly max: number) {}
  async scan(prompt: string): Promise<ScanResult> {
    const over = prompt.length > this.max;
    return { sanitized: prompt, isValid: !over, riskScore: over ? 1 : -1, findings: [] };
  }
}

/** Upper-cases the text; always valid. Shows that each scanner sees the previous one's output. */
const shout: InputScanner & { name: string } = {
  name: 'shout',
  scan: async (prompt) => ({ sanitized: prompt.toUpperCase(), isValid: true, riskScore: 0, findings: [] }),
};

/** Puts vault values back for exact placeholders; a minimal stand-in for Deanonymize. */
class Restore implements OutputScanner {
  constructor(private readonly vault: Vault) {}
  async scan(_prompt: string, output: string): Promise<ScanResult> {
    let restored = output;
    for (const { placeholder, value } of await this.vault.entries()) restored = restored.split(placeholder).join(value);
    return { sanitized: restored, isValid: true, riskScore: -1, findings: [] };
  }
}

const anonymize = (vault = new Vault()) => new Anonymize({ vault, ner: false, defaultRecognizers: false, recognizers: [EMAIL] });

describe('scanPrompt', () => {
  it('chains scanners and reports each one', async () => {
    const result = await scanPrompt([anonymize(), shout, new TooLong(1000)], 'mail ann@example.com please');
    expect(result.sanitized).toBe('MAIL [REDACTED_EMAIL_ADDRESS_1] PLEASE');
    expect(result.isValid).toBe(false);
    expect(result.riskScore).toBe(0.8);
    expect(Object.keys(result.results)).toEqual(['Anonymize', 'shout', 'TooLong']);
    expect(result.results.Anonymize).toMatchObject({ isValid: false, riskScore: 0.8 });
    expect(result.results.Anonymize!.findings).toHaveLength(1);
    expect(result.results.TooLong).toEqual({ isValid: true, riskScore: -1, findings: [] });
  });

  it('passes a clean prompt through as valid', async () => {
    const result = await scanPrompt([anonymize(), new TooLong(100)], 'nothing private');
    expect(result).toMatchObject({ sanitized: 'nothing private', isValid: true, riskScore: -1 });
  });

  it('stops at the first invalid result with failFast', async () => {
    const scanners = [new TooLong(3), shout, anonymize()];
    const slow = await scanPrompt(scanners, 'long ann@example.com');
    expect(Object.keys(slow.results)).toEqual(['TooLong', 'shout', 'Anonymize']);
    const fast = await scanPrompt(scanners, 'long ann@example.com', { failFast: true });
    expect(Object.keys(fast.results)).toEqual(['TooLong']);
    expect(fast).toMatchObject({ sanitized: 'long ann@example.com', isValid: false, riskScore: 1 });
  });

  it('keys repeated scanner names uniquely and accepts a record', async () => {
    const byArray = await scanPrompt([new TooLong(3), new TooLong(100)], 'abcd');
    expect(Object.keys(byArray.results)).toEqual(['TooLong', 'TooLong#2']);
    const byRecord = await scanPrompt({ pii: anonymize(), length: new TooLong(3) }, 'x@example.com');
    expect(Object.keys(byRecord.results)).toEqual(['pii', 'length']);
  });

  it('returns the prompt untouched with no scanners', async () => {
    expect(await scanPrompt([], 'hi')).toEqual({ sanitized: 'hi', isValid: true, riskScore: -1, results: {} });
  });

  it('rejects bad input and bad scanners before running any', async () => {
    await expect(scanPrompt([shout], 42 as unknown as string)).rejects.toBeInstanceOf(InvalidInputError);
    let ran = false;
    const spy: InputScanner = { scan: async (p) => { ran = true; return { sanitized: p, isValid: true, riskScore: -1, findings: [] }; } };
    await expect(scanPrompt([spy, {} as InputScanner], 'x')).rejects.toBeInstanceOf(ConfigurationError);
    expect(ran).toBe(false);
  });

  it('fails closed when a scanner throws', async () => {
    const broken: InputScanner = { scan: async () => { throw new Error('boom'); } };
    await expect(scanPrompt([anonymize(), broken], 'ann@example.com')).rejects.toThrow('boom');
  });
});

describe('scanOutput', () => {
  it('runs output scanners on the model output with the prompt alongside', async () => {
    const vault = new Vault();
    const { sanitized: prompt } = await scanPrompt([anonymize(vault)], 'write to ann@example.com');
    const seen: string[] = [];
    const record: OutputScanner = { scan: async (p, o) => { seen.push(p); return { sanitized: o, isValid: true, riskScore: -1, findings: [] }; } };
    const result = await scanOutput([new Restore(vault), record], prompt, 'Sent to [REDACTED_EMAIL_ADDRESS_1].');
    expect(result.sanitized).toBe('Sent to ann@example.com.');
    expect(result.isValid).toBe(true);
    expect(seen).toEqual([prompt]);
    expect(Object.keys(result.results)).toEqual(['Restore', 'scanner']);
  });

  it('rejects a non-string output', async () => {
    await expect(scanOutput([], 'p', undefined as unknown as string)).rejects.toBeInstanceOf(InvalidInputError);
  });
});
