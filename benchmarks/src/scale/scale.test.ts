import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { scaleText, SCALE_SHAPES } from './cases.js';
import { checkScaleTargets, main, type ScaleRow } from './scale.js';

const row = (shape: string, chars: number, charsPerSecond: number, peakRssMb = 300): ScaleRow =>
  ({ label: `${shape} ${chars}`, shape, chars, charsPerSecond, ms: (chars / charsPerSecond) * 1000, baselineRssMb: 200, peakRssMb, findings: 0 });

describe('scale cases', () => {
  it('builds each shape at exactly the requested length, the same on every call', () => {
    for (const shape of SCALE_SHAPES) {
      const text = scaleText(shape, 12_345);
      expect(text.length).toBe(12_345);
      expect(scaleText(shape, 12_345)).toBe(text);
    }
    expect(scaleText('one-line', 5_000)).not.toContain('\n');
    expect(scaleText('lines', 5_000)).toContain('\n');
  });
});

describe('checkScaleTargets', () => {
  it('passes a run within every target and names the misses of one that is not', () => {
    const good = [row('lines', 5_000_000, 100_000, 480), row('lines', 1_000_000, 100_000), row('one-line', 1_000_000, 95_000), row('punctuation', 200_000, 30_000)];
    expect(checkScaleTargets(good).every((c) => c.met)).toBe(true);
    const bad = [row('lines', 5_000_000, 100_000, 520), row('lines', 1_000_000, 100_000), row('one-line', 1_000_000, 50_000), row('cjk', 200_000, 10_000)];
    expect(checkScaleTargets(bad).filter((c) => !c.met).map((c) => c.target)).toEqual([
      'peak RSS (MB), lines 5000000', 'one-line / lines throughput', 'slowdown of the worst shape (cjk)',
    ]);
  });
});

describe('scale benchmark', () => {
  it('runs every case in its own process and writes the rows and checks', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'veil-scale-')), 'scale.json');
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--small', '--config', 'patterns', '--json', out])).toBe(0);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const report = JSON.parse(readFileSync(out, 'utf8')) as { rows: ScaleRow[]; checks: unknown[] };
    expect(report.rows.map((r) => r.shape)).toEqual([...SCALE_SHAPES]);
    for (const r of report.rows) {
      expect(r.chars).toBe(20_000);
      expect(r.peakRssMb).toBeGreaterThanOrEqual(r.baselineRssMb);
    }
    expect(report.rows.find((r) => r.shape === 'lines')!.findings).toBeGreaterThan(100);
    expect(report.checks).toHaveLength(3);
  }, 120_000);

  it('answers --help and refuses an unknown option with exit code 2', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--help'])).toBe(0);
      expect(await main(['--bogus'])).toBe(2);
      expect(await main(['--config', 'nope'])).toBe(2);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });
});
