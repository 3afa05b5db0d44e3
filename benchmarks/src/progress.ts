/** A one-line progress bar on stderr; silent when disabled so that piped output stays clean. */
export interface Progress {
  tick(done: number): void;
  finish(): void;
}

const WIDTH = 28;

export function createProgress(label: string, total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || total === 0) return { tick() {}, finish() {} };
  let lastDrawn = -1;
  const draw = (done: number) => {
    const filled = Math.round((done / total) * WIDTH);
    stream.write(`\r${label.padEnd(22)} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total}`);
  };
  return {
    tick(done) {
      // Redraw at most ~100 times per run: a terminal write per document would cost more than a fast detector.
      const step = Math.floor((done * 100) / total);
      if (step !== lastDrawn) {
        lastDrawn = step;
        draw(done);
      }
    },
    finish() {
      draw(total);
      stream.write('\n');
    },
  };
}
