import type { Vault } from '@veil/vault';
import { Anonymize } from '../anonymize.js';
import type { AnonymizeOptions } from '../anonymize.js';
import { Deanonymize } from '../deanonymize.js';
import { ConfigurationError } from '../errors.js';
import { checkObserveOptions } from '../observe.js';
import type { ObserveOptions } from '../observe.js';
import type { MatchingStrategy } from '../placeholder-match.js';
import type { InputScanner } from '../types.js';

/** Ready-made scanners; both must use the same vault scope (one per conversation). */
export interface VeilScanners {
  anonymize: InputScanner;
  deanonymize: Deanonymize;
}

/** Or let the adapter build them around one vault scope. */
export interface VeilVaultOptions {
  vault: Vault;
  /** Options for the Anonymize scanner (its vault is `vault`). */
  anonymizeOptions?: Omit<AnonymizeOptions, 'vault'>;
  /** Deanonymize strategy for answers. Default `combined`: models mangle placeholders. */
  matching?: MatchingStrategy;
}

/**
 * `onScan` receives every scan the adapter runs (one per anonymized piece of text, one per restored
 * answer or stream), tagged with the adapter's name as `source`.
 */
export type VeilAdapterOptions = (VeilScanners | VeilVaultOptions) & ObserveOptions;

/** Gives a scanner the adapter's hook when it can take one (Anonymize / Deanonymize do). */
function observedScanner<S>(scanner: S, observe: ObserveOptions): S {
  const observed = (scanner as { observed?: (o: ObserveOptions) => S }).observed;
  return typeof observed === 'function' ? observed.call(scanner, observe) : scanner;
}

interface VaultIdentity {
  store?: unknown;
  scopeName?: unknown;
}

function sameVault(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = a as VaultIdentity;
  const y = b as VaultIdentity;
  return typeof x === 'object' && typeof y === 'object' && x !== null && y !== null && x.store !== undefined && x.store === y.store && x.scopeName === y.scopeName;
}

/** `source` names the adapter in scan events unless the options name one. */
export function resolveScanners(options: VeilAdapterOptions, source?: string): VeilScanners {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('adapter options are required');
  const own = checkObserveOptions(options);
  const observe: ObserveOptions = { ...(source !== undefined ? { source } : {}), ...own };
  if ('deanonymize' in options && options.deanonymize !== undefined) {
    const { anonymize, deanonymize } = options;
    // Checked by shape, not instanceof: a second copy of this package (dist next to src) still fits.
    const fits = typeof deanonymize === 'object' && deanonymize !== null && typeof deanonymize.scan === 'function' &&
      typeof deanonymize.matching === 'string' && typeof deanonymize.vault?.entries === 'function';
    if (!fits) throw new ConfigurationError('deanonymize must be a Deanonymize instance');
    if (typeof anonymize !== 'object' || anonymize === null || typeof anonymize.scan !== 'function') {
      throw new ConfigurationError('anonymize must be an input scanner such as Anonymize');
    }
    const anonymizeVault = (anonymize as { vault?: unknown }).vault;
    // Placeholders written to one scope can never be restored from another.
    if (anonymizeVault !== undefined && !sameVault(anonymizeVault, deanonymize.vault)) {
      throw new ConfigurationError('anonymize and deanonymize must share one vault scope');
    }
    return { anonymize: observedScanner(anonymize, observe), deanonymize: observedScanner(deanonymize, observe) };
  }
  const { vault, anonymizeOptions, matching } = options as VeilVaultOptions;
  if (vault === undefined) throw new ConfigurationError('pass either { anonymize, deanonymize } or { vault }');
  return {
    anonymize: new Anonymize({ ...anonymizeOptions, ...observe, vault }),
    deanonymize: new Deanonymize({ vault, matching: matching ?? 'combined', ...observe }),
  };
}
