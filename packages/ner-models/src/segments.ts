/**
 * A long text is read in segments of bounded size, one group at a time, so that the model's working memory
 * (words, token ids, probabilities) stays the same for a 5 MB document as for a 50 KB one. Each segment is read
 * with a margin of context on both sides and keeps only the entities that start in its core: an entity that
 * crosses a cut is found whole by the segment where it starts, and never twice.
 */
export interface TextSegment {
  /** What the model reads: the core plus the margins. */
  start: number;
  end: number;
  /** The part this segment answers for: entities starting here are kept. Cores tile the text. */
  coreStart: number;
  coreEnd: number;
}

export interface SegmentPlan {
  /** Longest core, in UTF-16 units. */
  size: number;
  /** Context read on each side of a core; longer than any entity, and than the model's window. */
  margin: number;
}

/** 32K-character cores keep the margins' extra reading to about 6 %; the margin is four 128-token windows. */
export const DEFAULT_SEGMENT_PLAN: SegmentPlan = { size: 32_768, margin: 1_024 };

const LINE_BREAK = 0x0a;

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Where the core starting at `from` should end: after the last line break in the last quarter of the allowed
 * size, else after the last space there, else at the size itself (never between the halves of a surrogate pair).
 */
function cutAfter(text: string, from: number, size: number): number {
  const limit = from + size;
  if (limit >= text.length) return text.length;
  const floor = limit - (size >> 2);
  let space = -1;
  for (let i = limit; i > floor; i--) {
    const code = text.charCodeAt(i - 1);
    if (code === LINE_BREAK) return i;
    if (space < 0 && isSpace(code)) space = i;
  }
  if (space > 0) return space;
  return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

/** Segments covering `text`; a text no longer than one core is a single segment without margins. */
export function planSegments(text: string, plan: SegmentPlan = DEFAULT_SEGMENT_PLAN): TextSegment[] {
  const { size, margin } = plan;
  if (!Number.isInteger(size) || size < 4) throw new RangeError('segment size must be an integer of at least 4');
  if (!Number.isInteger(margin) || margin < 0) throw new RangeError('segment margin must be a non-negative integer');
  const segments: TextSegment[] = [];
  let coreStart = 0;
  do {
    const coreEnd = cutAfter(text, coreStart, size);
    segments.push({ start: Math.max(0, coreStart - margin), end: Math.min(text.length, coreEnd + margin), coreStart, coreEnd });
    coreStart = coreEnd;
  } while (coreStart < text.length);
  return segments;
}
