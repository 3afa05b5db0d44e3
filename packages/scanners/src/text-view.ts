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
  /** Original text without invisible characters, with full-width forms, odd spaces and dashes folded to ASCII. */
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

/**
 * Characters recognizers read as their plain ASCII form, one UTF-16 unit for one, so offsets do not move:
 * full-width forms (`４`, `＠`), no-break and other fixed-width spaces, and hyphens and dashes
 * (non-breaking hyphen, figure dash, en dash, minus sign).
 */
const FOLDABLE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\u2010-\u2013\u2212\uFE63\uFF01-\uFF5E]/;

function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xff01 + 0x21;
  if (code === 0x00a0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000) return 0x20;
  if ((code >= 0x2010 && code <= 0x2013) || code === 0x2212 || code === 0xfe63) return 0x2d;
  return code;
}

export function createTextView(original: string): TextView {
  const invisible = INVISIBLE.test(original);
  if (!invisible && !FOLDABLE.test(original)) {
    return { text: original, original, changed: false, toOriginalStart: (i) => i, toOriginalEnd: (i) => i };
  }
  if (!invisible) {
    // Same length: only characters are replaced, offsets are the original ones.
    const text = original.replace(new RegExp(FOLDABLE.source, 'g'), (ch) => String.fromCharCode(foldCode(ch.charCodeAt(0))));
    return { text, original, changed: true, toOriginalStart: (i) => i, toOriginalEnd: (i) => i };
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
  const text = pieces.join('').replace(new RegExp(FOLDABLE.source, 'g'), (ch) => String.fromCharCode(foldCode(ch.charCodeAt(0))));
  return {
    text,
    original,
    changed: true,
    toOriginalStart: (i) => (i >= viewLength ? original.length : originalOffset[i]!),
    toOriginalEnd: (i) => (i <= 0 ? 0 : originalOffset[Math.min(i, viewLength) - 1]! + 1),
  };
}
