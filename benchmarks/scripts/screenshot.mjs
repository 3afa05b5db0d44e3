#!/usr/bin/env node
// Renders a veil-bench HTML report in headless Chromium and writes a PNG, to look at the page without a browser.
// Usage: node scripts/screenshot.mjs [report.html] [out.png] [height] [offset]
//   offset (px) shoots the part of the page from there down, through a throwaway wrapper page.
//   defaults: results/report.html -> results/report.png (benchmarks/results/ is git-ignored), 1200 x 4000 px.
// Needs Debian's chromium (apt-get install -y chromium) or CHROMIUM=/path/to/chrome. Not used by the tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [input = 'results/report.html', output, height = '4000', offset = '0'] = process.argv.slice(2);
const page = resolve(input);
const png = resolve(output ?? page.replace(/\.html?$/, '') + '.png');
if (!existsSync(page)) {
  console.error(`screenshot: no such file: ${page}`);
  process.exit(2);
}
const candidates = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'].filter(Boolean);
const browser = candidates.find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);
if (!browser) {
  console.error('screenshot: no chromium found; apt-get install -y chromium, or set CHROMIUM');
  process.exit(1);
}
mkdirSync(dirname(png), { recursive: true });
// Headless screenshots start at the top of the page: to see further down, frame the page shifted up by `offset`.
const shift = Number(offset);
const wrapper = `${png}.frame.html`;
const target = shift > 0 ? wrapper : page;
if (shift > 0) {
  writeFileSync(
    wrapper,
    `<!doctype html><body style="margin:0;overflow:hidden"><iframe src="${pathToFileURL(page).href}" ` +
      `style="position:absolute;top:-${shift}px;left:0;width:1200px;height:${shift + Number(height)}px;border:0"></iframe></body>`,
  );
}
const result = spawnSync(
  browser,
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--no-first-run',
    '--disable-extensions',
    `--window-size=1200,${Number(height)}`,
    `--screenshot=${png}`,
    pathToFileURL(target).href,
  ],
  { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 60_000 },
);
if (shift > 0) rmSync(wrapper, { force: true });
if (result.status !== 0 || !existsSync(png)) {
  console.error(`screenshot: ${browser} failed (status ${result.status})\n${result.stderr ?? ''}`);
  process.exit(1);
}
console.log(`wrote ${png}`);
