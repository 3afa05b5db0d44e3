import { Vault } from '@veil/vault';
import { describe, expect, it } from 'vitest';
import { Anonymize } from '../anonymize.js';
import { Deanonymize } from '../deanonymize.js';
import { isTextMediaType, protectBase64Text, protectDataUrl, protectUrl } from './embedded-text.js';
import { ConversationProtector } from './protect.js';

const EMAIL = 'jane.roe@example.com';
const PLACEHOLDER = '[REDACTED_EMAIL_ADDRESS_1]';

function protector(): ConversationProtector {
  const vault = new Vault();
  return new ConversationProtector(new Anonymize({ vault, ner: false }), new Deanonymize({ vault }));
}

describe('text inside URLs and files', () => {
  it('anonymizes user info, path segments, query keys and values and the fragment of http(s) URLs; keeps the host', async () => {
    const p = protector();
    const e = encodeURIComponent(EMAIL);
    const out = await protectUrl(`https://${e}:pw@files.example.org/u/${e}/a+b.png?to=${e}&${e}&x=1+2#${e}`, p);
    const ph = encodeURIComponent(PLACEHOLDER);
    expect(out).toBe(`https://${ph}:pw@files.example.org/u/${ph}/a+b.png?to=${ph}&${ph}&x=1+2#${ph}`);
  });

  it('reads + as a space in the query only, as browsers do', async () => {
    const out = await protectUrl('https://example.org/John+Smith?name=Jane+Roe+jane.roe%40example.com', protector());
    expect(out).toBe(`https://example.org/John+Smith?name=${encodeURIComponent(`Jane Roe ${PLACEHOLDER}`)}`);
  });

  it('returns a URL without PII exactly as given, even when the URL parser would normalize it', async () => {
    const url = 'HTTPS://Example.ORG:443/a/../b/%7e?q=%41&sig=a%2Fb';
    expect(await protectUrl(url, protector())).toBe(url);
  });

  it('anonymizes other schemes and text that is no URL as text', async () => {
    expect(await protectUrl(`s3://bucket/${EMAIL}/a.txt`, protector())).toBe(`s3://bucket/${PLACEHOLDER}/a.txt`);
    expect(await protectUrl(`not a url ${EMAIL}`, protector())).toBe(`not a url ${PLACEHOLDER}`);
  });

  it('anonymizes data URLs of text media types, base64 or percent-encoded; keeps binary ones', async () => {
    const b64 = (t: string) => Buffer.from(t).toString('base64');
    expect(await protectDataUrl(`data:text/csv;base64,${b64(`a,${EMAIL}`)}`, protector())).toBe(`data:text/csv;base64,${b64(`a,${PLACEHOLDER}`)}`);
    expect(await protectUrl(`data:,hi%20${encodeURIComponent(EMAIL)}`, protector())).toBe(`data:,${encodeURIComponent(`hi ${PLACEHOLDER}`)}`);
    const png = `data:image/png;base64,${b64(`\u0089PNG ${EMAIL}`)}`;
    expect(await protectUrl(png, protector())).toBe(png);
  });

  it('leaves base64 without PII untouched, padding and all', async () => {
    expect(await protectBase64Text('aGVsbG8=', protector())).toBe('aGVsbG8=');
  });

  it('knows text media types by their base type and suffix', () => {
    expect(['text/plain; charset=utf-8', 'TEXT/MARKDOWN', 'application/json', 'application/ld+json', 'image/svg+xml'].map(isTextMediaType)).toEqual([true, true, true, true, true]);
    expect(['application/pdf', 'image/png', 'application/octet-stream', 'textual/x', undefined].map(isTextMediaType)).toEqual([false, false, false, false, false]);
  });
});
