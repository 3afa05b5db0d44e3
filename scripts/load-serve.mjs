#!/usr/bin/env node
// Bounded load run of `veil serve` on loopback (127.0.0.1 only): each configuration starts its own server processes
// (and a private redis-server on a random port where needed), warms them up, then runs autocannon against them for a
// fixed time and prints requests/s, latency percentiles and the servers' peak RSS as a Markdown table.
//
//   node scripts/load-serve.mjs [--duration 10] [--connections 10] [--only patterns|bundled] [--json out.json]
//
// Not part of the test suite: it takes about (duration + startup) x 6 and wants a quiet machine.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    json: { type: 'string' },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const HOST = '127.0.0.1';
const KEY = 'load-key-0123456789abcdef0123';
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../packages/scanners/src/cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');

const BODY = JSON.stringify({
  prompt: 'Hi, this is Maria Gonzalez from Northwind Traders in Chicago. Please mail maria.gonzalez@northwind.example ' +
    'or call +1 415 555 0132 about invoice 4417; my card 4111 1111 1111 1111 was charged twice on 2024-03-02.',
  scope: 'load-chat',
});

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function startRedis() {
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
    proc.stdout.on('data', (d) => {
      if (/Ready to accept connections/.test(String(d))) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', () => reject(new Error('redis-server exited')));
  });
  return { url: `redis://${HOST}:${port}`, proc };
}

/** Starts `veil serve` (from source, through tsx) as a child process; resolves when it listens. */
async function startServe(env) {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--conditions=source', '--import', tsx, cli, 'serve', '--host', HOST, '--port', String(port)], {
    cwd: root,
    env: { ...process.env, VEIL_API_KEYS: `load:${KEY}`, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`veil serve did not start: ${stderr}`)), 180_000);
    proc.stderr.on('data', (d) => {
      stderr += d;
      if (stderr.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => reject(new Error(`veil serve exited ${code}: ${stderr}`)));
  });
  return { url: `http://${HOST}:${port}`, proc };
}

function stop(proc) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) return resolve();
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    proc.kill('SIGTERM');
  });
}

const request = { method: 'POST', path: '/v1/anonymize', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: BODY };

/** Checks one answer, then loads the server for 2 s (JIT, model session, Redis connection) before measuring. */
async function warmUp(url) {
  const r = await fetch(`${url}/v1/anonymize`, { method: 'POST', headers: request.headers, body: BODY });
  if (r.status !== 200) throw new Error(`warm-up answered ${r.status}: ${await r.text()}`);
  await r.arrayBuffer();
  await autocannon({ url, connections: 4, duration: 2, requests: [request] });
}

async function run(name, ner, replicas, store) {
  const redis = store === 'redis' ? await startRedis() : undefined;
  const servers = [];
  try {
    const env = { VEIL_NER: ner, VEIL_STORE: redis ? redis.url : 'memory', ...(redis ? { VEIL_VAULT_KEY: 'ab'.repeat(32) } : {}) };
    for (let i = 0; i < replicas; i++) servers.push(await startServe(env));
    for (const s of servers) await warmUp(s.url);
    const idle = servers.map((s) => rssMiB(s.proc.pid));
    const peak = [...idle];
    const sampler = setInterval(() => servers.forEach((s, i) => (peak[i] = Math.max(peak[i], rssMiB(s.proc.pid)))), 250);
    // One autocannon per replica, the connections split between them, all at once.
    const results = await Promise.all(servers.map((s) => autocannon({
      url: s.url, connections: Math.max(1, Math.round(CONNECTIONS / replicas)), duration: DURATION, requests: [request],
    })));
    clearInterval(sampler);
    const sum = (f) => results.reduce((a, r) => a + f(r), 0);
    const row = {
      name, ner, replicas, store,
      requestsPerSecond: sum((r) => r.requests.average),
      total: sum((r) => r.requests.total),
      non2xx: sum((r) => r.non2xx) + sum((r) => r.errors) + sum((r) => r.timeouts),
      p50: Math.max(...results.map((r) => r.latency.p50)),
      p99: Math.max(...results.map((r) => r.latency.p99)),
      rssIdleMiB: idle.reduce((a, b) => a + b, 0),
      rssPeakMiB: peak.reduce((a, b) => a + b, 0),
      redisRssMiB: redis ? rssMiB(redis.proc.pid) : 0,
    };
    process.stderr.write(`${name}: ${row.requestsPerSecond.toFixed(1)} req/s, p99 ${row.p99} ms, RSS ${row.rssPeakMiB.toFixed(0)} MiB\n`);
    return row;
  } finally {
    for (const s of servers) await stop(s.proc);
    if (redis) await stop(redis.proc);
  }
}

const plan = [];
for (const ner of ['patterns', 'bundled']) {
  if (values.only && values.only !== ner) continue;
  plan.push([`${ner}, 1 replica, memory store`, ner, 1, 'memory']);
  plan.push([`${ner}, 1 replica, Redis`, ner, 1, 'redis']);
  plan.push([`${ner}, 2 replicas, one Redis`, ner, 2, 'redis']);
}
const rows = [];
for (const args of plan) rows.push(await run(...args));

const f1 = (x) => x.toFixed(1);
console.log(`POST /v1/anonymize, ${CONNECTIONS} connections, ${DURATION} s each, node ${process.version}\n`);
console.log('| Configuration | Requests/s | p50 (ms) | p99 (ms) | Requests (non-2xx) | Server RSS idle → peak (MiB) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.name} | ${f1(r.requestsPerSecond)} | ${r.p50} | ${r.p99} | ${r.total} (${r.non2xx}) | ${r.rssIdleMiB.toFixed(0)} → ${r.rssPeakMiB.toFixed(0)}${r.replicas > 1 ? ' (both)' : ''} |`);
}
if (values.json) writeFileSync(values.json, `${JSON.stringify(rows, null, 2)}\n`);
