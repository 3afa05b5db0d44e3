import type { EntityType } from '@veil/scanners';
import type { Span } from '../dataset.js';

/**
 * Recovers spans from a tool that only returns redacted text. The redacted text must be the original with some
 * substrings replaced by marker tokens (each naming an entity type); everything between markers is copied
 * verbatim. Each replaced region ends where the next literal piece resumes in the original.
 */
export function spansFromRedaction(
  original: string,
  redacted: string,
  markers: ReadonlyMap<string, EntityType>,
): Span[] {
  const pieces = splitOnMarkers(redacted, markers);
  const spans: Span[] = [];
  let pos = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (piece.kind === 'literal') {
      pos += piece.text.length;
      continue;
    }
    const next = pieces[i + 1];
    let end: number;
    if (next === undefined) end = original.length;
    else if (next.kind === 'marker') end = Math.min(original.length, pos + 1); // adjacent markers: position unknown
    else if (i + 2 >= pieces.length) end = original.length - next.text.length; // last literal: anchored at the end
    else {
      const found = original.indexOf(next.text, pos + 1);
      end = found < 0 ? original.length : found;
    }
    if (end > pos) spans.push({ start: pos, end, label: piece.label });
    pos = Math.max(pos, end);
  }
  return spans;
}

type Piece = { kind: 'literal'; text: string } | { kind: 'marker'; label: EntityType };

function splitOnMarkers(redacted: string, markers: ReadonlyMap<string, EntityType>): Piece[] {
  const tokens = [...markers.keys()].sort((a, b) => b.length - a.length);
  const pieces: Piece[] = [];
  let literalStart = 0;
  let i = 0;
  while (i < redacted.length) {
    const token = tokens.find((t) => redacted.startsWith(t, i));
    if (token === undefined) {
      i++;
      continue;
    }
    if (i > literalStart) pieces.push({ kind: 'literal', text: redacted.slice(literalStart, i) });
    pieces.push({ kind: 'marker', label: markers.get(token)! });
    i += token.length;
    literalStart = i;
  }
  if (literalStart < redacted.length) pieces.push({ kind: 'literal', text: redacted.slice(literalStart) });
  return pieces;
}
