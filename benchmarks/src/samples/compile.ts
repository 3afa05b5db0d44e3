import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toJsonl } from './dataset.js';
import type { SampleDocument } from './dataset.js';
import { compileMarkup, MarkupError } from './markup.js';

/**
 * Compiles the marked-up sources in benchmarks/data/src (one genre per file, documents introduced by
 * a line `@@@ <id>`) into benchmarks/data/samples.jsonl. Output depends only on the sources.
 *
 *   pnpm exec tsx benchmarks/src/samples/compile.ts           # write samples.jsonl
 *   pnpm exec tsx benchmarks/src/samples/compile.ts --check   # fail if samples.jsonl is stale
 */
export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const SOURCES_DIR = join(DATA_DIR, 'src');
export const SAMPLES_FILE = join(DATA_DIR, 'samples.jsonl');

const HEADER = '@@@ ';
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function compileSourceFile(fileName: string, content: string): SampleDocument[] {
  const genre = basename(fileName, '.txt');
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const documents: SampleDocument[] = [];
  let current: { id: string; line: number; body: string[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    const source = current.body.join('\n').trim();
    const { text, spans } = compileMarkup(source, current.id, `${fileName}:${current.id}`);
    documents.push({ id: current.id, text, spans, meta: { genre } });
  };
  lines.forEach((line, index) => {
    if (line.startsWith(HEADER)) {
      flush();
      const id = line.slice(HEADER.length).trim();
      if (!ID_PATTERN.test(id)) throw new MarkupError(`${fileName}:${index + 1}: bad document id`);
      current = { id, line: index + 1, body: [] };
    } else if (current) {
      current.body.push(line);
    } else if (line.trim() !== '' && !line.startsWith('#')) {
      // Lines before the first header are the file's own notes and must be comments.
      throw new MarkupError(`${fileName}:${index + 1}: text before the first "@@@ id" header`);
    }
  });
  flush();
  return documents;
}

export function compileSources(sourcesDir = SOURCES_DIR): SampleDocument[] {
  const files = readdirSync(sourcesDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const documents = files.flatMap((name) => compileSourceFile(name, readFileSync(join(sourcesDir, name), 'utf8')));
  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.id)) throw new MarkupError(`duplicate document id ${doc.id}`);
    seen.add(doc.id);
  }
  return documents;
}

function main(argv: readonly string[]): number {
  const jsonl = toJsonl(compileSources());
  if (argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(SAMPLES_FILE, 'utf8');
    } catch {
      // A missing file is simply stale.
    }
    if (committed !== jsonl) {
      console.error('samples.jsonl is out of date: run pnpm exec tsx benchmarks/src/samples/compile.ts');
      return 1;
    }
    console.log('samples.jsonl is up to date');
    return 0;
  }
  writeFileSync(SAMPLES_FILE, jsonl);
  console.log(`wrote ${jsonl.split('\n').length - 1} documents to ${SAMPLES_FILE}`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
