/**
 * Rewrites the `data:` lines of a server-sent-events stream, one line at a time, passing every other
 * line through. `transform` returns the replacement payloads for one data line (possibly several
 * events); `flush` may add events before the stream ends.
 */
export interface SseRewriter {
  data(payload: string): string[];
  flush(): string[];
}

export function sseRewriteStream(rewriter: SseRewriter): TransformStream<string, string> {
  let partial = '';
  const rewriteLine = (line: string): string => {
    const bare = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!bare.startsWith('data:')) return `${bare}\n`;
    const payload = bare.slice(5).replace(/^ /, '');
    return rewriter
      .data(payload)
      .map((p, i, all) => (i < all.length - 1 ? `data: ${p}\n\n` : `data: ${p}\n`))
      .join('');
  };
  return new TransformStream<string, string>({
    transform(chunk, controller) {
      const text = partial + chunk;
      const lastBreak = text.lastIndexOf('\n');
      if (lastBreak === -1) {
        partial = text;
        return;
      }
      partial = text.slice(lastBreak + 1);
      const out = text.slice(0, lastBreak).split('\n').map(rewriteLine).join('');
      if (out !== '') controller.enqueue(out);
    },
    flush(controller) {
      let out = partial === '' ? '' : rewriteLine(partial);
      const extra = rewriter.flush();
      if (extra.length > 0) out += extra.map((p) => `data: ${p}\n\n`).join('');
      if (out !== '') controller.enqueue(out);
    },
  });
}
