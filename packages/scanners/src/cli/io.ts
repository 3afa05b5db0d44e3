import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { InvalidInputError } from '../errors.js';

/** fatal: bytes that are not UTF-8 are refused rather than replaced, so nothing is silently lost. ignoreBOM keeps a BOM. */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Reads a file, or stdin for '-', as UTF-8 text. */
export async function readInput(path: string, stdin: Readable): Promise<string> {
  const bytes = path === '-' ? await readAll(stdin) : await readFile(path);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new InvalidInputError('input is not valid UTF-8');
  }
}

/**
 * Writes through a temporary file in the same directory and renames it over the target, so a crash never leaves
 * a half-written vault. Owner-only permissions: the file holds the original values.
 */
export async function writeFileAtomic(path: string, body: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, body, { mode: 0o600 });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
