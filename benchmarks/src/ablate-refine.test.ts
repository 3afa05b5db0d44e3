import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Anonymize, ModelRecognizer, defaultRecognizers } from '@veil/scanners';
import { Vault } from '@veil/vault';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeLookupModel } from '../../packages/ner-models/src/__fixtures__/lookup-model.js';
import { CONFIGS, ENTITIES, collect, datasetName, renderMarkdown, scoreConfig, verdicts } from './ablate-refine.js';
import type { DatasetResult, Row } from './ablate-refine.js';
import type { BenchDocument } from './dataset.js';
import { createVeilDetector } from './detectors/veil.js';
import { scoreDocuments } from './metrics.js';
import { runDetector } from './run.js';

let modelDir: string;
beforeAll(() => {
  modelDir = writeLookupModel(join(mkdtempSync(join(tmpdir(), 'veil-ablate-')), 'lookup'));
});

/** A document with gold spans over the first occurrence of each value. */
function doc(id: string, text: string, ...gold: Array<[BenchDocument['spans'][number]['label'], string]>): BenchDocument {
  const spans = gold.map(([label, value]) => {
    const start = text.indexOf(value);
    return { start, end: start + value.length, label };
  });
  return { id, text, spans, ignored: [] };
}

const DOCS = [
  // The lookup model tags "Jackson" as a person; the places rule makes it the place it is in "Jackson, MS".
  doc('a', 'the file is for John Smith in Jackson, MS.', ['PERSON', 'John Smith'], ['LOCATION', 'Jackson']),
  doc('b', 'Mary met Acme Corp in Berlin, mail mary@acme.example', ['PERSON', 'Mary'], ['ORGANIZATION', 'Acme Corp'], ['LOCATION', 'Berlin']),
  doc('c', 'nothing to see here'),
  doc('d', 'Hi Hope,\nJohn Smith works for Globex in Paris.', ['PERSON', 'Hope'], ['PERSON', 'John Smith'], ['ORGANIZATION', 'Globex'], ['LOCATION', 'Paris']),
];

describe('ablate-refine', () => {
  it('scores the baseline exactly as the benchmark does, and no refinement as refine: false does', async () => {
    const model = new ModelRecognizer(modelDir, { refine: false });
    const patterns = defaultRecognizers();
    const cache = await collect(DOCS, patterns, model, 'test');

    const bench = await runDetector(createVeilDetector(modelDir), DOCS);
    expect(await scoreConfig(DOCS, cache, patterns, model, 'baseline')).toEqual(scoreDocuments(DOCS, bench.predictions, ENTITIES));

    const raw = new Anonymize({ vault: new Vault(), ner: { model: modelDir, refine: false } });
    const rawPredictions = [];
    for (const d of DOCS) {
      const r = await raw.scan(d.text);
      rawPredictions.push({ spans: r.findings.map((f) => ({ start: f.start, end: f.end, label: f.type })), sanitized: r.sanitized });
    }
    expect(await scoreConfig(DOCS, cache, patterns, model, 'no-refinement')).toEqual(scoreDocuments(DOCS, rawPredictions, ENTITIES));

    const baseline = await scoreConfig(DOCS, cache, patterns, model, 'baseline');
    const noPlaces = await scoreConfig(DOCS, cache, patterns, model, '-places');
    expect(noPlaces.micro.fp).toBeGreaterThan(baseline.micro.fp);
    const noCues = await scoreConfig(DOCS, cache, patterns, model, '-cues');
    expect(noCues.micro.fn).toBeGreaterThan(baseline.micro.fn);
  });

  it('keeps rules that help on average without hurting any dataset beyond the tolerance', () => {
    const row = (f1: number, leak = 0.1): Row => ({ precision: f1, recall: f1, f1, leak, tp: 0, fp: 0, fn: 0, perType: {} });
    const result = (name: string, changes: Record<string, number>): DatasetResult => ({
      name, path: name, documents: 1, ignoreOrigLabels: [], modelSeconds: 0, scoringSeconds: 0,
      rows: Object.fromEntries(CONFIGS.map((c) => [c, row(0.6 + (changes[c] ?? 0))])) as DatasetResult['rows'],
    });
    const results = [
      result('one', { '-cues': -0.02, '-edges': 0.01, '-acronyms': -0.03, '-places': 0.001 }),
      result('two', { '-cues': -0.01, '-edges': -0.001, '-acronyms': 0.006, '-places': -0.003 }),
    ];
    const byRule = Object.fromEntries(verdicts(results).map((v) => [v.rule, v]));
    expect(byRule.cues!.keep).toBe(true);
    expect(byRule.edges!.keep).toBe(false); // switching it off helps on average
    expect(byRule.acronyms!.keep).toBe(false); // helps on average, but costs "two" 0.6 points
    expect(byRule.acronyms!.why).toBe('hurts two by 0.60');
    expect(byRule.places!.keep).toBe(true);
    expect(byRule.initials!.why).toBe('no effect');
    expect(verdicts(results, 0.01).find((v) => v.rule === 'acronyms')!.keep).toBe(true);
    const md = renderMarkdown(results, 'test');
    expect(md).toContain('| cues | -2.00 | -1.00 | -1.50 |');
  });

  it('names datasets by file', () => {
    expect(datasetName('/d/gmb/gmb_dev.jsonl.gz')).toBe('gmb');
    expect(datasetName('/d/btc/btc.dev.jsonl.gz')).toBe('btc');
    expect(datasetName('/d/x/gum_ner.dev.jsonl')).toBe('gum_ner');
  });
});
