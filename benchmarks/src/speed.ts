import { performance } from 'node:perf_hooks';
import { Deanonymize } from '@veil/scanners';
import { Vault } from '@veil/vault';
import type { DeanonymizeSpeed, SpeedRow } from './report/model.js';
import { percentile, summarizeLatency } from './stats.js';

/**
 * The prompt behind the issue-3 latency target: 317 characters of a support request carrying a name, an email,
 * a phone number, a card number, an address and a company.
 */
export const PROMPT_317 =
  'Hi, this is Maria Gonzalez from Brightline Logistics. My card 4111 1111 1111 1111 was charged twice on my ' +
  'last order. Please call me back at (415) 867-2309 or write to maria.gonzalez@brightline.io. I live at ' +
  '1450 Mission Street, San Francisco, and my colleague Daniel Okafor can confirm the delivery. Thank you kindly';

/** Deterministic text of exactly `length` characters made of varied copies of the prompt. */
export function textOfLength(length: number): string {
  const names = ['Maria Gonzalez', 'Liam Walsh', 'Zhang Wei', 'Amara Nwosu', 'Jonas Berg'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < length; i++) {
    const part = PROMPT_317.replace('Maria Gonzalez', names[i % names.length]!) + '\n';
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, length);
}

export interface SpeedTarget {
  scan(text: string): Promise<unknown>;
}

export interface SpeedPlan {
  latency: Array<{ label: string; chars: number; runs: number }>;
  throughput: Array<{ label: string; chars: number; runs: number }>;
  warmup: number;
}

export const DEFAULT_SPEED_PLAN: SpeedPlan = {
  latency: [
    { label: '50 chars', chars: 50, runs: 200 },
    { label: '317-char prompt', chars: 317, runs: 200 },
    { label: '500 chars', chars: 500, runs: 150 },
    { label: '2000 chars', chars: 2000, runs: 60 },
  ],
  throughput: [
    { label: '2 KB', chars: 2_000, runs: 20 },
    { label: '20 KB', chars: 20_000, runs: 5 },
    { label: '200 KB', chars: 200_000, runs: 2 },
  ],
  warmup: 10,
};

/** Latency per size and throughput per size for one configuration; model load is measured by the caller. */
export async function measureSpeed(config: string, loadMs: number, target: SpeedTarget, plan: SpeedPlan = DEFAULT_SPEED_PLAN): Promise<SpeedRow> {
  const timeRuns = async (text: string, runs: number): Promise<number[]> => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await target.scan(text);
      samples.push(performance.now() - start);
    }
    return samples;
  };
  for (let i = 0; i < plan.warmup; i++) await target.scan(PROMPT_317);
  const latency: SpeedRow['latency'] = [];
  for (const { label, chars, runs } of plan.latency) {
    const text = chars === PROMPT_317.length ? PROMPT_317 : textOfLength(chars);
    latency.push({ label, chars, summary: summarizeLatency(await timeRuns(text, runs)) });
  }
  const throughput: SpeedRow['throughput'] = [];
  for (const { label, chars, runs } of plan.throughput) {
    const text = textOfLength(chars);
    await target.scan(text);
    const samples = await timeRuns(text, runs);
    const seconds = samples.reduce((a, b) => a + b, 0) / 1000;
    throughput.push({ label, chars, charsPerSecond: seconds === 0 ? 0 : (chars * runs) / seconds });
  }
  return { config, loadMs, latency, throughput };
}

/**
 * Deanonymize latency with a large vault, median of repeated calls on one answer, measured two ways in one run:
 * `cached` is Deanonymize.scan as shipped (the matcher is kept while the vault is unchanged); `rebuilt` builds the
 * matcher on every call, as Deanonymize did before it kept one (issue 15), and as a scanner created per request
 * still does. The gap is the cost of compiling the vault's placeholders.
 */
export async function measureDeanonymize(entries = 10_000, runs = 30): Promise<DeanonymizeSpeed> {
  const vault = new Vault();
  for (let i = 0; i < entries; i++) await vault.placeholderFor(i % 2 === 0 ? 'PERSON' : 'EMAIL_ADDRESS', `person${i}@example.com`);
  const answer =
    `Dear [REDACTED_PERSON_${entries >> 2}], I forwarded this to redacted email address ${entries >> 3} ` +
    `and <REDACTED-PERSON-1>. ${PROMPT_317}`;
  const median = async (scan: () => Promise<unknown>): Promise<number> => {
    await scan();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await scan();
      samples.push(performance.now() - start);
    }
    return percentile(samples, 50);
  };
  const shared = new Deanonymize({ vault, matching: 'combined' });
  const cachedMs = await median(() => shared.scan('', answer));
  const rebuiltMs = await median(() => new Deanonymize({ vault, matching: 'combined' }).scan('', answer));
  return { entries, runs, cachedMs, rebuiltMs };
}
