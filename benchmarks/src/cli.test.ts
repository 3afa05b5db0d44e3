import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const benchDir = fileURLToPath(new URL('..', import.meta.url));

/** Async, so that vitest's worker stays responsive while the child runs. */
function bench(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: benchDir,
      env: { ...process.env, INIT_CWD: benchDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('veil-bench CLI (child process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'veil-bench-cli-'));
  const dataset = join(dir, 'mini.jsonl');
  const text = 'Mail ann.lee@brightline.io or call (415) 867-2309 😀 about order 4471.';
  writeFileSync(
    dataset,
    JSON.stringify({
      id: 'mini-1',
      text,
      spans: [
        { start: 5, end: 26, label: 'EMAIL_ADDRESS' },
        { start: 35, end: 49, label: 'PHONE_NUMBER' },
      ],
    }) + '\n',
  );

  it('scores a dataset and writes the JSON contract: its keys first, in order, then only added ones', async () => {
    const out = join(dir, 'out.json');
    const md = join(dir, 'out.md');
    const html = join(dir, 'out.html');
    const r = await bench(['--dataset', dataset, '--config', 'patterns', '--no-peers', '--no-speed', '--json', out, '--markdown', md, '--html', html, '--errors']);
    expect(r.stderr).not.toContain('failed');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('veil:patterns');
    expect(r.stdout).toMatch(/restore rate 100\.00%/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(json)).toEqual([
      'dataset', 'config', 'documents', 'entities', 'micro', 'strict_micro', 'leak_rate', 'latency_ms', 'chars_per_s', 'peak_rss_mb',
      'meta', 'confusion',
    ]);
    expect(json.meta).toMatchObject({ node: process.version, model: null });
    expect(json.meta.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(json.confusion).toEqual({ EMAIL_ADDRESS: { EMAIL_ADDRESS: 1 }, PHONE_NUMBER: { PHONE_NUMBER: 1 } });
    expect(json.documents).toBe(1);
    expect(json.entities.EMAIL_ADDRESS).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(json.leak_rate).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('| veil:patterns |');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<svg');
    expect(page).toContain('<h2>Run</h2>');
    expect(page).not.toMatch(/<script|<link/);

    // --compare against that output: every metric gets a row; the quality did not move.
    const again = await bench(['--dataset', dataset, '--config', 'patterns', '--no-peers', '--no-speed', '--no-roundtrip', '--compare', out]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`Change against ${out}`);
    expect(again.stdout).toMatch(/F1\s+100\.00%\s+100\.00%\s+±0\.00 pt/);
    expect(again.stdout).toMatch(/throughput\s/);
  });

  it('exits 2 when --compare is not a previous --json output', async () => {
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{"hello": 1}');
    const r = await bench(['--dataset', dataset, '--config', 'patterns', '--no-peers', '--no-speed', '--compare', notJson]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a veil-bench --json document');
    expect((await bench(['--dataset', dataset, '--config', 'patterns', '--no-peers', '--compare', join(dir, 'missing.json')])).status).toBe(2);
  });

  it('exits 2 on usage errors and prints help with 0', async () => {
    expect((await bench(['--bogus'])).status).toBe(2);
    expect((await bench(['--config', 'no-such-config'])).status).toBe(2);
    const help = await bench(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--dataset FILE');
  });

  it('exits 1 with a clear message when the dataset is malformed', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"text": "x", "spans": [{"start": 0, "end": 9, "label": "PERSON"}]}\n');
    const r = await bench(['--dataset', bad, '--config', 'patterns', '--no-peers', '--no-speed']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/line 1, span 0: offsets/);
  });
});
