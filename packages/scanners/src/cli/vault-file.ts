import { readFile } from 'node:fs/promises';
import { InvalidVaultSnapshotError, Vault, VaultLockedError, lockFile } from '@veil/vault';
import type { FileLock } from '@veil/vault';
import { CliFailure, attempt, errnoReason, reasonOf } from './failure.js';
import { decodeUtf8, quote, writeFileAtomic } from './io.js';

const vaultRole = (path: string) => `the vault file ${quote(path)}`;

/** What a vault file that is not one is, in words; its content is never quoted. */
function notAVault(text: string, error: InvalidVaultSnapshotError): string {
  try {
    // The encrypted store's files are JSON too; say so instead of "entries must be an array".
    if ((JSON.parse(text) as { format?: unknown })?.format === 'veil-vault') {
      return 'it is an encrypted vault (EncryptedFileVaultStore); the CLI reads the plain JSON vault that `veil anonymize` writes';
    }
  } catch {
    // Not JSON: the snapshot error already says so.
  }
  return `not a vault written by \`veil anonymize\` (${error.message})`;
}

/** Loads a vault file written by `veil anonymize`; a missing file gives an empty vault when `mustExist` is false. */
export async function loadVaultFile(path: string, mustExist: boolean): Promise<Vault> {
  const role = vaultRole(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !mustExist) return new Vault();
    const hint = code === 'ENOENT' ? ' (deanonymize needs the vault that `veil anonymize` wrote)' : '';
    throw new CliFailure(`cannot read ${role}: ${reasonOf(error)}${hint}`);
  }
  // Replacement characters in a vault would restore wrong values: refused like any other damage.
  const text = decodeUtf8(bytes, role);
  try {
    return Vault.fromJSON(text);
  } catch (error) {
    if (error instanceof InvalidVaultSnapshotError) throw new CliFailure(`cannot read ${role}: ${notAVault(text, error)}`);
    throw new CliFailure(`cannot read ${role}: ${reasonOf(error)}`);
  }
}

export async function saveVaultFile(path: string, vault: Vault): Promise<void> {
  const body = JSON.stringify(await vault.export(), null, 2) + '\n';
  await attempt(`save ${vaultRole(path)}`, () => writeFileAtomic(path, body), (error) =>
    // The temporary file is created next to the vault, so ENOENT means the directory is missing.
    (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its directory does not exist' : reasonOf(error));
}

/**
 * Takes `<vault>.lock` so two `veil anonymize` runs on one vault cannot both load it, add values and save: the
 * second save would drop the first one's entries, and its numbering could hand a placeholder already printed by
 * the first run to another value. Waits up to `timeoutSeconds` for another run to finish.
 */
export async function lockVaultFile(path: string, timeoutSeconds: number): Promise<FileLock> {
  try {
    return await lockFile(path, { timeoutMs: timeoutSeconds * 1000 });
  } catch (error) {
    if (error instanceof VaultLockedError) {
      throw new CliFailure(
        `cannot use ${vaultRole(path)}: another veil process kept it locked for ${timeoutSeconds} s (lock ${quote(`${path}.lock`)}; ` +
          'a lock left by a crashed process expires after 10 s)',
      );
    }
    const cause = (error as Error).cause;
    const reason = (cause as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'its directory does not exist' : errnoReason(cause) ?? reasonOf(error);
    throw new CliFailure(`cannot lock ${vaultRole(path)}: ${reason}`);
  }
}
