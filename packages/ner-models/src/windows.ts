/**
 * Long texts are cut into overlapping token windows so cost grows linearly with length. Each token then takes
 * its logits from the window where it sits farthest from a cut edge (the window with the most context around
 * it), and aggregation runs once over the whole text: an entity that crosses a cut is found once and whole.
 */
export interface TokenWindow {
  /** First token (index into the text's token list). */
  start: number;
  /** One past the last token. */
  end: number;
}

/** Windows of `length` tokens overlapping by `overlap` tokens, covering `tokenCount` tokens. */
export function planWindows(tokenCount: number, length: number, overlap: number): TokenWindow[] {
  if (!Number.isInteger(length) || length < 1) throw new RangeError('window length must be a positive integer');
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= length) {
    throw new RangeError('window overlap must be in 0..length-1');
  }
  if (tokenCount <= 0) return [];
  if (tokenCount <= length) return [{ start: 0, end: tokenCount }];
  const step = length - overlap;
  const windows: TokenWindow[] = [];
  for (let start = 0; ; start += step) {
    const end = Math.min(start + length, tokenCount);
    // The last window is pulled back to full length so it has as much context as the others.
    windows.push({ start: Math.max(0, end - length), end });
    if (end === tokenCount) break;
  }
  return windows;
}

/**
 * For every token, the index of the window it should be read from: the one maximising its distance to the
 * nearest cut edge. Edges at the very start or end of the text are not cuts, so they do not count.
 */
export function assignTokensToWindows(tokenCount: number, windows: readonly TokenWindow[]): Int32Array {
  const owner = new Int32Array(tokenCount).fill(-1);
  const bestDistance = new Float64Array(tokenCount).fill(-1);
  windows.forEach((w, index) => {
    const leftIsCut = w.start > 0;
    const rightIsCut = w.end < tokenCount;
    for (let t = w.start; t < w.end; t++) {
      const left = leftIsCut ? t - w.start : Number.POSITIVE_INFINITY;
      const right = rightIsCut ? w.end - 1 - t : Number.POSITIVE_INFINITY;
      const distance = Math.min(left, right);
      if (distance > bestDistance[t]!) {
        bestDistance[t] = distance;
        owner[t] = index;
      }
    }
  });
  return owner;
}
