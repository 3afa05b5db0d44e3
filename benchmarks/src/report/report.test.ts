import { describe, expect, it } from 'vitest';
import { scoreDocuments } from '../metrics.js';
import { summarizeLatency } from '../stats.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { designJson } from './model.js';
import type { BenchReport } from './model.js';
import { renderErrors, renderText } from './text.js';

const doc = { id: 'd<1>', text: 'Ann Lee wrote to ann@lee.io', spans: [{ start: 0, end: 7, label: 'PERSON' }, { start: 17, end: 27, label: 'EMAIL_ADDRESS' }], ignored: [] };
const veilQuality = scoreDocuments([doc], [{ spans: doc.spans, sanitized: '[P] wrote to [E]' }], ['PERSON', 'EMAIL_ADDRESS']);
const peerQuality = scoreDocuments([doc], [{ spans: [doc.spans[1]!], sanitized: 'Ann Lee wrote to [E]' }], ['PERSON', 'EMAIL_ADDRESS']);

const report: BenchReport = {
  dataset: 'mini.jsonl',
  config: 'patterns',
  documents: 1,
  entities: ['PERSON', 'EMAIL_ADDRESS'],
  tools: [
    { name: 'veil:patterns', claimedTypes: ['PERSON', 'EMAIL_ADDRESS'], quality: veilQuality, latency: summarizeLatency([1, 2]), loadMs: 5, charsPerSecond: 1000, peakRssMb: 80 },
    { name: 'peer<x>', claimedTypes: ['EMAIL_ADDRESS'], quality: peerQuality, latency: summarizeLatency([4]), loadMs: 0, charsPerSecond: 500 },
    { name: 'presidio', claimedTypes: [], skipped: 'not installed' },
  ],
  roundTrip: { documents: 1, placed: 4, restored: 3, restoreRate: 0.75, mangled: 1, unresolved: 1 },
  deanonymize: { entries: 10_000, runs: 30, cachedMs: 0.051, rebuiltMs: 84.8 },
};

describe('reports', () => {
  it('prints one table with every tool, n/a for unclaimed types, skipped tools and the restore rate', () => {
    const text = renderText(report);
    expect(text).toMatch(/veil:patterns\s+100\.0\s+100\.0\s+100\.0/);
    expect(text).toMatch(/peer<x>\s+100\.0\s+50\.0\s+66\.7/);
    expect(text).toMatch(/PERSON\s+1\s+100\.0\/100\.0\/100\.0\s+n\/a/);
    expect(text).toContain('presidio skipped: not installed');
    expect(text).toContain('3/4 values restored (restore rate 75.00%)');
    expect(text).toContain('Deanonymize with a 10,000-entry vault (median of 30 calls): 0.05 ms keeping the matcher, 84.80 ms building it per call.');
    expect(renderMarkdown(report)).toContain('0.05 ms keeping the matcher');
    expect(renderHtml(report)).toContain('84.80 ms building it per call');
  });

  it('renders Markdown tables and a self-contained, escaped HTML page', () => {
    expect(renderMarkdown(report)).toContain('| veil:patterns | 100.0 | 100.0 | 100.0 |');
    const html = renderHtml(report);
    expect(html).toContain('peer&lt;x&gt;');
    expect(html).not.toContain('peer<x>');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
  });

  it('maps the Veil row to the DESIGN.md JSON', () => {
    const json = designJson(report);
    expect(json).toMatchObject({ documents: 1, leak_rate: 0, chars_per_s: 1000, peak_rss_mb: 80, latency_ms: { p50: 1, p95: 2 } });
    expect(Object.keys(json.entities as object)).toEqual(['PERSON', 'EMAIL_ADDRESS']);
  });

  it('lists missed and spurious spans per document', () => {
    const listing = renderErrors('peer', [doc], peerQuality.errors);
    expect(listing).toContain('# d<1>');
    expect(listing).toMatch(/missed\s+PERSON\s+0-7\s+"Ann Lee"/);
  });
});
