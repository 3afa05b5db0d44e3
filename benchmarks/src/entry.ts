import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs `main` when the module at `moduleUrl` is the script node was started with, and sets the exit code from it.
 * Through a package bin, argv[1] is a symlink, so real paths are compared. Typed Veil and model errors carry no PII
 * by contract; anything else is reported by name and message only.
 */
export function runIfEntryPoint(moduleUrl: string, name: string, main: (argv: readonly string[]) => Promise<number>): void {
  const script = process.argv[1];
  if (script === undefined || !existsSync(script) || realpathSync(fileURLToPath(moduleUrl)) !== realpathSync(script)) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      process.stderr.write(`${name}: failed: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
