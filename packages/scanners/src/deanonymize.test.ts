import { Vault } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { Deanonymize } from './deanonymize.js';
import { ConfigurationError, InvalidInputError } from './errors.js';
import { FUZZY_SLACK, PlaceholderMatcher } from './placeholder-match.js';

async function vaultWith(pairs: Array<[string, string]>): Promise<Vault> {
  const vault = new Vault();
  for (const [type, value] of pairs) await vault.placeholderFor(type, value);
  return vault;
}

describe('Deanonymize exact', () => {
  it('restores known placeholders and reports findings with offsets into the output', async () => {
    const vault = await vaultWith([['PERSON', 'John Smith'], ['EMAIL_ADDRESS', 'john@example.com']]);
    const scanner = new Deanonymize({ vault });
    const output = 'Dear [REDACTED_PERSON_1], we wrote to [REDACTED_EMAIL_ADDRESS_1].';
    const result = await scanner.scan('', output);
    expect(result.sanitized).toBe('Dear John Smith, we wrote to john@example.com.');
    expect(result.isValid).toBe(true);
    expect(result.riskScore).toBe(-1);
    expect(result.restored).toBe(2);
    expect(result.unknownPlaceholders).toEqual([]);
    expect(result.findings.map((f) => [f.type, output.slice(f.start, f.end)])).toEqual([
      ['PERSON', '[REDACTED_PERSON_1]'],
      ['EMAIL_ADDRESS', '[REDACTED_EMAIL_ADDRESS_1]'],
    ]);
  });

  it('leaves unknown placeholders as they are and reports them once', async () => {
    const vault = await vaultWith([['PERSON', 'Ann']]);
    const result = await new Deanonymize({ vault }).scan('', '[REDACTED_PERSON_2] and [REDACTED_PERSON_1], [REDACTED_PERSON_2]');
    expect(result.sanitized).toBe('[REDACTED_PERSON_2] and Ann, [REDACTED_PERSON_2]');
    expect(result.unknownPlaceholders).toEqual(['[REDACTED_PERSON_2]']);
    expect(result.restored).toBe(1);
  });

  it('does not restore a placeholder into a longer-numbered one', async () => {
    const vault = new Vault();
    for (let n = 1; n <= 12; n++) await vault.placeholderFor('PERSON', `Person number ${n}`);
    for (const matching of ['exact', 'case_insensitive', 'fuzzy', 'combined'] as const) {
      const out = (await new Deanonymize({ vault, matching }).scan('', '[REDACTED_PERSON_1] [REDACTED_PERSON_12] REDACTED_PERSON_11')).sanitized;
      expect(out.startsWith('Person number 1 Person number 12 ')).toBe(true);
      if (matching === 'fuzzy' || matching === 'combined') expect(out).toBe('Person number 1 Person number 12 Person number 11');
    }
  });

  it('ignores mangled placeholders in exact mode', async () => {
    const vault = await vaultWith([['PERSON', 'Ann']]);
    const result = await new Deanonymize({ vault }).scan('', '[redacted_person_1] REDACTED_PERSON_1');
    expect(result.sanitized).toBe('[redacted_person_1] REDACTED_PERSON_1');
    expect(result.restored).toBe(0);
  });

  it('returns an empty output unchanged and handles an empty vault', async () => {
    const vault = new Vault();
    const result = await new Deanonymize({ vault }).scan('', '');
    expect(result.sanitized).toBe('');
    const other = await new Deanonymize({ vault, matching: 'fuzzy' }).scan('', 'Hi [REDACTED_PERSON_1]');
    expect(other.sanitized).toBe('Hi [REDACTED_PERSON_1]');
    expect(other.unknownPlaceholders).toEqual(['[REDACTED_PERSON_1]']);
  });

  it('keeps broken surrogates and other characters as they are', async () => {
    const vault = await vaultWith([['PERSON', 'Zoë']]);
    const output = '\ud800 [REDACTED_PERSON_1] \udfff 🙂';
    expect((await new Deanonymize({ vault }).scan('', output)).sanitized).toBe('\ud800 Zoë \udfff 🙂');
  });

  it('reads only the vault scope it was given', async () => {
    const base = new Vault();
    const a = base.scope('conversation-a');
    const b = base.scope('conversation-b');
    await a.placeholderFor('PERSON', 'Alice');
    await b.placeholderFor('PERSON', 'Bob');
    expect((await new Deanonymize({ vault: a }).scan('', '[REDACTED_PERSON_1]')).sanitized).toBe('Alice');
    expect((await new Deanonymize({ vault: b }).scan('', '[REDACTED_PERSON_1]')).sanitized).toBe('Bob');
  });
});

describe('Deanonymize case_insensitive', () => {
  it('restores placeholders whose case changed', async () => {
    const vault = await vaultWith([['PERSON', 'Ann'], ['US_SSN', '078-05-1120']]);
    const result = await new Deanonymize({ vault, matching: 'case_insensitive' }).scan('', '[redacted_person_1] / [Redacted_Us_Ssn_1]');
    expect(result.sanitized).toBe('Ann / 078-05-1120');
    expect(result.findings.map((f) => f.score)).toEqual([0.9, 0.9]);
  });

  it('treats placeholders as literal text, never as a pattern', async () => {
    // A hostile vault entry full of regex syntax must match only itself.
    const entries = [{ placeholder: '[.*+?^${}()|\\]', type: 'CUSTOM', value: 'literal' }];
    const matcher = new PlaceholderMatcher(entries, 'case_insensitive');
    const vault = { entries: () => entries };
    const scanner = new Deanonymize({ vault, matching: 'case_insensitive' });
    expect((await scanner.scan('', 'a [.*+?^${}()|\\] b [anything]')).sanitized).toBe('a literal b [anything]');
    expect(matcher.holdbackLimit).toBe(entries[0]!.placeholder.length);
  });

  it('does not fold non-ASCII letters into placeholder letters', async () => {
    const vault = await vaultWith([['STRASSE', 'Main Street 1']]);
    const scanner = new Deanonymize({ vault, matching: 'case_insensitive' });
    expect((await scanner.scan('', '[redacted_straße_1] [redacted_strasse_1]')).sanitized).toBe('[redacted_straße_1] Main Street 1');
  });
});

describe('Deanonymize fuzzy', () => {
  const mangled = [
    '[REDACTED_PERSON_1]',
    '[redacted_person_1]',
    'REDACTED_PERSON_1',
    'REDACTED PERSON 1',
    'redacted person 1',
    '[REDACTED PERSON 1]',
    '[REDACTED_PERSON1]',
    '[REDACTEDPERSON_1]',
    'REDACTEDPERSON1',
    '{REDACTED-PERSON-1}',
    '<REDACTED_PERSON_1>',
    '[PERSON_1]',
    '[REDACTED_\u200bPERSON_1]',
  ];
  for (const form of mangled) {
    it(`restores ${JSON.stringify(form)}`, async () => {
      const vault = await vaultWith([['PERSON', 'John Smith'], ['PERSON', 'Jane Roe']]);
      for (const matching of ['fuzzy', 'combined'] as const) {
        const result = await new Deanonymize({ vault, matching }).scan('', `Hello ${form}, bye.`);
        expect(result.sanitized).toBe('Hello John Smith, bye.');
        expect(result.restored).toBe(1);
      }
    });
  }

  it('keeps parentheses around a placeholder: they are prose', async () => {
    const vault = await vaultWith([['PERSON', 'John Smith']]);
    const result = await new Deanonymize({ vault, matching: 'fuzzy' }).scan('', '(REDACTED-PERSON-1) ([REDACTED_PERSON_1])');
    expect(result.sanitized).toBe('(John Smith) (John Smith)');
  });

  it('scores exact hits 1 and fuzzy hits lower', async () => {
    const vault = await vaultWith([['PERSON', 'Ann']]);
    const result = await new Deanonymize({ vault, matching: 'fuzzy' }).scan('', '[REDACTED_PERSON_1] REDACTED PERSON 1');
    expect(result.findings.map((f) => f.score)).toEqual([1, 0.8]);
  });

  it('does not touch look-alikes glued to other words or numbers', async () => {
    const vault = await vaultWith([['PERSON', 'Ann']]);
    const scanner = new Deanonymize({ vault, matching: 'fuzzy' });
    for (const text of ['xREDACTED_PERSON_1', 'REDACTED_PERSON_12', 'REDACTED_PERSON_1x', 'REDACTED_PERSON_1_', 'REDACTED PER SON 1', 'REDACTED____PERSON_1']) {
      expect((await scanner.scan('', text)).sanitized).toBe(text);
    }
  });

  it('keeps a bracket that is not part of the placeholder', async () => {
    const vault = await vaultWith([['PERSON', 'Ann'], ['PERSON', 'Bob']]);
    const scanner = new Deanonymize({ vault, matching: 'fuzzy' });
    expect((await scanner.scan('', '(REDACTED_PERSON_1 and REDACTED_PERSON_2)')).sanitized).toBe('(Ann and Bob)');
  });

  it('never picks between two equally close entries', async () => {
    // US_SSN_1 and USS_SN_1 share their letters: without separators the text is as close to both.
    const vault = await vaultWith([['US_SSN', 'first'], ['USS_SN', 'second']]);
    const scanner = new Deanonymize({ vault, matching: 'fuzzy' });
    const tie = await scanner.scan('', 'x REDACTEDUSSSN1 y');
    expect(tie.sanitized).toBe('x REDACTEDUSSSN1 y');
    expect(tie.unknownPlaceholders).toEqual(['REDACTEDUSSSN1']);
    expect((await scanner.scan('', 'x REDACTED US SSN 1 y')).sanitized).toBe('x first y');
    expect((await scanner.scan('', 'x redacted uss-sn 1 y')).sanitized).toBe('x second y');
  });

  it('runs in linear time on adversarial text', async () => {
    const vault = new Vault();
    for (let n = 1; n <= 50; n++) await vault.placeholderFor('PERSON', `P${n}`);
    const scanner = new Deanonymize({ vault, matching: 'combined' });
    const nasty = '[REDACTED_PERSON_'.repeat(20_000) + 'R '.repeat(50_000) + '[[[[(((<'.repeat(10_000);
    const result = await scanner.scan('', nasty);
    expect(result.sanitized).toBe(nasty);
  });
});

describe('Deanonymize input checks', () => {
  it('rejects non-string output and prompt with a typed error', async () => {
    const scanner = new Deanonymize({ vault: new Vault() });
    await expect(scanner.scan('', 42 as unknown as string)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(scanner.scan(null as unknown as string, '')).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('rejects output over the length limit without echoing it', async () => {
    const scanner = new Deanonymize({ vault: new Vault(), maxLength: 10 });
    const error = await scanner.scan('', 'secret value 123').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(String((error as Error).message)).not.toContain('secret');
  });

  it('handles a megabyte of output', async () => {
    const vault = await vaultWith([['PERSON', 'Ann']]);
    const chunk = 'lorem ipsum [REDACTED_PERSON_1] dolor ';
    const output = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const result = await new Deanonymize({ vault, matching: 'combined' }).scan('', output);
    expect(result.restored).toBe(Math.ceil(1_000_000 / chunk.length));
    expect(result.sanitized).not.toContain('[REDACTED');
  });

  it('rejects bad configuration', () => {
    expect(() => new Deanonymize({ vault: new Vault(), matching: 'loose' as never })).toThrow(ConfigurationError);
    expect(() => new Deanonymize({ vault: {} as never })).toThrow(ConfigurationError);
  });

  it('states the fuzzy slack in the holdback limit', () => {
    const entries = [{ placeholder: '[REDACTED_PERSON_1]', type: 'PERSON', value: 'Ann' }];
    expect(new PlaceholderMatcher(entries, 'exact').holdbackLimit).toBe(19);
    expect(new PlaceholderMatcher(entries, 'fuzzy').holdbackLimit).toBe(19 + FUZZY_SLACK);
  });
});
