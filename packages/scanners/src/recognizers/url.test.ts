import { describe, expect, it } from 'vitest';
import { trimUrl, urlRecognizer } from './url.js';
import { expectFinding, expectNoFinding, expectSurvivesAdversarialInput } from './__fixtures__/support.js';

const recognizer = urlRecognizer();

describe('URL recognizer', () => {
  it.each([
    'https://example.com',
    'http://example.com/path/to/page.html',
    'https://sub.example.co.uk/search?q=veil&lang=en#top',
    'https://example.com:8443/api/v1/users/42',
    'www.example.org',
    'www.example.org/about',
    'HTTPS://EXAMPLE.COM/CAPS',
    'http://localhost:3000/debug',
    'https://en.wikipedia.org/wiki/Foo_(bar)',
    'https://user@example.com/private',
  ])('finds %s', async (url) => {
    const finding = await expectFinding(recognizer, `See ${url} for details`, url, 0.8);
    expect(finding.type).toBe('URL');
  });

  it('trims sentence punctuation and unbalanced closing brackets', async () => {
    await expectFinding(recognizer, 'Read https://example.com/a.', 'https://example.com/a');
    await expectFinding(recognizer, '(see https://example.com/a)!', 'https://example.com/a');
    await expectFinding(recognizer, 'links: https://example.com/a, https://example.com/b;', 'https://example.com/a');
    await expectFinding(recognizer, 'links: https://example.com/a, https://example.com/b;', 'https://example.com/b');
    expect(trimUrl('https://en.wikipedia.org/wiki/Foo_(bar)).')).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
  });

  it.each([
    'ftp://example.com/file',
    'example.com',
    'https://',
    'http://exa mple.com',
    'www.',
    'https://-bad-.com',
    'mailto:john@example.com',
    'https://exa_mple..com',
    'nothttps://example.com',
    'swww.example.org',
    'http://999.999.999.999999',
  ])('rejects the near miss %s', async (text) => {
    await expectNoFinding(recognizer, text);
  });

  it('returns on ~100 KB adversarial input', async () => {
    await expectSurvivesAdversarialInput(recognizer);
  });
});
