/**
 * How the CLI words a failure: what failed (which file, in which role) and why, in one line. Never document text:
 * only paths the user typed, error codes, and messages of typed errors, which carry no PII by contract.
 */
import { VaultError } from '@veil/vault';
import { VeilError } from '../errors.js';

/** A failure already worded for the user; `runCli` prints `veil: <message>` and exits 3. */
export class CliFailure extends Error {
  override name = 'CliFailure';
}

/** The reader of stdout went away (`veil … | head`): not a failure of veil, see EXIT.outputClosed. */
export class OutputClosed extends Error {
  override name = 'OutputClosed';
}

const ERRNO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'not found',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EBUSY: 'device or resource busy',
  EBADF: 'not open',
  ENXIO: 'no such device',
  EINVAL: 'invalid argument',
};

/** `ENOENT` and friends in words; the code itself for the rare others, so the message still says something exact. */
export function errnoReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return undefined;
  return ERRNO_REASONS[code] ?? `system error ${code}`;
}

/**
 * Why `error` happened, for a message that already says what failed. Typed Veil and vault errors give their message;
 * file-system errors their code in words; anything else only its class, because an unknown error's message might
 * quote the text being processed.
 */
export function reasonOf(error: unknown): string {
  const errno = errnoReason(error);
  if (errno) return errno;
  if (error instanceof VeilError || error instanceof VaultError) return error.message;
  const name = error instanceof Error ? error.name : typeof error;
  return `unexpected ${name} (a bug in veil: please report it with the command line, not the text)`;
}

/** Runs `step`; a failure becomes a CliFailure saying `cannot <what>: <reason>`. */
export async function attempt<T>(what: string, step: () => Promise<T>, reason: (error: unknown) => string = reasonOf): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof CliFailure || error instanceof OutputClosed) throw error;
    throw new CliFailure(`cannot ${what}: ${reason(error)}`, { cause: error });
  }
}
