#!/usr/bin/env node
// `pnpm run test:pipeline`: the CI-sized smoke run of the model training pipeline
// (bash packages/ner-models/training/run.sh smoke), only where it can run without installing system packages:
// bash and a /usr/bin/python3 that imports torch and can create a virtual environment (the pipeline's
// setup installs its few pip pins into one). Elsewhere it prints one line saying why it was skipped and exits 0.
//
//   VEIL_PIPELINE=skip      never run it (exit 0 with the skip line); VEIL_SKIP_PIPELINE=1 does the same
//   VEIL_PIPELINE=require   always run it, and fail if it cannot run (.ci/run sets this after installing torch)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runSh = fileURLToPath(new URL('../packages/ner-models/training/run.sh', import.meta.url));
const python = '/usr/bin/python3';
const mode = process.env.VEIL_SKIP_PIPELINE === '1' ? 'skip' : (process.env.VEIL_PIPELINE ?? 'auto');

function skip(reason) {
  console.log(`test:pipeline: training smoke run skipped: ${reason} (it runs where ${python} imports torch; see README)`);
  process.exit(0);
}

function works(command, args) {
  const r = spawnSync(command, args, { stdio: 'ignore', timeout: 120_000 });
  return r.status === 0;
}

if (mode === 'skip') skip('VEIL_PIPELINE=skip or VEIL_SKIP_PIPELINE=1 is set');
if (mode !== 'require') {
  if (process.platform === 'win32') skip('not supported on Windows');
  if (!works('bash', ['-c', 'true'])) skip('no bash');
  if (!works(python, ['-c', 'import torch'])) skip(`${python} cannot import torch`);
  if (!works(python, ['-c', 'import ensurepip, venv'])) skip(`${python} has no venv module (python3-venv)`);
}
const r = spawnSync('bash', [runSh, 'smoke'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
