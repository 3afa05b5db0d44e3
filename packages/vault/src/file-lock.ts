import lockfile from 'proper-lockfile';
import { VaultError } from './errors.js';

/** The vault file cannot be read, written or locked. The message names the operation, the cause is the fs error. */
export class VaultFileError extends VaultError {
  constructor(message: string, cause?: unknown) {
    super('VEIL_VAULT_FILE', message, { cause });
  }
}

/**
 * Another process held the lock for the whole wait. Same `code` as any VaultFileError (callers that map codes keep
 * working); `instanceof` tells it apart, so a command line can say "try again" instead of "broken file".
 */
export class VaultLockedError extends VaultFileError {
  constructor(cause?: unknown) {
    super('the vault file stayed locked by another process', cause);
  }
}

export interface FileLockOptions {
  /** A lock not refreshed for this long belongs to a crashed process and is taken over. Default 10 s. */
  staleMs?: number;
  /** How long to wait for another process's lock. Default 30 s; 0 fails at once. */
  timeoutMs?: number;
}

export interface FileLock {
  /** True once the lock was lost (its directory removed or taken over as stale): write nothing under it. */
  readonly compromised: boolean;
  release(): Promise<void>;
}

/**
 * Takes the advisory lock `<path>.lock` (a directory, so taking it is atomic on every file system), refreshed while
 * held. The file itself need not exist. Fails with VaultLockedError after `timeoutMs`, VaultFileError otherwise.
 */
export async function lockFile(path: string, options: FileLockOptions = {}): Promise<FileLock> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let compromised = false;
  let release: () => Promise<void>;
  // Our own retry loop, on ELOCKED only: proper-lockfile's retries would also wait out a missing directory or a
  // permission error, which no amount of waiting fixes.
  for (;;) {
    try {
      release = await lockfile.lock(path, {
        realpath: false,
        stale: options.staleMs ?? 10_000,
        retries: 0,
        onCompromised: () => {
          compromised = true;
        },
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw new VaultFileError('cannot lock the vault file', error);
      if (Date.now() >= deadline) throw new VaultLockedError(error);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
    }
  }
  return {
    get compromised() {
      return compromised;
    },
    release: () => release().catch(() => undefined),
  };
}
