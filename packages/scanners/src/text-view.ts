/**
 * Characters that render as nothing and are removed before recognition, so `jo\u200Bhn@example.com`
 * is still seen as an email: zero-width space / non-joiner / joiner, word joiner, BOM (zero-width
 * no-break space) and soft hyphen.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;

const isInvisible = (code: number): boolean =>
  code === 0x00ad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;

/** The text recognizers see, with a map back to offsets in the original text. */
export interface TextView {
  /** Original text without invisible characters. */
  readonly text: string;
  readonly original: string;
  /** Whether any character was removed (the view differs from the original). */
  readonly changed: boolean;
  /** Original offset of the view character at `viewStart` (a span start). */
  toOriginalStart(viewStart: number): number;
  /**
   * Original offset just after the view character before `viewEnd` (an exclusive span end), so a
   * span covers the invisible characters inside it but not those around it.
   */
  toOriginalEnd(viewEnd: number): number;
}

export function createTextView(original: string): TextView {
  if (!INVISIBLE.test(original)) {
    return { text: original, original, changed: false, toOriginalStart: (i) => i, toOriginalEnd: (i) => i };
  }
  const originalOffset = new Uint32Array(original.length);
  const pieces: string[] = [];
  let viewLength = 0;
  let runStart = 0;
  for (let i = 0; i < original.length; i++) {
    if (isInvisible(original.charCodeAt(i))) {
      if (runStart < i) pieces.push(original.slice(runStart, i));
      runStart = i + 1;
    } else {
      originalOffset[viewLength++] = i;
    }
  }
  if (runStart < original.length) pieces.push(original.slice(runStart));
  const text = pieces.join('');
  return {
    text,
    original,
    changed: true,
    toOriginalStart: (i) => (i >= viewLength ? original.length : originalOffset[i]!),
    toOriginalEnd: (i) => (i <= 0 ? 0 : originalOffset[Math.min(i, viewLength) - 1]! + 1),
  };
}
