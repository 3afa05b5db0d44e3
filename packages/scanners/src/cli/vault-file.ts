import { readFile } from 'node:fs/promises';
import { Vault } from '@veil/vault';
import { writeFileAtomic } from './io.js';

/** Loads a vault file written by `veil anonymize`; a missing file gives an empty vault when `mustExist` is false. */
export async function loadVaultFile(path: string, mustExist: boolean): Promise<Vault> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !mustExist) return new Vault();
    throw error;
  }
  return Vault.fromJSON(text);
}

export async function saveVaultFile(path: string, vault: Vault): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(await vault.export(), null, 2) + '\n');
}
