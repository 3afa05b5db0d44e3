import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchDocument } from '../dataset.js';
import { NONE, scoreDocuments } from '../metrics.js';
import type { Prediction } from '../metrics.js';
import { summarizeLatency } from '../stats.js';
import { CompareError, compareJson, compareTable } from './compare.js';
import { errorsSection, latencyChart, renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { collectMeta, gitState, onnxFileOf } from './meta.js';
import { designJson } from './model.js';
import type { BenchReport } from './model.js';
import { confusionTable } from './rows.js';
import { renderText } from './text.js';

const CONTRACT_KEYS = ['dataset', 'config', 'documents', 'entities', 'micro', 'strict_micro', 'leak_rate', 'latency_ms', 'chars_per_s', 'peak_rss_mb'];

function reportOf(docs: BenchDocument[], predictions: Prediction[], entities: string[], extra: Partial<BenchReport> = {}): BenchReport {
  return {
    dataset: 'tiny.jsonl',
    config: 'patterns',
    documents: docs.length,
    entities: entities as BenchReport['entities'],
    tools: [
      {
        name: 'veil:patterns',
        claimedTypes: entities as BenchReport['entities'],
        quality: scoreDocuments(docs, predictions, entities as BenchReport['entities']),
        latency: summarizeLatency([0.05, 0.08, 0.3]),
        loadMs: 1,
        charsPerSecond: 1e6,
        peakRssMb: 70,
      },
    ],
    ...extra,
  };
}

describe('run metadata', () => {
  it('records date, commit, Node, onnxruntime-node, machine; no model for patterns', async () => {
    const now = new Date('2026-01-02T03:04:05.000Z');
    const meta = await collectMeta('patterns', now);
    expect(meta.date).toBe('2026-01-02T03:04:05.000Z');
    expect(meta.commit === null || /^[0-9a-f]{40}$/.test(meta.commit)).toBe(true);
    expect(meta.node).toBe(process.version);
    expect(meta.onnxruntime).toMatch(/^\d+\.\d+\.\d+/);
    expect(meta.model).toBeNull();
    expect(meta.machine.cores).toBeGreaterThan(0);
    expect(meta.machine.memory_gb).toBeGreaterThan(0);
    expect(meta.machine.cpu).not.toBe('');
  });

  it("hashes the bundled model's ONNX file with sha256", async () => {
    const meta = await collectMeta('bundled');
    expect(meta.model).toMatchObject({ name: 'veil-ner-small', file: 'onnx/model_quantized.onnx' });
    const onnx = onnxFileOf(join(import.meta.dirname, '../../../packages/ner-models/models/veil-ner-small'))!;
    const expected = createHash('sha256').update(readFileSync(onnx)).digest('hex');
    expect(meta.model!.sha256).toBe(expected);
  });

  it('gives null commit outside a git checkout instead of failing', () => {
    expect(gitState(mkdtempSync(join(tmpdir(), 'veil-no-git-')))).toEqual({ commit: null, dirty: null });
  });

  it('adds meta and confusion to the JSON after the contract keys, and shows the run in Markdown, HTML and text', async () => {
    const meta = await collectMeta('patterns');
    const doc: BenchDocument = { id: 'd', text: 'mail a@b.io', spans: [{ start: 5, end: 11, label: 'EMAIL_ADDRESS' }], ignored: [] };
    const report = reportOf([doc], [{ spans: doc.spans, sanitized: 'mail [E]' }], ['EMAIL_ADDRESS'], { meta });
    const json = designJson(report);
    expect(Object.keys(json)).toEqual([...CONTRACT_KEYS, 'meta', 'confusion']);
    expect(json.meta).toEqual(meta);
    expect(renderMarkdown(report)).toContain(`| Node | ${process.version} |`);
    expect(renderHtml(report)).toContain(`<th>onnxruntime-node</th><td>${meta.onnxruntime}</td>`);
    expect(renderText(report)).toMatch(/^run: \d{4}-.*Node v\d+/m);
  });
});

describe('confusion of types', () => {
  // Ann Lee (PERSON), Paris (LOCATION), Acme (ORGANIZATION, not scored), Rome (LOCATION), Kim (PERSON, ignored).
  const text = 'Ann Lee met Paris staff at Acme in Rome with Kim and Bob.';
  const at = (s: string) => text.indexOf(s);
  const span = (s: string, label: string) => ({ start: at(s), end: at(s) + s.length, label });
  const doc: BenchDocument = {
    id: 'tiny',
    text,
    spans: [span('Ann Lee', 'PERSON'), span('Paris', 'LOCATION'), span('Acme', 'ORGANIZATION'), span('Rome', 'LOCATION')],
    ignored: [span('Kim', 'PERSON')],
  };
  const predictions: Prediction[] = [
    {
      sanitized: '',
      spans: [
        span('Ann Lee', 'PERSON'), // right
        span('Paris', 'PERSON'), // a LOCATION taken for a PERSON
        span('Acme', 'PERSON'), // landed on an unscored gold type
        span('Kim', 'PERSON'), // on an ignored span: dropped, as the scorer does
        span('Bob', 'PERSON'), // on nothing: spurious
        span('staff', 'LOCATION'), // on nothing
        { start: at('Ann Lee'), end: at('Ann Lee') + 3, label: 'LOCATION' }, // overlaps a gold span already taken
        // Rome: missed
      ],
    },
  ];
  const entities = ['PERSON', 'LOCATION'];

  it('counts, per predicted type, the gold type it landed on, spurious and missed', () => {
    const q = scoreDocuments([doc], predictions, entities as BenchReport['entities']);
    expect(q.confusion).toEqual({
      PERSON: { PERSON: 1, LOCATION: 1, ORGANIZATION: 1, [NONE]: 1 },
      LOCATION: { [NONE]: 2 },
      [NONE]: { LOCATION: 1 },
    });
    // Rows add up to the scorer's tp + fp; the diagonal is its tp.
    for (const type of entities) {
      const row = q.confusion[type]!;
      const sum = Object.values(row).reduce((a, b) => a + b, 0);
      expect(sum).toBe(q.entities[type]!.tp + q.entities[type]!.fp);
      expect(row[type] ?? 0).toBe(q.entities[type]!.tp);
    }
    // Gold LOCATION: one hit by a PERSON, one by nothing: the scorer's fn.
    expect(q.confusion.PERSON!.LOCATION! + q.confusion[NONE]!.LOCATION!).toBe(q.entities.LOCATION!.fn);
  });

  it('renders the compact table', () => {
    const table = confusionTable(reportOf([doc], predictions, entities).tools[0]!, entities)!;
    expect(table.rows).toEqual([
      ['PERSON', '4', '1', 'LOCATION 1, ORGANIZATION 1', '1'],
      ['LOCATION', '2', '0', '-', '2'],
      ['none (gold missed)', '1', '', 'LOCATION 1', ''],
    ]);
  });
});

describe('HTML errors view', () => {
  const hostile = 'Hi <script>alert("x")</script> & <img src=x onerror=alert(1)> bye';
  const start = hostile.indexOf('<script>');
  const end = hostile.indexOf('</script>') + '</script>'.length;
  const doc: BenchDocument = {
    id: `<b id='x'>doc</b>`,
    text: hostile,
    spans: [{ start, end, label: 'PERSON' }],
    ignored: [],
  };
  const imgStart = hostile.indexOf('<img');
  const preds: Prediction[] = [{ spans: [{ start: imgStart, end: hostile.indexOf(' bye'), label: 'PERSON' }], sanitized: hostile }];

  it('escapes document text and ids, and highlights missed and spurious spans', () => {
    const report = reportOf([doc], preds, ['PERSON']);
    const page = renderHtml(report, { docs: [doc] });
    expect(page).not.toMatch(/<script|<img|<b id/);
    expect(page).toContain('<mark class="miss" title="missed PERSON">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</mark>');
    expect(page).toContain('<mark class="spur" title="spurious PERSON">&lt;img src=x onerror=alert(1)&gt;</mark>');
    expect(page).toContain('&lt;b id=&#39;x&#39;&gt;doc&lt;/b&gt;');
    expect(page).toContain(' &amp; ');
  });

  it('is bounded: at most N documents and spans, with a note', () => {
    const docs: BenchDocument[] = Array.from({ length: 5 }, (_, i) => ({
      id: `doc-${i}`,
      text: 'x '.repeat(400),
      spans: Array.from({ length: 10 }, (_, k) => ({ start: k * 40, end: k * 40 + 1, label: 'PERSON' as const })),
      ignored: [],
    }));
    const report = reportOf(docs, docs.map(() => ({ spans: [], sanitized: '' })), ['PERSON']);
    const section = errorsSection(report, docs, { maxDocuments: 2, maxSpans: 3, context: 10 });
    expect(section.match(/class="doc"/g)).toHaveLength(2);
    expect(section).toContain('Showing the first 2 of 5 documents with errors');
    expect(section).toContain('7 more spans in this document not shown');
    expect(section.match(/<mark class="miss" title/g)).toHaveLength(6);
    expect(section.length).toBeLessThan(5000);
  });
});

describe('latency chart', () => {
  it('uses a log axis with decade ticks, so sub-millisecond bars stay visible', () => {
    const doc: BenchDocument = { id: 'd', text: 'x', spans: [], ignored: [] };
    const report = reportOf([doc], [{ spans: [], sanitized: 'x' }], ['PERSON']);
    report.tools.push({ ...report.tools[0]!, name: 'slow', latency: summarizeLatency([40, 90]) });
    const svg = latencyChart(report);
    expect(svg).toContain('log scale');
    for (const tick of ['>0.01<', '>0.1<', '>1<', '>10<', '>100<']) expect(svg).toContain(tick);
    const widths = [...svg.matchAll(/<rect x="\d+" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(4);
    // fast p95, fast p50, slow p95, slow p50: all visible, and the slow one is not 1000x the fast one.
    expect(Math.min(...widths)).toBeGreaterThan(50);
    expect(widths[2]! / widths[1]!).toBeLessThan(5);
  });
});

describe('--compare', () => {
  const base = { micro: { precision: 0.9, recall: 0.8, f1: 0.847 }, strict_micro: { f1: 0.8 }, leak_rate: 0.02, latency_ms: { p50: 2, p95: 4 }, chars_per_s: 100000, meta: { date: '2026-01-01T00:00:00.000Z', commit: 'a'.repeat(40) } };
  const now = { micro: { precision: 0.95, recall: 0.8, f1: 0.8706 }, strict_micro: { f1: 0.75 }, leak_rate: 0.01, latency_ms: { p50: 3, p95: 4 }, chars_per_s: 150000 };

  it('computes the change per metric', () => {
    const c = compareJson(base, now, 'base.json');
    const delta = Object.fromEntries(c.rows.map((r) => [r.metric, r.delta]));
    expect(delta.precision).toBeCloseTo(0.05);
    expect(delta.recall).toBe(0);
    expect(delta.F1).toBeCloseTo(0.0236);
    expect(delta['leak rate']).toBeCloseTo(-0.01);
    expect(delta['p50 latency']).toBe(1);
    expect(delta.throughput).toBe(50000);
    expect(c.baselineCommit).toBe('a'.repeat(40));
  });

  it('prints the changes, marking which way is better, in text and Markdown', () => {
    const c = compareJson(base, now, 'base.json');
    const rows = Object.fromEntries(compareTable(c).rows.map((r) => [r[0], r.slice(1)]));
    expect(rows.precision).toEqual(['90.00%', '95.00%', '+5.00 pt better']);
    expect(rows.recall).toEqual(['80.00%', '80.00%', '±0.00 pt']);
    expect(rows['leak rate']).toEqual(['2.00%', '1.00%', '−1.00 pt better']);
    expect(rows['p50 latency']).toEqual(['2.000 ms', '3.000 ms', '+1.000 ms (+50.0%) worse']);
    expect(rows.throughput).toEqual(['100.0k', '150.0k', '+50.0k (+50.0%) better']);
    const doc: BenchDocument = { id: 'd', text: 'x', spans: [], ignored: [] };
    const report = reportOf([doc], [{ spans: [], sanitized: 'x' }], ['PERSON'], { comparison: c });
    expect(renderText(report)).toMatch(/Change against base\.json \(2026-01-01T00:00:00\.000Z, aaaaaaaaaaaa\)\n/);
    expect(renderMarkdown(report)).toContain('| precision | 90.00% | 95.00% | +5.00 pt better |');
  });

  it('refuses a file that is not a --json output; a baseline without newer fields still compares', () => {
    expect(() => compareJson({ hello: 1 }, now, 'x.json')).toThrow(CompareError);
    const old = { micro: { precision: 1, recall: 1, f1: 1 } };
    const c = compareJson(old, now, 'old.json');
    expect(c.rows.find((r) => r.metric === 'p50 latency')).toMatchObject({ baseline: null, delta: null });
    expect(c.baselineDate).toBeNull();
  });

  it('notes when the two runs are not like for like', () => {
    const c = compareJson({ ...base, config: 'patterns', documents: 86 }, { ...now, config: 'bundled', documents: 86 }, 'b.json');
    expect(c.differences).toEqual(['config patterns → bundled']);
    const doc: BenchDocument = { id: 'd', text: 'x', spans: [], ignored: [] };
    const report = reportOf([doc], [{ spans: [], sanitized: 'x' }], ['PERSON'], { comparison: c });
    expect(renderText(report)).toContain('note: not like for like: config patterns → bundled');
    expect(renderHtml(report)).toContain('<p class="note">note: not like for like: config patterns → bundled</p>');
    expect(compareJson(base, now, 'b.json').differences).toEqual([]);
  });
});
