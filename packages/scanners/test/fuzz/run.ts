/**
 * `pnpm fuzz [runs] [seed]`: checks the fuzzing properties (see documents.ts) on 100,000 generated documents,
 * patterns only (VEIL_FUZZ_MODEL=standin: with an overreaching stand-in model; VEIL_FUZZ_MODEL=bundled: the default
 * configuration with the bundled model). Prints the seed first; a failure prints the seed and path to replay it and
 * the shrunk document, which belongs in fuzz.test.ts's REGRESSIONS.
 */
import fc from 'fast-check';
import { checkDocument, fuzzDocument, fuzzModeFromEnv } from './documents.js';

const runs = Number(process.argv[2] ?? process.env.VEIL_FUZZ_RUNS ?? 100_000);
const seed = Number(process.argv[3] ?? process.env.VEIL_FUZZ_SEED ?? Date.now() % 2 ** 31);
const mode = fuzzModeFromEnv();
const { scanners } = mode;
console.log(`veil fuzz: ${runs} documents, seed ${seed}, ${mode.label}`);
const started = performance.now();
let checked = 0;
let values = 0;
const details = await fc.check(
  fc.asyncProperty(fuzzDocument, async (doc) => {
    checked++;
    values += doc.values.length;
    if (checked % 10_000 === 0) console.log(`  ${checked} documents, ${values} values, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    await checkDocument(doc, scanners);
  }),
  { numRuns: runs, seed },
);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (details.failed) {
  console.log(`FAILED after ${details.numRuns} documents (${seconds} s): seed ${details.seed}, path ${details.counterexamplePath}`);
  console.log(`document: ${JSON.stringify(details.counterexample?.[0])}`);
  console.log(`error: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`);
  process.exitCode = 1;
} else {
  console.log(`ok: ${details.numRuns} documents, ${values} values inserted, every property held (${seconds} s, seed ${seed})`);
}
