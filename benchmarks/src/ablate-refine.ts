#!/usr/bin/env node
/**
 * Ablation of the NER span-refinement rules (packages/scanners/src/ner/refine): what each rule is worth on
 * labelled data. Per dataset the model runs once, unrefined, and the pattern recognizers once; their findings are
 * kept. Then, for every configuration (all rules on, no refinement at all, each rule switched off in turn), the
 * cached findings go through refinement and the very same Anonymize scan `pnpm bench` uses (normalization,
 * threshold, overlap resolution, placeholders), and are scored with the benchmark's own `scoreDocuments`, so the
 * baseline row equals `pnpm bench --dataset FILE --entities PERSON,LOCATION,ORGANIZATION` (GMB: with
 * `--ignore-orig-labels gpe`, applied here to every dataset whose file name starts with "gmb").
 *
 * Usage: pnpm --filter veil-bench exec tsx src/ablate-refine.ts --dataset A --dataset B [--ner bundled|DIR|hub:ID]
 *          [--json OUT.json] [--markdown OUT.md] [--limit N] [--tolerance 0.5]
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_MODEL } from '@veil/ner-models';
import { Anonymize, ModelRecognizer, REFINE_RULES, defaultRecognizers, refineNameFindings } from '@veil/scanners';
import type { EntityType, Finding, RefineRuleName, Recognizer } from '@veil/scanners';
import { Vault } from '@veil/vault';
import { loadDataset } from './dataset.js';
import { runIfEntryPoint } from './entry.js';
import type { BenchDocument } from './dataset.js';
import { scoreDocuments } from './metrics.js';
import type { Prediction, QualityReport } from './metrics.js';

export const ENTITIES: EntityType[] = ['PERSON', 'LOCATION', 'ORGANIZATION'];
/** Documents scanned before the run, as `runDetector` warms up: they go into the same vault. */
const WARMUP = 3;

export const ABLATE_USAGE = `ablate-refine: what each NER refinement rule is worth, one rule switched off at a time.

Usage: pnpm --filter veil-bench exec tsx src/ablate-refine.ts --dataset FILE [--dataset FILE ...] [options]

  --dataset FILE         JSONL(.gz) dataset in the DESIGN.md format; repeat for several (GMB files, named gmb*,
                         are scored with --ignore-orig-labels gpe, as the official GMB numbers are)
  --ner SPEC             bundled (default) | <model directory> | hub:<repo id>
  --json OUT.json        write every configuration's scores
  --markdown OUT.md      write the tables (also printed on stdout)
  --limit N              only the first N documents of each dataset
  --tolerance F1         largest F1 loss (points) on any one dataset a kept rule may cause (default 0.5)
  --without R1,R2        leave these rules out of every configuration (the baseline too): measures a deletion
  --help                 this text
`;

export type ConfigName = 'baseline' | 'no-refinement' | `-${RefineRuleName}`;

/** The configurations: all rules on, none at all, then each rule off in turn. */
export const CONFIGS: ConfigName[] = ['baseline', 'no-refinement', ...REFINE_RULES.map((r) => `-${r}` as const)];

export interface Row {
  precision: number;
  recall: number;
  f1: number;
  leak: number;
  tp: number;
  fp: number;
  fn: number;
  perType: Record<string, { precision: number; recall: number; f1: number }>;
}

export interface DatasetResult {
  name: string;
  path: string;
  documents: number;
  ignoreOrigLabels: string[];
  modelSeconds: number;
  scoringSeconds: number;
  rows: Record<ConfigName, Row>;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

function rowOf(q: QualityReport): Row {
  const perType: Row['perType'] = {};
  for (const [t, e] of Object.entries(q.entities)) perType[t] = { precision: e.precision, recall: e.recall, f1: e.f1 };
  return { precision: q.micro.precision, recall: q.micro.recall, f1: q.micro.f1, leak: q.leak_rate, tp: q.micro.tp, fp: q.micro.fp, fn: q.micro.fn, perType };
}

/** A stand-in for a recognizer: same name and types, answers with `answer(text)`. */
function standIn(of: Recognizer, answer: (text: string) => Finding[] | Promise<Finding[]>): Recognizer {
  return { name: of.name, types: of.types, analyze: (text: string) => answer(text) };
}

export interface Cached {
  /** Per pattern recognizer (in the default order), per document: what it returned. */
  patterns: Finding[][][];
  /** Per document: the model's unrefined findings. */
  model: Finding[][];
}

/** A short dataset name: the file name without extensions and split suffixes. */
export function datasetName(path: string): string {
  return basename(path).replace(/\.jsonl(\.gz)?$/, '').replace(/[._-]?dev$/, '');
}

/** Rules left out of every configuration (`--without`), e.g. to measure a planned deletion as a whole. */
let without: ReadonlySet<RefineRuleName> = new Set();

function skipFor(config: ConfigName): ReadonlySet<RefineRuleName> | 'none' {
  if (config === 'baseline') return without;
  if (config === 'no-refinement') return 'none';
  return new Set([...without, config.slice(1) as RefineRuleName]);
}

/** Scans every document with the cached findings, refined per `config`, and scores the result like `pnpm bench`. */
export async function scoreConfig(docs: readonly BenchDocument[], cache: Cached, patterns: readonly Recognizer[], model: Recognizer, config: ConfigName): Promise<QualityReport> {
  let current = 0;
  const skip = skipFor(config);
  const ner = standIn(model, (text) => {
    const raw = cache.model[current]!;
    return skip === 'none' ? raw : refineNameFindings(text, raw, model.name, { skip });
  });
  const anonymize = new Anonymize({
    vault: new Vault(),
    defaultRecognizers: false,
    recognizers: patterns.map((p, i) => standIn(p, () => cache.patterns[i]![current]!)),
    ner,
  });
  const scan = async (i: number): Promise<Prediction> => {
    current = i;
    const result = await anonymize.scan(docs[i]!.text);
    return { spans: result.findings.map((f) => ({ start: f.start, end: f.end, label: f.type })), sanitized: result.sanitized };
  };
  for (let i = 0; i < Math.min(WARMUP, docs.length); i++) await scan(i);
  const predictions: Prediction[] = [];
  for (let i = 0; i < docs.length; i++) predictions.push(await scan(i));
  return scoreDocuments(docs, predictions, ENTITIES);
}

/** Runs the pattern recognizers and the unrefined model once over every document, the way Anonymize would. */
export async function collect(docs: readonly BenchDocument[], patterns: readonly Recognizer[], model: Recognizer, label: string): Promise<Cached> {
  const cache: Cached = { patterns: patterns.map(() => []), model: [] };
  let current = 0;
  const anonymize = new Anonymize({
    vault: new Vault(),
    defaultRecognizers: false,
    recognizers: patterns.map((p, i) => standIn(p, async (text) => {
      const found = await p.analyze(text);
      cache.patterns[i]![current] = found;
      return found;
    })),
    ner: { name: model.name, types: model.types, ready: async () => { await model.ready?.(); }, analyze: async (text: string) => {
      const found = await model.analyze(text);
      cache.model[current] = found;
      return found;
    } },
  });
  await anonymize.ready();
  const started = performance.now();
  let shown = -1;
  for (let i = 0; i < docs.length; i++) {
    current = i;
    await anonymize.scan(docs[i]!.text);
    const step = Math.floor(((i + 1) * 20) / docs.length);
    if (step !== shown) {
      shown = step;
      const s = (performance.now() - started) / 1000;
      const eta = i + 1 < docs.length ? `, about ${Math.round((s / (i + 1)) * (docs.length - i - 1))} s left` : '';
      log(`  ${label}: model ${i + 1}/${docs.length} documents, ${s.toFixed(0)} s${eta}`);
    }
  }
  if (docs.some((d) => d.text === '')) {
    // Anonymize answers an empty prompt without asking any recognizer.
    for (let i = 0; i < docs.length; i++) {
      cache.model[i] ??= [];
      for (const p of cache.patterns) p[i] ??= [];
    }
  }
  return cache;
}

function nerSpec(ner: string) {
  if (ner === 'bundled') return { spec: BUNDLED_MODEL, load: undefined };
  if (ner.startsWith('hub:')) return { spec: ner.slice(4), load: { allowRemote: true } };
  const dir = fromUser(ner);
  if (!existsSync(dir)) throw new Error(`--ner: no such model directory: ${dir}`);
  return { spec: dir, load: undefined };
}

export async function ablateDataset(path: string, ner: string, limit?: number): Promise<DatasetResult> {
  const name = datasetName(path);
  const ignoreOrigLabels = /^gmb/i.test(basename(path)) ? ['gpe'] : [];
  const docs = await loadDataset(path, { ignoreOrigLabels, limit });
  log(`ablate-refine: ${name}: ${docs.length} documents${ignoreOrigLabels.length ? ', gpe ignored' : ''}`);
  const { spec, load } = nerSpec(ner);
  const model = new ModelRecognizer(spec, { load, refine: false });
  const patterns = defaultRecognizers();
  const modelStart = performance.now();
  const cache = await collect(docs, patterns, model, name);
  const modelSeconds = (performance.now() - modelStart) / 1000;
  const scoringStart = performance.now();
  const rows = {} as Record<ConfigName, Row>;
  for (const [i, config] of CONFIGS.entries()) {
    rows[config] = rowOf(await scoreConfig(docs, cache, patterns, model, config));
    log(`  ${name}: ${i + 1}/${CONFIGS.length} ${config}: F1 ${(rows[config].f1 * 100).toFixed(2)}, leak ${(rows[config].leak * 100).toFixed(2)}%`);
  }
  return { name, path, documents: docs.length, ignoreOrigLabels, modelSeconds, scoringSeconds: (performance.now() - scoringStart) / 1000, rows };
}

const pts = (x: number) => (x * 100).toFixed(2);
const signed = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}`;

export interface Verdict {
  rule: RefineRuleName;
  /** Per dataset: F1 and leak with the rule off, minus the baseline (positive ΔF1 = the rule hurts). */
  deltaF1: number[];
  deltaLeak: number[];
  meanF1: number;
  meanLeak: number;
  keep: boolean;
  why: string;
}

/** Keep a rule that helps on average (switching it off lowers mean F1) and costs no dataset more than `tolerance`. */
export function verdicts(results: readonly DatasetResult[], tolerance = 0.005): Verdict[] {
  return REFINE_RULES.map((rule) => {
    const deltaF1 = results.map((r) => r.rows[`-${rule}`].f1 - r.rows.baseline.f1);
    const deltaLeak = results.map((r) => r.rows[`-${rule}`].leak - r.rows.baseline.leak);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const meanF1 = mean(deltaF1);
    const meanLeak = mean(deltaLeak);
    const worst = Math.max(...deltaF1);
    let keep: boolean;
    let why: string;
    if (deltaF1.every((d) => Math.abs(d) < 5e-5) && deltaLeak.every((d) => Math.abs(d) < 5e-5)) {
      keep = false;
      why = 'no effect';
    } else if (meanF1 >= 0) {
      keep = false;
      why = meanF1 === 0 ? 'no F1 gain on average' : 'hurts on average';
    } else if (worst > tolerance) {
      keep = false;
      why = `hurts ${results[deltaF1.indexOf(worst)]!.name} by ${pts(worst)}`;
    } else {
      keep = true;
      why = 'helps';
    }
    return { rule, deltaF1, deltaLeak, meanF1, meanLeak, keep, why };
  });
}

export function renderMarkdown(results: readonly DatasetResult[], ner: string, tolerance = 0.005): string {
  const out: string[] = [];
  out.push(`# Refinement rule ablation (NER: ${ner})`, '');
  out.push(`Scored like \`pnpm bench --entities PERSON,LOCATION,ORGANIZATION\` (overlap match, micro over the three types; leak = share of gold characters still verbatim in the sanitized text). Numbers are points (×100).`, '');
  out.push('## Baseline (all rules on) and no refinement', '');
  out.push('| dataset | docs | P | R | F1 | leak % | F1 no refinement | leak % no refinement | model s |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const b = r.rows.baseline;
    const n = r.rows['no-refinement'];
    const ds = r.ignoreOrigLabels.length ? `${r.name} (ignore ${r.ignoreOrigLabels.join(',')})` : r.name;
    out.push(`| ${ds} | ${r.documents} | ${pts(b.precision)} | ${pts(b.recall)} | ${pts(b.f1)} | ${pts(b.leak)} | ${pts(n.f1)} | ${pts(n.leak)} | ${r.modelSeconds.toFixed(0)} |`);
  }
  out.push('');
  const vs = verdicts(results, tolerance);
  out.push(`## Each rule switched off: Δ micro F1 and Δ leak (points) against the baseline`, '');
  out.push(`Positive ΔF1 = the dataset scores better without the rule (the rule hurts); negative Δleak = less leaks without it. Verdict: keep when switching it off lowers the mean F1 and raises no dataset's F1 by more than ${pts(tolerance)}.`, '');
  const names = results.map((r) => r.name);
  out.push(`Δtp/Δfp/Δfn: the change in matched, spurious and missed spans over all datasets, to tell effects from noise.`, '');
  out.push(`| rule | ${names.map((n) => `ΔF1 ${n}`).join(' | ')} | ΔF1 mean | ${names.map((n) => `Δleak ${n}`).join(' | ')} | Δleak mean | Δtp/Δfp/Δfn | verdict |`);
  out.push(`|---|${names.map(() => '---:').join('|')}|---:|${names.map(() => '---:').join('|')}|---:|---:|---|`);
  const counts = (config: ConfigName) => (['tp', 'fp', 'fn'] as const)
    .map((k) => results.reduce((sum, r) => sum + r.rows[config][k] - r.rows.baseline[k], 0))
    .map((d) => `${d > 0 ? '+' : ''}${d}`)
    .join('/');
  const all = { rule: 'no refinement', deltaF1: results.map((r) => r.rows['no-refinement'].f1 - r.rows.baseline.f1), deltaLeak: results.map((r) => r.rows['no-refinement'].leak - r.rows.baseline.leak) };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const v of [...vs].sort((a, b) => a.meanF1 - b.meanF1)) {
    out.push(`| ${v.rule} | ${v.deltaF1.map(signed).join(' | ')} | ${signed(v.meanF1)} | ${v.deltaLeak.map(signed).join(' | ')} | ${signed(v.meanLeak)} | ${counts(`-${v.rule}`)} | ${v.keep ? 'keep' : 'drop'} (${v.why}) |`);
  }
  out.push(`| *(all rules off)* | ${all.deltaF1.map(signed).join(' | ')} | ${signed(mean(all.deltaF1))} | ${all.deltaLeak.map(signed).join(' | ')} | ${signed(mean(all.deltaLeak))} | ${counts('no-refinement')} | |`);
  out.push('');
  out.push(`Keep: ${vs.filter((v) => v.keep).map((v) => v.rule).join(', ') || 'none'}.`, '');
  out.push(`Drop: ${vs.filter((v) => !v.keep).map((v) => v.rule).join(', ') || 'none'}.`, '');
  return out.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        dataset: { type: 'string', multiple: true },
        ner: { type: 'string' },
        json: { type: 'string' },
        markdown: { type: 'string' },
        limit: { type: 'string' },
        tolerance: { type: 'string' },
        without: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    log(`ablate-refine: ${(error as Error).message}\n\n${ABLATE_USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(ABLATE_USAGE);
    return 0;
  }
  const datasets = (values.dataset ?? []).map(fromUser);
  if (datasets.length === 0) {
    log(`ablate-refine: --dataset is required\n\n${ABLATE_USAGE}`);
    return 2;
  }
  for (const d of datasets) {
    if (!existsSync(d)) {
      log(`ablate-refine: dataset not found: ${d}`);
      return 2;
    }
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) {
    log('ablate-refine: --limit must be a positive integer');
    return 2;
  }
  const tolerance = values.tolerance === undefined ? 0.005 : Number(values.tolerance) / 100;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    log('ablate-refine: --tolerance must be a non-negative number of F1 points');
    return 2;
  }
  if (values.without !== undefined) {
    const names = values.without.split(',').map((n) => n.trim()).filter(Boolean);
    const unknown = names.filter((n) => !(REFINE_RULES as readonly string[]).includes(n));
    if (unknown.length > 0) {
      log(`ablate-refine: unknown rule in --without (known: ${REFINE_RULES.join(', ')})`);
      return 2;
    }
    without = new Set(names as RefineRuleName[]);
  }
  const ner = values.ner ?? 'bundled';
  const started = performance.now();
  const results: DatasetResult[] = [];
  for (const d of datasets) results.push(await ablateDataset(d, ner, limit));
  const seconds = (performance.now() - started) / 1000;
  const markdown = renderMarkdown(results, ner, tolerance) + `\nTook ${seconds.toFixed(0)} s (model ${results.reduce((s, r) => s + r.modelSeconds, 0).toFixed(0)} s, refinement and scoring ${results.reduce((s, r) => s + r.scoringSeconds, 0).toFixed(0)} s).\n`;
  process.stdout.write(markdown);
  const write = async (path: string, body: string) => {
    const target = fromUser(path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, body);
    log(`wrote ${target}`);
  };
  if (values.markdown) await write(values.markdown, markdown);
  if (values.json) {
    await write(values.json, JSON.stringify({ ner, tolerance, seconds, datasets: results, verdicts: verdicts(results, tolerance) }, null, 2) + '\n');
  }
  return 0;
}

runIfEntryPoint(import.meta.url, 'ablate-refine', main);
