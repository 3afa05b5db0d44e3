/**
 * Dataset files count offsets in Unicode code points (as Python does); JavaScript strings and Veil's findings
 * count UTF-16 code units. These helpers convert between the two.
 */

/** Returns a table where entry i is the UTF-16 offset of code point i; the last entry is text.length. */
export function codePointToUtf16Table(text: string): number[] {
  const table: number[] = [];
  let utf16 = 0;
  for (const ch of text) {
    table.push(utf16);
    utf16 += ch.length;
  }
  table.push(utf16);
  return table;
}

/** Code-point length of a string (a lone surrogate counts as one, as Python counts it). */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Converts a UTF-16 offset to a code-point offset. */
export function utf16ToCodePoint(text: string, utf16Offset: number): number {
  return codePointLength(text.slice(0, utf16Offset));
}
