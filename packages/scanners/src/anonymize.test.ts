import { PLACEHOLDER_PATTERN, Vault } from '@veil/vault';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Anonymize } from './anonymize.js';
import { ConfigurationError, InvalidInputError, RecognizerError } from './errors.js';
import { createNerRecognizer } from './ner/index.js';
import type { Finding, Recognizer } from './types.js';

// The NER factory is replaced so tests can see when (and whether) Anonymize asks for a model.
vi.mock('./ner/index.js', () => ({
  createNerRecognizer: vi.fn((option: unknown) => {
    if (typeof option === 'object' && option !== null) return option;
    throw new Error('no model in tests');
  }),
}));

/** A recognizer that reports every match of `pattern` (which must be global) as `type`. */
function patternRecognizer(name: string, type: string, pattern: RegExp, score = 0.9): Recognizer {
  return {
    name,
    types: [type],
    analyze: (text) => [...text.matchAll(pattern)].map((m): Finding => ({
      type, start: m.index, end: m.index + m[0].length, text: m[0], score, recognizer: name,
    })),
  };
}

/** A recognizer that returns fixed spans, to set up overlaps and scores exactly. */
function fixedRecognizer(name: string, spans: Array<[type: string, start: number, end: number, score: number]>): Recognizer {
  return {
    name,
    types: [...new Set(spans.map((s) => s[0]))],
    analyze: (text) => spans.map(([type, start, end, score]) => ({ type, start, end, score, text: text.slice(start, end), recognizer: name })),
  };
}

const EMAIL = patternRecognizer('test_email', 'EMAIL_ADDRESS', /[a-z0-9.]{1,64}@[a-z0-9]{1,63}\.[a-z]{2,10}/g);
const PERSON = patternRecognizer('test_person', 'PERSON', /\b(?:Ann Lee|Bob Stone|John Doe)\b/gi, 0.85);

const anonymizer = (options: ConstructorParameters<typeof Anonymize>[0] = {}) =>
  new Anonymize({ ner: false, defaultRecognizers: false, recognizers: [EMAIL, PERSON], ...options });

beforeEach(() => {
  vi.mocked(createNerRecognizer).mockClear();
});

describe('Anonymize placeholders', () => {
  it('replaces values with numbered placeholders recorded in the vault', async () => {
    const vault = new Vault();
    const prompt = 'Bob Stone wrote to ann@example.com and to Ann Lee.';
    const result = await anonymizer({ vault }).scan(prompt);
    expect(result.sanitized).toBe('[REDACTED_PERSON_1] wrote to [REDACTED_EMAIL_ADDRESS_1] and to [REDACTED_PERSON_2].');
    expect(result.isValid).toBe(false);
    expect(result.findings.map((f) => [f.type, f.text, f.placeholder])).toEqual([
      ['PERSON', 'Bob Stone', '[REDACTED_PERSON_1]'],
      ['EMAIL_ADDRESS', 'ann@example.com', '[REDACTED_EMAIL_ADDRESS_1]'],
      ['PERSON', 'Ann Lee', '[REDACTED_PERSON_2]'],
    ]);
    for (const f of result.findings) expect(prompt.slice(f.start, f.end)).toBe(f.text);
    expect(await vault.valueOf('[REDACTED_PERSON_2]')).toBe('Ann Lee');
  });

  it('gives a repeated value one placeholder, within a prompt and across scans', async () => {
    const vault = new Vault();
    const scanner = anonymizer({ vault });
    const first = await scanner.scan('ann@example.com, again ann@example.com');
    expect(first.sanitized).toBe('[REDACTED_EMAIL_ADDRESS_1], again [REDACTED_EMAIL_ADDRESS_1]');
    const second = await scanner.scan('new bo@example.org and old ann@example.com');
    expect(second.sanitized).toBe('new [REDACTED_EMAIL_ADDRESS_2] and old [REDACTED_EMAIL_ADDRESS_1]');
  });

  it('returns clean results for text without findings and for empty text', async () => {
    const scanner = anonymizer({ preamble: 'NOTE: ' });
    expect(await scanner.scan('nothing to see here')).toEqual({ sanitized: 'nothing to see here', isValid: true, riskScore: -1, findings: [] });
    expect(await scanner.scan('')).toEqual({ sanitized: '', isValid: true, riskScore: -1, findings: [] });
  });

  it('prepends the preamble only when something was redacted', async () => {
    const scanner = anonymizer({ preamble: 'Placeholders stand for private data. ' });
    expect((await scanner.scan('Hi Ann Lee')).sanitized).toBe('Placeholders stand for private data. Hi [REDACTED_PERSON_1]');
    expect((await scanner.scan('Hi there')).sanitized).toBe('Hi there');
  });
});

describe('Anonymize and placeholders already in the prompt', () => {
  it('leaves them alone, so anonymizing twice changes nothing', async () => {
    const vault = new Vault();
    const hideAll = fixedRecognizer('greedy', [['CUSTOM', 0, 24, 0.99]]);
    const scanner = anonymizer({ vault, hiddenNames: ['redacted'] });
    const first = await scanner.scan('Ann Lee wrote to ann@example.com');
    const second = await scanner.scan(first.sanitized);
    expect(second).toMatchObject({ sanitized: first.sanitized, isValid: true, riskScore: -1 });
    // Even a finding that covers a placeholder is dropped rather than nesting placeholders.
    const nested = await anonymizer({ vault, recognizers: [hideAll] }).scan('[REDACTED_PERSON_1] again');
    expect(nested.sanitized).toBe('[REDACTED_PERSON_1] again');
  });
});

describe('Anonymize scores', () => {
  it('ignores findings below the threshold and scores risk from the highest kept one', async () => {
    const rec = fixedRecognizer('fixed', [['PERSON', 0, 3, 0.4], ['LOCATION', 4, 9, 0.85]]);
    const prompt = 'Ann Paris';
    const base = { recognizers: [rec] };
    const defaultThreshold = await anonymizer(base).scan(prompt);
    expect(defaultThreshold.sanitized).toBe('Ann [REDACTED_LOCATION_1]');
    expect(defaultThreshold.riskScore).toBe(0.7);
    const low = await new Anonymize({ ner: false, defaultRecognizers: false, ...base, threshold: 0.3 }).scan(prompt);
    expect(low.sanitized).toBe('[REDACTED_PERSON_1] [REDACTED_LOCATION_1]');
    expect(low.riskScore).toBe(0.8);
    const high = await new Anonymize({ ner: false, defaultRecognizers: false, ...base, threshold: 0.9 }).scan(prompt);
    expect(high).toMatchObject({ sanitized: prompt, isValid: true, riskScore: -1 });
    const exact = await new Anonymize({ ner: false, defaultRecognizers: false, recognizers: [fixedRecognizer('f', [['PERSON', 0, 3, 0.5]])] }).scan(prompt);
    expect(exact).toMatchObject({ sanitized: '[REDACTED_PERSON_1] Paris', isValid: false, riskScore: 0 });
  });

  it('keeps only the requested entity types', async () => {
    const result = await anonymizer({ entityTypes: ['EMAIL_ADDRESS'] }).scan('Ann Lee <ann@example.com>');
    expect(result.sanitized).toBe('Ann Lee <[REDACTED_EMAIL_ADDRESS_1]>');
  });

  it('matches entity types case-insensitively', async () => {
    const result = await anonymizer({ entityTypes: ['email_address', 'Person'] }).scan('Ann Lee <ann@example.com>');
    expect(result.sanitized).toBe('[REDACTED_PERSON_1] <[REDACTED_EMAIL_ADDRESS_1]>');
    const phones = await new Anonymize({ ner: false, entityTypes: ['phone-number'] }).scan('call (415) 867-2309, ann@example.com');
    expect(phones.sanitized).toBe('call [REDACTED_PHONE_NUMBER_1], ann@example.com');
  });

  it('passes phoneRegions to the phone recognizer', async () => {
    const prompt = 'Sydney 0491 57 03 26.';
    expect((await new Anonymize({ ner: false }).scan(prompt)).sanitized).toBe('Sydney [REDACTED_PHONE_NUMBER_1].');
    expect((await new Anonymize({ ner: false, phoneRegions: ['GB'] }).scan(prompt)).sanitized).toBe(prompt);
    expect(() => new Anonymize({ ner: false, phoneRegions: ['Narnia'] })).toThrow(ConfigurationError);
  });

  it('rejects an unknown entity type instead of silently redacting nothing', () => {
    const error = (() => {
      try {
        new Anonymize({ ner: false, entityTypes: ['PHONE'] });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('unknown entity type "PHONE" in entityTypes');
    for (const known of ['PHONE_NUMBER', 'EMAIL_ADDRESS', 'PERSON', 'CUSTOM']) expect((error as Error).message).toContain(known);
    expect(() => new Anonymize({ ner: false, entityTypes: ['person', 'SSN'] })).toThrow(ConfigurationError);
  });

  it('knows the types custom recognizers declare, in any case', async () => {
    const badge = patternRecognizer('badge', 'Badge_Id', /B-\d{4}/g);
    const result = await anonymizer({ recognizers: [badge], entityTypes: ['BADGE_ID'] }).scan('badge B-1234');
    expect(result.sanitized).toBe('badge [REDACTED_BADGE_ID_1]');
    expect(() => anonymizer({ recognizers: [{ ...badge, types: [''] }] })).toThrow(ConfigurationError);
    expect(() => anonymizer({ recognizers: [{ ...badge, types: ['a b!'] }] })).toThrow(/invalid entity type.*known types: /);
  });

  it('reads a recognizer type spelled in another case as the known type', async () => {
    const lower = patternRecognizer('lower', 'email_address', /[a-z]+@example\.com/g);
    const result = await new Anonymize({ ner: false, defaultRecognizers: false, recognizers: [lower], entityTypes: ['EMAIL_ADDRESS'] }).scan('to ann@example.com');
    expect(result.sanitized).toBe('to [REDACTED_EMAIL_ADDRESS_1]');
    expect(result.findings[0]!.type).toBe('EMAIL_ADDRESS');
  });

  it('fails closed on a finding of a type its recognizer did not declare', async () => {
    const liar: Recognizer = { ...patternRecognizer('liar', 'PERSON', /Ann/g), types: ['LOCATION'] };
    await expect(anonymizer({ recognizers: [liar] }).scan('Ann')).rejects.toThrow(RecognizerError);
  });
});

describe('Anonymize overlaps', () => {
  it('never emits overlapping replacements', async () => {
    const prompt = 'Jordan Hill Street';
    const rec = fixedRecognizer('fixed', [['PERSON', 0, 11, 0.7], ['LOCATION', 7, 18, 0.9], ['ORGANIZATION', 0, 6, 0.6]]);
    const result = await anonymizer({ recognizers: [rec] }).scan(prompt);
    // PERSON loses to LOCATION; ORGANIZATION then overlaps nothing that was kept.
    expect(result.sanitized).toBe('[REDACTED_ORGANIZATION_1] [REDACTED_LOCATION_1]');
    expect(result.findings.map((f) => f.type)).toEqual(['ORGANIZATION', 'LOCATION']);
  });

  it('on equal scores prefers the longer span', async () => {
    const rec = fixedRecognizer('fixed', [['PERSON', 0, 6, 0.8], ['LOCATION', 0, 18, 0.8]]);
    expect((await anonymizer({ recognizers: [rec] }).scan('Jordan Hill Street')).sanitized).toBe('[REDACTED_LOCATION_1]');
  });

  it('trims whitespace from spans and merges same-type overlaps', async () => {
    const rec = fixedRecognizer('fixed', [['PERSON', 2, 9, 0.9], ['PERSON', 6, 14, 0.6]]);
    const result = await anonymizer({ recognizers: [rec] }).scan('a  Ann Lee Mae z');
    expect(result.sanitized).toBe('a  [REDACTED_PERSON_1] z');
    expect(result.findings[0]!.text).toBe('Ann Lee Mae');
  });
});

describe('Anonymize allowed and hidden names', () => {
  it('never redacts allowed names (case-insensitive, whole value)', async () => {
    const result = await anonymizer({ allowedNames: ['  john DOE '] }).scan('john doe met Ann Lee and JOHN DOE');
    expect(result.sanitized).toBe('john doe met [REDACTED_PERSON_1] and JOHN DOE');
    const partial = fixedRecognizer('fixed', [['PERSON', 0, 4, 0.9]]);
    expect((await anonymizer({ recognizers: [partial], allowedNames: ['John Doe'] }).scan('John')).sanitized).toBe('[REDACTED_PERSON_1]');
  });

  it('never redacts part of an allowed name, but still redacts a longer value around it', async () => {
    const text = 'Acme Support and Acme Support Team';
    // A model that tags only "Acme" inside the allowed "Acme Support", and the whole of the longer team name.
    const model = fixedRecognizer('fixed', [['PERSON', 0, 4, 0.9], ['ORGANIZATION', 17, 34, 0.9]]);
    const result = await anonymizer({ recognizers: [model], allowedNames: ['acme support'] }).scan(text);
    expect(result.sanitized).toBe('Acme Support and [REDACTED_ORGANIZATION_1]');
  });

  it('always redacts hidden names as CUSTOM, whole words only, literally', async () => {
    const scanner = anonymizer({ hiddenNames: ['Test LLC', 'A+B (Ltd.)'], entityTypes: ['EMAIL_ADDRESS'] });
    const result = await scanner.scan('test llc, TEST   LLC, Test LLCs, ATest LLC, AAB (Ltd.) and A+B (Ltd.).');
    expect(result.sanitized).toBe('[REDACTED_CUSTOM_1], [REDACTED_CUSTOM_2], Test LLCs, ATest LLC, AAB (Ltd.) and [REDACTED_CUSTOM_3].');
    expect(result.findings.every((f) => f.type === 'CUSTOM' && f.score === 1)).toBe(true);
    expect(result.riskScore).toBe(1);
  });

  it('matches a hidden name glued to a word of another script, not to one of its own', async () => {
    const scanner = anonymizer({ hiddenNames: ['Maria Gonzalez', '田中'], entityTypes: ['EMAIL_ADDRESS'] });
    const result = await scanner.scan('電話Maria Gonzalez様, 由maria gonzalez负责, Mariah Gonzalez, Maria Gonzalez2, 田中さん, 田中村');
    expect(result.sanitized).toBe('電話[REDACTED_CUSTOM_1]様, 由[REDACTED_CUSTOM_2]负责, Mariah Gonzalez, Maria Gonzalez2, [REDACTED_CUSTOM_3]さん, 田中村');
  });

  it('refuses a name that is both allowed and hidden, without naming it', () => {
    expect(() => anonymizer({ allowedNames: ['Ann Lee'], hiddenNames: ['ann lee'] })).toThrow(ConfigurationError);
    try {
      anonymizer({ allowedNames: ['Ann Lee'], hiddenNames: ['ann lee'] });
    } catch (e) {
      expect((e as Error).message.toLowerCase()).not.toContain('ann lee');
    }
  });
});

describe('Anonymize text handling', () => {
  it('sees through zero-width characters and redacts them with the value', async () => {
    const vault = new Vault();
    const prompt = 'mail jo\u200Bhn\u00AD@exa\uFEFFmple.com now';
    const result = await anonymizer({ vault }).scan(prompt);
    expect(result.sanitized).toBe('mail [REDACTED_EMAIL_ADDRESS_1] now');
    expect(result.findings[0]).toMatchObject({ start: 5, end: prompt.length - 4, text: 'jo\u200Bhn\u00AD@exa\uFEFFmple.com' });
    expect(await vault.valueOf('[REDACTED_EMAIL_ADDRESS_1]')).toBe('jo\u200Bhn\u00AD@exa\uFEFFmple.com');
    expect((await anonymizer().scan('Ann\u200B Lee')).sanitized).toBe('[REDACTED_PERSON_1]');
  });

  it('reports UTF-16 offsets into the original prompt around emoji', async () => {
    const prompt = '👋🏽 Ann Lee — 📧 ann@example.com 🎉';
    const result = await anonymizer().scan(prompt);
    expect(result.sanitized).toBe('👋🏽 [REDACTED_PERSON_1] — 📧 [REDACTED_EMAIL_ADDRESS_1] 🎉');
    for (const f of result.findings) expect(prompt.slice(f.start, f.end)).toBe(f.text);
  });

  it('widens a span that would split a surrogate pair, and keeps lone surrogates', async () => {
    const prompt = '\uD800 x😀y \uDC00';
    const rec = fixedRecognizer('fixed', [['CUSTOM', 2, 4, 0.9]]); // ends between the halves of 😀
    const result = await anonymizer({ recognizers: [rec] }).scan(prompt);
    expect(result.sanitized).toBe('\uD800 [REDACTED_CUSTOM_1]y \uDC00');
    expect(result.findings[0]!.text).toBe('x😀');
  });

  it('rejects non-string input with a typed error', async () => {
    const scanner = anonymizer();
    for (const bad of [undefined, null, 42, { text: 'x' }, ['x']]) {
      await expect(scanner.scan(bad as unknown as string)).rejects.toBeInstanceOf(InvalidInputError);
    }
    await expect(anonymizer({ maxLength: 10 }).scan('a'.repeat(11))).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('handles a 1 MB prompt', async () => {
    const line = 'Lorem ipsum dolor sit amet, write to user.NUM@example.com or call nobody. ';
    const lines = Array.from({ length: 14_000 }, (_, i) => line.replace('NUM', String(i % 500)));
    const prompt = lines.join('');
    expect(prompt.length).toBeGreaterThan(1_000_000);
    const vault = new Vault();
    const result = await anonymizer({ vault }).scan(prompt);
    expect(result.findings).toHaveLength(14_000);
    expect(result.sanitized).not.toContain('@');
    expect(await vault.entries()).toHaveLength(500);
    expect(result.sanitized).toContain('[REDACTED_EMAIL_ADDRESS_500]');
  });
});

describe('Anonymize recognizers', () => {
  it('fails closed with a RecognizerError that does not repeat the failure text', async () => {
    const broken: Recognizer = { name: 'broken', types: ['PERSON'], analyze: () => { throw new Error('cannot parse Ann Lee'); } };
    const scanner = anonymizer({ recognizers: [EMAIL, broken] });
    const error = await scanner.scan('Ann Lee, ann@example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecognizerError);
    expect((error as RecognizerError).recognizer).toBe('broken');
    expect((error as Error).message).not.toContain('Ann');
    expect((error as Error).cause).toBeUndefined();
  });

  it('fails closed on findings outside the text or with bad scores', async () => {
    for (const bad of [[{ type: 'X', start: 0, end: 99, score: 0.9 }], [{ type: 'X', start: 0, end: 1, score: 7 }], 'nope']) {
      const rec = { name: 'liar', types: ['X'], analyze: () => bad } as unknown as Recognizer;
      await expect(anonymizer({ recognizers: [rec] }).scan('short')).rejects.toBeInstanceOf(RecognizerError);
    }
  });

  it('runs async recognizers in parallel', async () => {
    let running = 0;
    let peak = 0;
    const slow = (name: string): Recognizer => ({
      name, types: ['CUSTOM'],
      analyze: async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return [];
      },
    });
    await anonymizer({ recognizers: [slow('a'), slow('b'), slow('c')] }).scan('text');
    expect(peak).toBe(3);
  });

  it('skips recognizers whose types are not wanted', async () => {
    const analyze = vi.fn(() => []);
    await anonymizer({ recognizers: [{ name: 'ip', types: ['IP_ADDRESS'], analyze }], entityTypes: ['PERSON'] }).scan('1.2.3.4');
    expect(analyze).not.toHaveBeenCalled();
  });

  it('creates the NER recognizer lazily, once, and never when ner is false', async () => {
    const ner = patternRecognizer('fake_ner', 'LOCATION', /\bParis\b/g, 0.8);
    const scanner = new Anonymize({ ner, defaultRecognizers: false });
    expect(createNerRecognizer).not.toHaveBeenCalled();
    const results = await Promise.all([scanner.scan('Paris'), scanner.scan('to Paris'), scanner.ready()]);
    expect(results[1]!.sanitized).toBe('to [REDACTED_LOCATION_1]');
    expect(createNerRecognizer).toHaveBeenCalledTimes(1);

    await new Anonymize({ ner: false, defaultRecognizers: false }).scan('Paris');
    await new Anonymize({ ner: 'patterns', defaultRecognizers: false }).scan('Paris');
    await new Anonymize({ ner: 'bundled', defaultRecognizers: false, entityTypes: ['EMAIL_ADDRESS'] }).scan('Paris');
    expect(createNerRecognizer).toHaveBeenCalledTimes(1);
  });

  it('shares configuration and the NER recognizer with copies made by withVault', async () => {
    const ner = patternRecognizer('fake_ner', 'LOCATION', /\bParis\b/g, 0.8);
    const vault = new Vault();
    const scanner = new Anonymize({ ner, defaultRecognizers: false, recognizers: [EMAIL], preamble: '> ' });
    const chatA = scanner.withVault(vault.scope('a'));
    const chatB = scanner.withVault(vault.scope('b'));
    expect((await chatA.scan('x@example.com in Paris')).sanitized).toBe('> [REDACTED_EMAIL_ADDRESS_1] in [REDACTED_LOCATION_1]');
    expect((await chatB.scan('y@example.com')).sanitized).toBe('> [REDACTED_EMAIL_ADDRESS_1]');
    expect(await vault.scope('a').valueOf('[REDACTED_EMAIL_ADDRESS_1]')).toBe('x@example.com');
    expect(await vault.scope('b').valueOf('[REDACTED_EMAIL_ADDRESS_1]')).toBe('y@example.com');
    expect(await scanner.vault.entries()).toEqual([]);
    await scanner.scan('Paris');
    expect(createNerRecognizer).toHaveBeenCalledTimes(1);
    expect(() => scanner.withVault({} as Vault)).toThrow(ConfigurationError);
  });

  it('names, but does not chain, an unknown error from creating the NER recognizer', async () => {
    vi.mocked(createNerRecognizer).mockImplementationOnce(() => {
      throw new TypeError('cannot open /home/ann.lee/model');
    });
    const error = await new Anonymize({ ner: 'bundled', defaultRecognizers: false }).scan('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecognizerError);
    expect((error as Error).message).toContain('TypeError');
    expect((error as Error).message).not.toContain('ann.lee');
  });

  it('fails closed when the NER model cannot be created, and retries on the next scan', async () => {
    const scanner = new Anonymize({ ner: 'bundled', defaultRecognizers: false });
    await expect(scanner.scan('Paris')).rejects.toThrow();
    await expect(scanner.scan('Paris')).rejects.toThrow();
    expect(createNerRecognizer).toHaveBeenCalledTimes(2);
  });

  it('rejects bad options with ConfigurationError', () => {
    expect(() => anonymizer({ threshold: 1.5 })).toThrow(ConfigurationError);
    expect(() => anonymizer({ threshold: Number.NaN })).toThrow(ConfigurationError);
    expect(() => anonymizer({ entityTypes: [] })).toThrow(ConfigurationError);
    expect(() => anonymizer({ allowedNames: 'Ann' as unknown as string[] })).toThrow(ConfigurationError);
    expect(() => anonymizer({ recognizers: [{ name: 'x' } as unknown as Recognizer] })).toThrow(ConfigurationError);
    expect(() => anonymizer({ vault: {} as Vault })).toThrow(ConfigurationError);
  });
});

describe('Anonymize concurrency', () => {
  it('gives consistent placeholders to concurrent scans sharing one instance and vault', async () => {
    const vault = new Vault();
    const scanner = anonymizer({ vault });
    const prompts = Array.from({ length: 60 }, (_, i) => `from u${i % 7}@example.com to u${(i * 3) % 11}@example.com`);
    const results = await Promise.all(prompts.map((p) => scanner.scan(p)));
    const byValue = new Map<string, string>();
    const byPlaceholder = new Map<string, string>();
    for (const r of results) {
      for (const f of r.findings) {
        expect(byValue.get(f.text) ?? f.placeholder).toBe(f.placeholder);
        expect(byPlaceholder.get(f.placeholder) ?? f.text).toBe(f.text);
        byValue.set(f.text, f.placeholder);
        byPlaceholder.set(f.placeholder, f.text);
        expect(await vault.valueOf(f.placeholder)).toBe(f.text);
      }
    }
    expect(byValue.size).toBe(11);
  });
});

describe('Anonymize and a model span over part of a pattern value', () => {
  it('leaves no part of a checksum-valid card uncovered', async () => {
    const prompt = 'Place live Said 3782 822463 10005';
    const start = prompt.indexOf('Said');
    const model = fixedRecognizer('stand_in_model', [['LOCATION', start, start + 'Said 3782'.length, 0.99]]);
    const result = await new Anonymize({ ner: false, recognizers: [model] }).scan(prompt);
    expect(result.sanitized).toBe('Place live [REDACTED_LOCATION_1]');
    expect(result.findings).toMatchObject([{ type: 'LOCATION', start, end: prompt.length, text: 'Said 3782 822463 10005' }]);
    // The other way round: the card wins and the model's span is taken in.
    const low = fixedRecognizer('stand_in_model', [['LOCATION', start, start + 'Said 3782'.length, 0.51]]);
    const other = await new Anonymize({ ner: false, recognizers: [low] }).scan(prompt);
    expect(other.sanitized.replace(PLACEHOLDER_PATTERN, '')).not.toMatch(/\d|Said/);
    expect(other.findings.map((f) => f.text)).toEqual(['Said 3782 822463 10005']);
  });
});
