import { randomBytes } from 'node:crypto';
import { fstatSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CliFailure, OutputClosed, attempt, errnoReason } from './failure.js';

/** fatal: bytes that are not UTF-8 are refused rather than replaced, so nothing is silently lost. ignoreBOM keeps a BOM. */
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** How messages name a path the user gave: quoted as JSON, so a newline or quote in it cannot forge a message. */
export const quote = (path: string): string => JSON.stringify(path);

export const inputRole = (path: string): string => (path === '-' ? 'standard input' : `the input file ${quote(path)}`);

async function readAll(stream: Readable): Promise<Buffer> {
  // Node reads a directory given as stdin (`veil scan < /`) as empty text; say what it is instead.
  const fd = (stream as Readable & { fd?: unknown }).fd;
  if (typeof fd === 'number') {
    let directory = false;
    try {
      directory = fstatSync(fd).isDirectory();
    } catch {
      // Not a file descriptor fstat understands: read it like any stream.
    }
    if (directory) throw Object.assign(new Error('stdin is a directory'), { code: 'EISDIR' });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Bytes of a file read as text: UTF-8 or a CliFailure naming `role`. */
export function decodeUtf8(bytes: Uint8Array, role: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CliFailure(`cannot read ${role}: not valid UTF-8 (veil reads and writes UTF-8 text only)`);
  }
}

/** Reads a file, or stdin for '-', as UTF-8 text. Failures name the input and the reason, never its content. */
export async function readInput(path: string, stdin: Readable): Promise<string> {
  const role = inputRole(path);
  const bytes = await attempt(`read ${role}`, () => (path === '-' ? readAll(stdin) : readFile(path)));
  return decodeUtf8(bytes, role);
}

/**
 * Writes to stdout. A reader that went away (EPIPE, or the stream already destroyed by the first EPIPE) is
 * OutputClosed; anything else (a full disk behind `> file`) is a failure that says so.
 */
export function writeOutput(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error: Error | null | undefined) => {
      if (!error) return resolve();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return reject(new OutputClosed('the reader closed standard output'));
      reject(new CliFailure(`cannot write standard output: ${errnoReason(error) ?? error.name}`));
    };
    if (stream.destroyed) return settle(Object.assign(new Error('destroyed'), { code: 'ERR_STREAM_DESTROYED' }));
    stream.write(text, settle);
  });
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
