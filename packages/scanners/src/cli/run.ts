import type { Readable, Writable } from 'node:stream';
import { Anonymize } from '../anonymize.js';
import { Deanonymize } from '../deanonymize.js';
import { ConfigurationError } from '../errors.js';
import { CliUsageError, USAGE, parseCliArgs } from './args.js';
import type { CliArgs } from './args.js';
import { CONFIG_NAMES, nerOptionFor } from './config.js';
import { CliFailure, OutputClosed, attempt, reasonOf } from './failure.js';
import { quote, readInput, writeOutput } from './io.js';
import { loadVaultFile, lockVaultFile, saveVaultFile } from './vault-file.js';

export interface CliStreams {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/**
 * Exit codes, also listed in USAGE and the README.
 *
 * `outputClosed` (141): the reader of stdout went away before everything was written (`veil anonymize … | head`).
 * That is the reader's choice, not a failure of veil, so it is not 3; it is not 0 either, since the output was not
 * all delivered, and never 1, which means "PII found". 141 = 128 + SIGPIPE is what a shell reports for `cat`,
 * `grep` and any tool stopped the usual way at that point, so `set -o pipefail` scripts treat veil alike.
 */
export const EXIT = { ok: 0, piiFound: 1, usage: 2, failed: 3, outputClosed: 141 } as const;

/** Messages to stderr; a closed stderr is no reason to fail differently, so its errors are dropped. */
function writeError(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed) return resolve();
    stream.write(text, () => resolve());
  });
}

function createAnonymize(args: CliArgs): Anonymize {
  const ner = nerOptionFor(args.config);
  if (ner === undefined) throw new CliUsageError(`unknown --config "${args.config}"; expected ${CONFIG_NAMES}`);
  return new Anonymize({
    ner,
    allowedNames: args.allowed,
    hiddenNames: args.hidden,
    entityTypes: args.entities,
    threshold: args.threshold,
  });
}

/** Loads the model up front, so a missing one is reported as such and is not loaded while the vault is locked. */
async function readyAnonymize(args: CliArgs): Promise<Anonymize> {
  const anonymize = createAnonymize(args);
  await attempt(`load the ${args.config} recognizers`, () => anonymize.ready());
  return anonymize;
}

async function anonymizeCommand(args: CliArgs, io: CliStreams): Promise<number> {
  const vaultPath = args.vault!;
  const anonymize = await readyAnonymize(args);
  const text = await readInput(args.input, io.stdin);
  const lock = await lockVaultFile(vaultPath, args.lockTimeout);
  let sanitized: string;
  try {
    const vault = await loadVaultFile(vaultPath, false);
    ({ sanitized } = await attempt('anonymize the input', () => anonymize.withVault(vault).scan(text)));
    if (lock.compromised) throw new CliFailure(`lost the lock on the vault file ${quote(vaultPath)}; the vault was not saved and nothing was printed`);
    // Save the vault before printing: sanitized text whose values were not saved could never be restored.
    await saveVaultFile(vaultPath, vault);
  } finally {
    await lock.release();
  }
  await writeOutput(io.stdout, sanitized);
  return EXIT.ok;
}

async function deanonymizeCommand(args: CliArgs, io: CliStreams): Promise<number> {
  const vault = await loadVaultFile(args.vault!, true);
  const text = await readInput(args.input, io.stdin);
  const result = await attempt('deanonymize the input', () => new Deanonymize({ vault, matching: args.matching }).scan('', text));
  if (result.unknownPlaceholders.length > 0) {
    await writeError(io.stderr, `veil: ${result.unknownPlaceholders.length} placeholder(s) not in the vault were left as they are\n`);
  }
  await writeOutput(io.stdout, result.sanitized);
  return EXIT.ok;
}

async function scanCommand(args: CliArgs, io: CliStreams): Promise<number> {
  const anonymize = await readyAnonymize(args);
  const text = await readInput(args.input, io.stdin);
  const { findings } = await attempt('scan the input', () => anonymize.scan(text));
  const lines = findings.map((f) => {
    const line: Record<string, unknown> = { type: f.type, start: f.start, end: f.end, score: f.score, recognizer: f.recognizer };
    if (args.withText) line.text = f.text;
    return JSON.stringify(line) + '\n';
  });
  if (lines.length > 0) await writeOutput(io.stdout, lines.join(''));
  return findings.length > 0 ? EXIT.piiFound : EXIT.ok;
}

/** Runs the `veil` command line and returns its exit code; never prints scanned text in a message. */
export async function runCli(argv: readonly string[], io: CliStreams): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    await writeError(io.stderr, `veil: ${error.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    if (args.help || args.command === undefined) {
      await writeOutput(io.stdout, USAGE);
      return EXIT.ok;
    }
    if (args.command === 'anonymize') return await anonymizeCommand(args, io);
    if (args.command === 'deanonymize') return await deanonymizeCommand(args, io);
    return await scanCommand(args, io);
  } catch (error) {
    if (error instanceof OutputClosed) return EXIT.outputClosed;
    // A bad option (an unknown --entities type) is a usage error, reported with the known types.
    if (error instanceof CliUsageError) {
      await writeError(io.stderr, `veil: ${error.message}\n`);
      return EXIT.usage;
    }
    const cause = error instanceof CliFailure ? (error.cause as unknown) : error;
    if (cause instanceof ConfigurationError) {
      await writeError(io.stderr, `veil: ${cause.message}\n`);
      return EXIT.usage;
    }
    const message = error instanceof CliFailure ? error.message : `${args.command} failed: ${reasonOf(error)}`;
    await writeError(io.stderr, `veil: ${message}\n`);
    return EXIT.failed;
  }
}
