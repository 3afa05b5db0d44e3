#!/usr/bin/env node
import { EXIT, runCli } from './cli/run.js';

// A reader that stops early (`veil … | head`) makes writes fail with EPIPE. runCli sees that through its write
// callbacks and exits with EXIT.outputClosed; without a listener the stream would also emit an 'error' event that
// crashes the process with a stack trace and exit code 1, which means "PII found".
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

const argv = process.argv.slice(2);
// `veil serve` loads Fastify only when asked for.
const run = argv[0] === 'serve'
  ? import('./server/main.js').then((m) => m.serveMain(argv.slice(1), { stdout: process.stdout, stderr: process.stderr }))
  : runCli(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
run.then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Only the error's class: its message could quote the text being processed.
    const name = error instanceof Error ? error.name : typeof error;
    process.stderr.write(`veil: ${argv[0] ?? 'veil'} failed: unexpected ${name} (a bug in veil: please report it with the command line, not the text)\n`);
    process.exitCode = EXIT.failed;
  },
);
