#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Anonymize, Deanonymize } from '@veil/scanners';
import type { EntityType } from '@veil/scanners';
import { Vault } from '@veil/vault';
import { USAGE, UsageError, parseBenchArgs } from './args.js';
import type { BenchArgs, PeerName } from './args.js';
import { datasetEntityTypes, loadDataset } from './dataset.js';
import { runIfEntryPoint } from './entry.js';
import type { BenchDocument } from './dataset.js';
import { createOpenRedactionDetector } from './detectors/openredaction.js';
import { createPresidioDetector } from './detectors/presidio.js';
import { createRedactPiiDetector } from './detectors/redact-pii.js';
import { createRedactPiiNodeDetector } from './detectors/redactpii-node.js';
import { DetectorUnavailableError } from './detectors/types.js';
import type { Detector } from './detectors/types.js';
import { UnknownConfigError, createVeilDetector, nerOptionFor } from './detectors/veil.js';
import { scoreDocuments } from './metrics.js';
import { CompareError, compareJson } from './report/compare.js';
import { collectMeta } from './report/meta.js';
import { designJson } from './report/model.js';
import type { BenchReport, SpeedRow, ToolReport } from './report/model.js';
import { renderHtml } from './report/html.js';
import { renderMarkdown } from './report/markdown.js';
import { renderErrors, renderText } from './report/text.js';
import { runRoundTrip } from './roundtrip/roundtrip.js';
import { runDetector } from './run.js';
import { measureDeanonymize, measureSpeed } from './speed.js';
import { summarizeLatency } from './stats.js';

/** The shipped sample transcripts (benchmarks/data/samples.jsonl). */
export const DEFAULT_DATASET = fileURLToPath(new URL('../data/samples.jsonl', import.meta.url));

const PEERS: Record<PeerName, () => Detector> = {
  'redact-pii': createRedactPiiDetector,
  openredaction: createOpenRedactionDetector,
  '@redactpii/node': createRedactPiiNodeDetector,
  presidio: createPresidioDetector,
};

/** pnpm runs the script inside benchmarks/; paths on the command line are meant from where the user typed them. */
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

const NAMED_CONFIGS = new Set(['patterns', 'compromise', 'bundled']);
const isModelDirectory = (config: string) => !NAMED_CONFIGS.has(config) && !config.startsWith('hub:');

const log = (line: string) => process.stderr.write(`${line}\n`);

async function scoreTool(detector: Detector, docs: readonly BenchDocument[], entities: EntityType[], progress: boolean) {
  const run = await runDetector(detector, docs, { progress });
  const quality = scoreDocuments(docs, run.predictions, entities);
  const tool: ToolReport = {
    name: detector.name,
    claimedTypes: detector.types,
    quality,
    latency: summarizeLatency(run.latenciesMs),
    loadMs: run.loadMs,
    charsPerSecond: run.charsPerSecond,
    peakRssMb: run.peakRssMb,
  };
  return { tool, run };
}

/**
 * Models are cached per process once loaded, so a configuration already run on the dataset reports the load time
 * measured then (the cold one) instead of a cache hit.
 */
async function speedRow(config: string, coldLoadMs?: number): Promise<SpeedRow> {
  const anonymize = new Anonymize({ vault: new Vault(), ner: nerOptionFor(config) });
  const start = performance.now();
  await anonymize.ready();
  const loadMs = performance.now() - start;
  return measureSpeed(config, coldLoadMs ?? loadMs, anonymize);
}

async function writeOut(path: string, body: string): Promise<void> {
  const target = fromUser(path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, body);
  log(`wrote ${target}`);
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
    if (isModelDirectory(args.config)) args.config = fromUser(args.config);
    nerOptionFor(args.config);
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnknownConfigError) {
      log(`veil-bench: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const datasetPath = args.dataset === undefined ? DEFAULT_DATASET : fromUser(args.dataset);
  if (!existsSync(datasetPath)) {
    log(`veil-bench: dataset not found: ${datasetPath}`);
    return args.dataset === undefined ? 1 : 2;
  }
  let baseline: unknown;
  if (args.compare !== undefined) {
    const comparePath = fromUser(args.compare);
    try {
      baseline = JSON.parse(await readFile(comparePath, 'utf8'));
      compareJson(baseline, {}, args.compare);
    } catch (error) {
      const why = error instanceof CompareError ? error.message : `cannot read ${comparePath}: ${(error as Error).message}`;
      log(`veil-bench: --compare: ${why}`);
      return 2;
    }
  }
  const progress = args.progress || process.stderr.isTTY === true;

  const docs = await loadDataset(datasetPath, { ignoreOrigLabels: args.ignoreOrigLabels, limit: args.limit });
  const veil = createVeilDetector(args.config);
  const entities = (args.entities ?? datasetEntityTypes(docs).filter((t) => veil.types.includes(t))) as EntityType[];
  if (entities.length === 0) {
    log('veil-bench: no entity type is known to both the dataset and this Veil configuration; pass --entities');
    return 2;
  }
  log(`veil-bench: ${docs.length} documents, config ${args.config}, types ${entities.join(', ')}`);

  const { tool: veilTool, run: veilRun } = await scoreTool(veil, docs, entities, progress);
  const report: BenchReport = {
    dataset: datasetPath,
    config: args.config,
    documents: docs.length,
    entities,
    tools: [veilTool],
    meta: await collectMeta(args.config),
  };

  for (const peer of args.peers) {
    const detector = PEERS[peer]();
    try {
      report.tools.push((await scoreTool(detector, docs, entities, progress)).tool);
    } catch (error) {
      if (!(error instanceof DetectorUnavailableError) && peer !== 'presidio') throw error;
      const reason = error instanceof DetectorUnavailableError ? error.message.replace(/^.*? is not available: /, '') : (error as Error).message;
      report.tools.push({ name: detector.name, claimedTypes: [], skipped: reason });
    }
  }

  if (args.roundTrip) {
    const deanonymize = new Deanonymize({ vault: veil.vault, matching: 'combined' });
    report.roundTrip = await runRoundTrip(
      docs.map((d, i) => ({ id: d.id, sanitized: veilRun.predictions[i]!.sanitized })),
      { deanonymize: (prompt, output) => deanonymize.scan(prompt, output), valueOf: (p) => veil.vault.valueOf(p) },
    );
  }

  if (args.speed) {
    log('veil-bench: measuring speed…');
    const configs = args.config === 'patterns' ? ['patterns'] : [args.config, 'patterns'];
    report.speed = [];
    for (const config of configs) report.speed.push(await speedRow(config, config === args.config ? veilTool.loadMs : undefined));
    report.deanonymize = await measureDeanonymize();
  }

  if (baseline !== undefined) report.comparison = compareJson(baseline, designJson(report), args.compare!);
  process.stdout.write(renderText(report));
  if (args.errors) process.stdout.write('\n' + renderErrors(veil.name, docs, veilTool.quality!.errors));
  if (args.json) await writeOut(args.json, JSON.stringify(designJson(report), null, 2) + '\n');
  if (args.markdown) await writeOut(args.markdown, renderMarkdown(report));
  if (args.html) await writeOut(args.html, renderHtml(report, { docs }));
  return 0;
}

runIfEntryPoint(import.meta.url, 'veil-bench', main);
