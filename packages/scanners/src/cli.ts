#!/usr/bin/env node
import { runCli } from './cli/run.js';

const argv = process.argv.slice(2);
// `veil serve` loads Fastify only when asked for.
const run = argv[0] === 'serve'
  ? import('./server/main.js').then((m) => m.serveMain(argv.slice(1), { stdout: process.stdout, stderr: process.stderr }))
  : runCli(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
run.then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('veil: unexpected failure\n');
    process.exitCode = 3;
  },
);
