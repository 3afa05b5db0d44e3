#!/usr/bin/env node
/**
 * Scale benchmark: time and peak memory of one Anonymize scan with the bundled model on documents of 200 KB to
 * 5 MB, each case in a fresh process. Checks the targets of the hardening issue: under 500 MB for 5 MB, the same
 * throughput for one long line as for many short ones, and the worst shape within 5x of the average one.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runIfEntryPoint } from '../entry.js';
import { DEFAULT_SCALE_CASES, SMALL_SCALE_CASES, type ScaleCase } from './cases.js';
import type { WorkerResult } from './worker.js';

export const SCALE_USAGE = `veil-bench scale: time and peak memory of one scan on large documents, one process per case.

Usage: pnpm bench:scale [options]

  --config NAME     bundled (default) | patterns
  --small           20 KB documents of every shape instead of 200 KB to 5 MB (a quick check)
  --json OUT.json   write the rows and the target checks
  --check           exit 1 when a target is missed
  --help            this text

Cases: ${DEFAULT_SCALE_CASES.map((c) => c.label).join('; ')}.
Targets: peak RSS under ${500} MB on the largest document; one-line throughput at least 0.8x the lines throughput;
the slowest shape within 5x of the lines throughput.
Exit codes: 0 done (and, with --check, every target met), 1 a case failed or a target was missed, 2 usage error.
`;

export interface ScaleRow extends WorkerResult {
  label: string;
  shape: string;
  charsPerSecond: number;
}

export interface ScaleCheck {
  target: string;
  value: number;
  limit: number;
  met: boolean;
}

export const PEAK_RSS_LIMIT_MB = 500;
const ONE_LINE_MIN_RATIO = 0.8;
const WORST_CASE_MAX_SLOWDOWN = 5;

/** The target checks for a finished run; rows missing for a check (a custom case list) skip it. */
export function checkScaleTargets(rows: readonly ScaleRow[]): ScaleCheck[] {
  const checks: ScaleCheck[] = [];
  const largest = [...rows].sort((a, b) => b.chars - a.chars)[0];
  if (largest) {
    checks.push({ target: `peak RSS (MB), ${largest.label}`, value: largest.peakRssMb, limit: PEAK_RSS_LIMIT_MB, met: largest.peakRssMb < PEAK_RSS_LIMIT_MB });
  }
  // The average case of the same size as the one-line case, so only line length differs.
  const oneLine = rows.find((r) => r.shape === 'one-line');
  const lines = rows.find((r) => r.shape === 'lines' && r.chars === oneLine?.chars) ?? rows.find((r) => r.shape === 'lines');
  if (oneLine && lines) {
    const ratio = oneLine.charsPerSecond / lines.charsPerSecond;
    checks.push({ target: 'one-line / lines throughput', value: round2(ratio), limit: ONE_LINE_MIN_RATIO, met: ratio >= ONE_LINE_MIN_RATIO });
  }
  const hard = rows.filter((r) => r.shape === 'punctuation' || r.shape === 'cjk');
  if (lines && hard.length > 0) {
    const worst = hard.reduce((a, b) => (a.charsPerSecond <= b.charsPerSecond ? a : b));
    const slowdown = lines.charsPerSecond / worst.charsPerSecond;
    checks.push({ target: `slowdown of the worst shape (${worst.shape})`, value: round2(slowdown), limit: WORST_CASE_MAX_SLOWDOWN, met: slowdown <= WORST_CASE_MAX_SLOWDOWN });
  }
  return checks;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function runWorker(scaleCase: ScaleCase, config: string): Promise<WorkerResult> {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith('.ts');
  const worker = resolve(dirname(here), `worker${fromSource ? '.ts' : '.js'}`);
  // From source (pnpm bench:scale, or a test runner that loaded this file itself) the worker needs tsx too.
  const loader = fromSource ? ['--conditions=source', '--import', 'tsx'] : [];
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [...loader, worker, scaleCase.shape, String(scaleCase.chars), config], {
      cwd: resolve(dirname(here), '../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`case "${scaleCase.label}" failed (exit ${code})`));
        return;
      }
      resolveRun(JSON.parse(out.trim().split('\n').at(-1)!) as WorkerResult);
    });
  });
}

export function formatScaleTable(rows: readonly ScaleRow[], checks: readonly ScaleCheck[]): string {
  const lines = [
    '| document | time (s) | chars/s | baseline RSS (MB) | peak RSS (MB) | findings |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.label} | ${(r.ms / 1000).toFixed(1)} | ${Math.round(r.charsPerSecond).toLocaleString('en-US')} | ${r.baselineRssMb} | ${r.peakRssMb} | ${r.findings.toLocaleString('en-US')} |`),
    '',
    '| target | value | limit | met |',
    '| --- | ---: | ---: | --- |',
    ...checks.map((c) => `| ${c.target} | ${c.value} | ${c.limit} | ${c.met ? 'yes' : 'NO'} |`),
  ];
  return `${lines.join('\n')}\n`;
}

export async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' },
        small: { type: 'boolean' },
        json: { type: 'string' },
        check: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${SCALE_USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(SCALE_USAGE);
    return 0;
  }
  const config = values.config ?? 'bundled';
  if (config !== 'bundled' && config !== 'patterns') {
    process.stderr.write(`unknown --config "${config}"; expected bundled or patterns\n`);
    return 2;
  }
  const cases = values.small ? SMALL_SCALE_CASES : DEFAULT_SCALE_CASES;
  const rows: ScaleRow[] = [];
  for (const [i, scaleCase] of cases.entries()) {
    process.stderr.write(`[${i + 1}/${cases.length}] ${scaleCase.label} ...\n`);
    const result = await runWorker(scaleCase, config);
    rows.push({ ...result, label: scaleCase.label, shape: scaleCase.shape, charsPerSecond: result.chars / (result.ms / 1000) });
  }
  const checks = checkScaleTargets(rows);
  process.stdout.write(formatScaleTable(rows, checks));
  if (values.json) {
    const path = resolve(values.json);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify({ config, node: process.version, rows, checks }, null, 2)}\n`);
  }
  return values.check && checks.some((c) => !c.met) ? 1 : 0;
}

runIfEntryPoint(import.meta.url, 'veil-bench scale', main);
