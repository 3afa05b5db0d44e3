#!/usr/bin/env node
import { runCli } from './cli/run.js';

runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('veil: unexpected failure\n');
    process.exitCode = 3;
  },
);
