import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

/** The README promises that its quick start runs as written and prints what it shows; this holds it to that. */
describe('README quick start', () => {
  it('runs as written and prints the output the README shows', async () => {
    const readme = await readFile(`${root}README.md`, 'utf8');
    const block = /<!-- quickstart[^>]*-->\s*```ts\n([\s\S]*?)```\s*<!-- \/quickstart -->/.exec(readme);
    expect(block, 'quick-start block').not.toBeNull();
    const printed = /It prints:\s*```text\n([\s\S]*?)```/.exec(readme.slice(block!.index));
    expect(printed, 'printed output block').not.toBeNull();

    // Inside the repository so that @veil/* resolve through the root node_modules.
    const dir = `${root}node_modules/.cache/veil-readme`;
    await mkdir(dir, { recursive: true });
    const file = `${dir}/quickstart.mts`;
    await writeFile(file, block![1]!);
    const { stdout } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', file], {
      cwd: root,
      timeout: 120_000,
    });
    expect(stdout).toBe(printed![1]);
  });
});
