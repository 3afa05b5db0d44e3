import { parseArgs } from 'node:util';
import { MATCHING_STRATEGIES } from '../placeholder-match.js';
import type { MatchingStrategy } from '../placeholder-match.js';
import { CONFIG_NAMES } from './config.js';

export const COMMANDS = ['anonymize', 'deanonymize', 'scan'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
  command: Command | undefined;
  help: boolean;
  /** A file path, or '-' for stdin. */
  input: string;
  vault?: string;
  config: string;
  allowed: string[];
  hidden: string[];
  entities?: string[];
  threshold?: number;
  matching: MatchingStrategy;
  withText: boolean;
  /** anonymize: seconds to wait for another veil process using the same vault. */
  lockTimeout: number;
}

export const DEFAULT_LOCK_TIMEOUT_SECONDS = 30;

export const USAGE = `veil: keep personal data out of LLM prompts and put it back into the answers.

Usage:
  veil anonymize   [FILE|-] --vault VAULT.json [options]   sanitized text on stdout; placeholders saved in VAULT.json
  veil deanonymize [FILE|-] --vault VAULT.json [options]   restores the placeholders found in the text
  veil scan        [FILE|-] [options]                      findings as JSON lines on stdout
  veil serve       [--config FILE.json] [--host H] [--port N]   HTTP service (see veil serve --help)

FILE defaults to stdin ('-'). Text is read and written as UTF-8, unchanged apart from the replaced values.

Options:
  --vault FILE          vault file (JSON, holds the original values: keep it private); created by anonymize
  --config NAME         ${CONFIG_NAMES} (default: bundled)
  --allowed A,B         names never redacted
  --hidden X,Y          names always redacted (as CUSTOM)
  --entities T1,T2      only these entity types (any case; an unknown type is a usage error)
  --threshold N         minimum score, 0..1 (default 0.5)
  --matching STRATEGY   deanonymize: ${MATCHING_STRATEGIES.join(' | ')} (default: combined)
  --with-text           scan: include each finding's text in the JSON lines
  --lock-timeout S      anonymize: seconds to wait while another veil process uses the vault (default ${DEFAULT_LOCK_TIMEOUT_SECONDS})
  -h, --help            this text

A value written several ways (with invisible characters, full-width letters, an e-mail address in other case)
gets one placeholder, and deanonymize puts back the first spelling the vault saw.

Exit codes:
  0    success (scan: no PII found)
  1    scan found PII
  2    usage error (incl. an unknown entity type or --config)
  3    the command failed: the message says which file (input, vault, output) and why (not found, is a directory,
       permission denied, not UTF-8, not a vault, vault locked by another veil process, model missing, ...)
  141  the reader closed standard output early (\`veil ... | head\`); nothing is reported, as for a tool stopped by
       SIGPIPE (128 + 13). anonymize had already saved the vault.
`;

export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

const list = (value: string | undefined) =>
  value === undefined ? [] : value.split(',').map((s) => s.trim()).filter((s) => s !== '');

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        vault: { type: 'string' },
        config: { type: 'string' },
        allowed: { type: 'string' },
        hidden: { type: 'string' },
        entities: { type: 'string' },
        threshold: { type: 'string' },
        matching: { type: 'string' },
        'with-text': { type: 'boolean' },
        'lock-timeout': { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const help = values.help ?? false;
  const [commandName, input, ...extra] = positionals;
  if (commandName === undefined) {
    if (help) {
      return { command: undefined, help, input: '-', config: 'bundled', allowed: [], hidden: [], matching: 'combined', withText: false, lockTimeout: DEFAULT_LOCK_TIMEOUT_SECONDS };
    }
    throw new CliUsageError('missing command');
  }
  if (!(COMMANDS as readonly string[]).includes(commandName)) throw new CliUsageError(`unknown command "${commandName}"`);
  const command = commandName as Command;
  if (extra.length > 0) throw new CliUsageError('give at most one input file');
  if (!help && command !== 'scan' && values.vault === undefined) throw new CliUsageError(`${command} needs --vault FILE`);
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!(threshold >= 0 && threshold <= 1)) throw new CliUsageError('--threshold must be a number in [0, 1]');
  }
  const matching = values.matching ?? 'combined';
  if (!(MATCHING_STRATEGIES as readonly string[]).includes(matching)) {
    throw new CliUsageError(`--matching must be one of ${MATCHING_STRATEGIES.join(', ')}`);
  }
  let lockTimeout = DEFAULT_LOCK_TIMEOUT_SECONDS;
  if (values['lock-timeout'] !== undefined) {
    lockTimeout = Number(values['lock-timeout']);
    if (!(lockTimeout >= 0 && lockTimeout <= 86_400)) throw new CliUsageError('--lock-timeout must be a number of seconds in [0, 86400]');
  }
  const entities = values.entities === undefined ? undefined : list(values.entities).map((e) => e.toUpperCase());
  if (entities !== undefined && entities.length === 0) throw new CliUsageError('--entities needs at least one type');
  return {
    command,
    help,
    input: input ?? '-',
    vault: values.vault,
    config: values.config ?? 'bundled',
    allowed: list(values.allowed),
    hidden: list(values.hidden),
    entities,
    threshold,
    matching: matching as MatchingStrategy,
    withText: values['with-text'] ?? false,
    lockTimeout,
  };
}
