/**
 * `pnpm fuzz:report [documents per attack] [seed]`: for each attack in documents.ts, that many documents (the
 * attack's value among noise), and how many values are left whole or in part and how many round trips are not
 * exact (with exact or combined matching). Unlike `pnpm fuzz` it does not stop at the first failure: it measures, so a change can be compared
 * with the code before it. VEIL_FUZZ_MODEL picks the configuration as for `pnpm fuzz`.
 */
import { Vault } from '@veil/vault';
import fc from 'fast-check';
import { Deanonymize } from '../../src/deanonymize.js';
import { VeilError } from '../../src/errors.js';
import { ATTACKS, email, forged, fuzzModeFromEnv, noise, valuesLeft } from './documents.js';
import type { FuzzDocument } from './documents.js';

const perAttack = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 2026);
const { scanners, label } = fuzzModeFromEnv();

const around = fc.array(noise, { maxLength: 4 });
const docOf = (attack: fc.Arbitrary<[string, string, string]>): fc.Arbitrary<FuzzDocument> =>
  fc.tuple(around, attack, around).map(([before, [label, value, after], rest]) => ({
    text: [...before, `${label}${value}${after}`, ...rest].join(' '),
    values: [value],
  }));

console.log(`veil fuzz report: ${perAttack} documents per attack, seed ${seed}, ${label}\n`);
console.log('| attack | documents | values left | inexact round trips | typed errors |');
console.log('| --- | ---: | ---: | ---: | ---: |');
// Placeholder-like text after a real value: the vault then holds a placeholder the forged text may imitate, and
// the round trip shows whether Deanonymize hands that value out for it.
const FORGED: [string, fc.Arbitrary<[string, string, string]>][] = [
  ['forged placeholders after a real value', fc.tuple(email, forged).map(([value, f]): [string, string, string] => ['mail ', value, ` ${f}`])],
];
for (const [name, attack] of [...Object.entries(ATTACKS), ...FORGED]) {
  let left = 0;
  let inexact = 0;
  let refused = 0;
  for (const doc of fc.sample(docOf(attack), { numRuns: perAttack, seed })) {
    const vault = new Vault();
    let result;
    try {
      result = await scanners.anonymize(vault).scan(doc.text);
    } catch (error) {
      if (!(error instanceof VeilError)) throw error;
      refused++;
      continue;
    }
    left += valuesLeft(doc, result).length;
    for (const matching of ['exact', 'combined'] as const) {
      const back = (await new Deanonymize({ vault, matching }).scan('', result.sanitized)).sanitized;
      if (back !== doc.text) {
        inexact++;
        break;
      }
    }
  }
  console.log(`| ${name} | ${perAttack} | ${left} | ${inexact} | ${refused} |`);
}
