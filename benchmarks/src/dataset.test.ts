import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DatasetError, datasetEntityTypes, loadDataset, parseDocument } from './dataset.js';
import { normalizeLabel } from './labels.js';
import { codePointToUtf16Table, utf16ToCodePoint } from './offsets.js';

describe('code-point offsets', () => {
  it('maps code points to UTF-16 offsets across emoji', () => {
    const text = 'a😀b👩‍💻c';
    // a, 😀(2 units), b, 👩(2), ZWJ(1), 💻(2), c
    expect(codePointToUtf16Table(text)).toEqual([0, 1, 3, 4, 6, 7, 9, 10]);
    expect(utf16ToCodePoint(text, 9)).toBe(6);
  });

  it('converts dataset spans on text with emoji so that slices give the labelled value', () => {
    const text = '😀😀 Call Zhang Wei 📞 +44 20 7946 0958';
    // Python: text.index('Zhang') == 8 code points, value 'Zhang Wei' ends at 17
    const line = JSON.stringify({
      id: 'e1',
      text,
      spans: [
        { start: 8, end: 17, label: 'PER' },
        { start: 20, end: 36, label: 'PHONE_NUMBER' },
      ],
    });
    const doc = parseDocument(line, 1);
    expect(doc.spans.map((s) => [text.slice(s.start, s.end), s.label])).toEqual([
      ['Zhang Wei', 'PERSON'],
      ['+44 20 7946 0958', 'PHONE_NUMBER'],
    ]);
  });
});

describe('label mapping', () => {
  it('reads PER/LOC/ORG as Veil types and ignores MISC and OTHER', () => {
    expect(normalizeLabel('PER')).toBe('PERSON');
    expect(normalizeLabel('LOC')).toBe('LOCATION');
    expect(normalizeLabel('org')).toBe('ORGANIZATION');
    expect(normalizeLabel('EMAIL_ADDRESS')).toBe('EMAIL_ADDRESS');
    expect(normalizeLabel('MISC')).toBeUndefined();
    expect(normalizeLabel('OTHER')).toBeUndefined();
  });

  it('moves spans with an ignored orig_label aside instead of scoring them', () => {
    const line = JSON.stringify({
      id: 'gmb-1',
      text: 'Iraqi officials met in Baghdad.',
      spans: [
        { start: 0, end: 5, label: 'LOCATION', orig_label: 'gpe' },
        { start: 23, end: 30, label: 'LOCATION', orig_label: 'geo' },
        { start: 6, end: 15, label: 'MISC', orig_label: 'art' },
      ],
    });
    const doc = parseDocument(line, 1, { ignoreOrigLabels: ['gpe'] });
    expect(doc.spans).toEqual([{ start: 23, end: 30, label: 'LOCATION', origLabel: 'geo' }]);
    expect(doc.ignored).toEqual([{ start: 0, end: 5, label: 'LOCATION', origLabel: 'gpe' }]);
  });
});

describe('parseDocument errors', () => {
  it('rejects offsets outside the text with a message that names the line but not the text', () => {
    const line = JSON.stringify({ id: 'x', text: 'secret-name', spans: [{ start: 3, end: 40, label: 'PERSON' }] });
    expect(() => parseDocument(line, 7)).toThrow(DatasetError);
    try {
      parseDocument(line, 7);
    } catch (e) {
      expect((e as Error).message).toContain('line 7');
      expect((e as Error).message).not.toContain('secret');
    }
    expect(() => parseDocument('{"text": 3}', 1)).toThrow(/"text" must be a string/);
    expect(() => parseDocument('not json', 2)).toThrow(/line 2: not valid JSON/);
  });
});

describe('loadDataset', () => {
  it('reads .jsonl and .jsonl.gz alike and lists the gold types', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veil-bench-'));
    const body =
      [
        JSON.stringify({ id: 'a', text: 'Mail ann@example.com', spans: [{ start: 5, end: 20, label: 'EMAIL_ADDRESS' }] }),
        '',
        JSON.stringify({ id: 'b', text: 'Paris', spans: [{ start: 0, end: 5, label: 'LOC' }] }),
      ].join('\n') + '\n';
    writeFileSync(join(dir, 'd.jsonl'), body);
    writeFileSync(join(dir, 'd.jsonl.gz'), gzipSync(body));
    const plain = await loadDataset(join(dir, 'd.jsonl'));
    const gz = await loadDataset(join(dir, 'd.jsonl.gz'));
    expect(gz).toEqual(plain);
    expect(plain.map((d) => d.id)).toEqual(['a', 'b']);
    expect(datasetEntityTypes(plain)).toEqual(['EMAIL_ADDRESS', 'LOCATION']);
    expect(await loadDataset(join(dir, 'd.jsonl'), { limit: 1 })).toHaveLength(1);
  });
});
