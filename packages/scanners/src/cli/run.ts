import type { Readable, Writable } from 'node:stream';
import { Anonymize } from '../anonymize.js';
import { Deanonymize } from '../deanonymize.js';
import { ConfigurationError, VeilError } from '../errors.js';
import { CliUsageError, USAGE, parseCliArgs } from './args.js';
import type { CliArgs } from './args.js';
import { CONFIG_NAMES, nerOptionFor } from './config.js';
import { readInput } from './io.js';
import { loadVaultFile, saveVaultFile } from './vault-file.js';

export interface CliStreams {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export const EXIT = { ok: 0, piiFound: 1, usage: 2, failed: 3 } as const;

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

function createAnonymize(args: CliArgs, vault = undefined as Anonymize['vault'] | undefined): Anonymize {
  const ner = nerOptionFor(args.config);
  if (ner === undefined) throw new CliUsageError(`unknown --config "${args.config}"; expected ${CONFIG_NAMES}`);
  return new Anonymize({
    vault,
    ner,
    allowedNames: args.allowed,
    hiddenNames: args.hidden,
    entityTypes: args.entities,
    threshold: args.threshold,
  });
}

async function anonymizeCommand(args: CliArgs, io: CliStreams): Promise<number> {
  const vaultPath = args.vault!;
  const vault = await loadVaultFile(vaultPath, false);
  const anonymize = createAnonymize(args, vault);
  const text = await readInput(args.input, io.stdin);
  const result = await anonymize.scan(text);
  // Save the vault before printing: sanitized text whose values were not saved could never be restored.
  await saveVaultFile(vaultPath, vault);
  await write(io.stdout, result.sanitized);
  return EXIT.ok;
}

async function deanonymizeCommand(args: CliArgs, io: CliStreams): Promise<number> {
  const vault = await loadVaultFile(args.vault!, true);
  const text = await readInput(args.input, io.stdin);
  const result = await new Deanonymize({ vault, matching: args.matching }).scan('', text);
  if (result.unknownPlaceholders.length > 0) {
    await write(io.stderr, `veil: ${result.unknownPlaceholders.length} placeholder(s) not in the vault were left as they are\n`);
  }
  await write(io.stdout, result.sanitized);
  return EXIT.ok;
}

async function scanCommand(args: CliArgs, io: CliStreams): Promise<number> {
  const anonymize = createAnonymize(args);
  const text = await readInput(args.input, io.stdin);
  const { findings } = await anonymize.scan(text);
  const lines = findings.map((f) => {
    const line: Record<string, unknown> = { type: f.type, start: f.start, end: f.end, score: f.score, recognizer: f.recognizer };
    if (args.withText) line.text = f.text;
    return JSON.stringify(line) + '\n';
  });
  await write(io.stdout, lines.join(''));
  return findings.length > 0 ? EXIT.piiFound : EXIT.ok;
}

/** Runs the `veil` command line and returns its exit code; never prints scanned text in a message. */
export async function runCli(argv: readonly string[], io: CliStreams): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    await write(io.stderr, `veil: ${error.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.help || args.command === undefined) {
    await write(io.stdout, USAGE);
    return EXIT.ok;
  }
  try {
    if (args.command === 'anonymize') return await anonymizeCommand(args, io);
    if (args.command === 'deanonymize') return await deanonymizeCommand(args, io);
    return await scanCommand(args, io);
  } catch (error) {
    // A bad option (an unknown --entities type) is a usage error, reported with the known types.
    if (error instanceof CliUsageError || error instanceof ConfigurationError) {
      await write(io.stderr, `veil: ${error.message}\n`);
      return EXIT.usage;
    }
    await write(io.stderr, `veil: ${describeFailure(error)}\n`);
    return EXIT.failed;
  }
}

/** Typed Veil errors carry no PII by contract; file errors name the path; anything else only by its name. */
function describeFailure(error: unknown): string {
  if (error instanceof VeilError) return `${error.name}: ${error.message}`;
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.code === 'string' && typeof e.path === 'string') return `cannot access ${e.path} (${e.code})`;
  if (error instanceof Error && error.name !== 'Error') return `${error.name}: ${error.message}`;
  return 'unexpected failure';
}
