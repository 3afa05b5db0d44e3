/**
 * Word pieces: a token-classification model labels sub-word pieces, so it can tag a piece of a larger token.
 * A piece of a file name, URL, e-mail address or ID (`js` in `app.1ba12daa.js`, `DE` in `DE59`) is not a name,
 * and the pattern recognizers own those tokens anyway: the piece is dropped. A contraction suffix (`m` in `I'm`)
 * is never a name. A piece of a hyphenated or apostrophe name (`Malley` in `O'Malley`, `Stokes` in
 * `Adeyemi-Stokes`) is extended to the whole name, so the same person gets one placeholder, not half of one.
 */
import type { Finding } from '../../types.js';
import { respan, tokenAround } from './spans.js';
import { NAME_PARTICLES } from './words.js';

/**
 * Quotes and brackets around a token, and sentence punctuation after it, are not part of it; nor is the `@` or
 * `#` of a mention or hashtag ("@kenji", "#Boston"), which names the person or place itself.
 */
const WRAP_START = /[("'“‘[{<«@#]/u;
const WRAP_END = /[)"'”’\]}>»,;:!?.]/u;

const PLAIN_WORD = /^[\p{L}\p{M}'’.-]+$/u;

/**
 * The token around `at` without its wrapping: `(O'Malley's),` -> `O'Malley's`. Words joined by slashes
 * ("Lefebvre/O'Connell", "and/or") are separate words; a slash next to anything else makes one path-like token.
 */
function tokenCore(source: string, at: number): { start: number; end: number } {
  const token = tokenAround(source, at);
  let s = token.start;
  let e = token.end;
  const value = source.slice(s, e);
  if (value.includes('/') && value.split('/').every((piece) => piece === '' || PLAIN_WORD.test(piece))) {
    const slashBefore = at > s ? value.lastIndexOf('/', at - s - 1) : -1;
    const slashAfter = value.indexOf('/', at - s);
    if (slashBefore !== -1) s += slashBefore + 1;
    if (slashAfter !== -1) e = token.start + slashAfter;
  }
  while (s < e && WRAP_START.test(source[s]!)) s++;
  while (e > s && WRAP_END.test(source[e - 1]!)) e--;
  return { start: s, end: e };
}

/** Contraction suffixes after an apostrophe (`I'm`, `she's`, `we're`, `they'll`, `I've`, `he'd`, `don't`). */
const CONTRACTION = /^(?:m|s|re|ll|ve|d|t)$/iu;
const APOSTROPHE = /['’]/u;

/** A token that is a file name, URL, e-mail address, user name or ID rather than a word. */
const TECHNICAL = /[\d/@\\_=:#]|\p{L}\.\p{L}/u;

/** Letters joined by hyphens or apostrophes, optionally followed by a possessive: `O'Malley`, `al-Rashid's`. */
const JOINED_NAME = /^[\p{L}\p{M}]+(?:['’‐-][\p{L}\p{M}]+){1,4}$/u;
const POSSESSIVE = /['’]s?$/u;
function isNamePiece(piece: string): boolean {
  return /^\p{Lu}/u.test(piece) || NAME_PARTICLES.has(piece.toLowerCase());
}

/** The joined-name core with a possessive cut off, when every piece looks like part of a name. */
function joinedName(source: string, start: number, end: number): { start: number; end: number } | undefined {
  let word = source.slice(start, end);
  const possessive = /['’]s$/u.exec(word) ?? (/s['’]$/u.test(word) ? /['’]$/u.exec(word) : null);
  if (possessive) word = word.slice(0, possessive.index);
  if (!JOINED_NAME.test(word)) return undefined;
  const pieces = word.split(/['’‐-]/u);
  if (!pieces.every(isNamePiece)) return undefined;
  return { start, end: start + word.length };
}

/**
 * A user name made of name parts joined by dots ("m.okafor", "dana.whitcombe"): a piece of it names a person,
 * and redacting only that piece would leave the rest. Dotted initials ("U.S.C.") and file names or domains,
 * whose last piece is a short lower-case extension ("notes.txt", "example.com"), are not handles; so neither is
 * a handle with a short last name ("li.wu"), a price paid to keep domains and file names out.
 */
const DOTTED = /^[\p{L}\p{M}]+(?:\.[\p{L}\p{M}]+){1,2}$/u;
function dottedHandle(source: string, core: { start: number; end: number }): { start: number; end: number } | undefined {
  const value = source.slice(core.start, core.end);
  if (!DOTTED.test(value)) return undefined;
  const pieces = value.split('.');
  if (pieces.every((p) => p.length === 1)) return undefined;
  const lastPiece = pieces[pieces.length - 1]!;
  if (lastPiece.length <= 4 && lastPiece === lastPiece.toLowerCase()) return undefined;
  return core;
}

/** Dotted initials: "U.S.", "U.N.", "A.U." (one letter between dots). */
const DOTTED_INITIALS = /^\p{L}(?:\.\p{L}){1,4}\.?$/u;

/** The token's end including a final full stop of dotted initials ("U.S." keeps its dot). */
function initialsEnd(source: string, core: { start: number; end: number }): number {
  return source[core.end] === '.' ? core.end + 1 : core.end;
}

const SKIPPED = /[\s,;|"“”()[\]{}<>«»'’.:!?-]/u;

/**
 * Fixes a finding whose first or last token it covers only in part. Each edge is handled on its own: extended
 * over dotted initials and joined names, or, in a technical token, moved off that token (the finding is dropped
 * when nothing is left).
 */
export function fixFragment(source: string, finding: Finding): Finding | undefined {
  const { start, end } = finding;
  const firstCore = tokenCore(source, start);
  const lastCore = end - 1 >= firstCore.end ? tokenCore(source, end - 1) : firstCore;
  const cutsStart = start > firstCore.start;
  const cutsEnd = end < lastCore.end;
  if (!cutsStart && !cutsEnd) return finding;

  const suffix = finding.text.replace(/^n?['’]/u, '');
  const afterApostrophe = suffix !== finding.text || APOSTROPHE.test(source[start - 1] ?? '');
  if (cutsStart && afterApostrophe && CONTRACTION.test(suffix)) return undefined;
  const handle = finding.type === 'PERSON' && firstCore === lastCore ? dottedHandle(source, firstCore) : undefined;
  if (handle) return respan(source, finding, handle.start, handle.end, 'refine: extended to the whole user name');

  let newStart = start;
  let newEnd = end;
  const notes: string[] = [];
  if (cutsStart) {
    const core = source.slice(firstCore.start, firstCore.end);
    const name = joinedName(source, firstCore.start, firstCore.end);
    if (DOTTED_INITIALS.test(core) || (name && start < name.end)) {
      newStart = firstCore.start;
      notes.push('refine: extended to the whole word');
    } else if (TECHNICAL.test(core)) {
      newStart = firstCore.end;
      notes.push('refine: piece of a technical token removed');
    }
  }
  // Cut before a possessive or a contraction only ("Smith's", "O'Malley's"): the name itself is whole.
  const rest = source.slice(end, lastCore.end);
  const restIsSuffix = POSSESSIVE.test(rest) && rest.length <= 2 && APOSTROPHE.test(rest[0] ?? '');
  if (cutsEnd && !restIsSuffix) {
    const core = source.slice(lastCore.start, lastCore.end);
    const name = joinedName(source, lastCore.start, lastCore.end);
    if (DOTTED_INITIALS.test(core)) {
      newEnd = initialsEnd(source, lastCore);
      notes.push('refine: extended to the whole word');
    } else if (name && end < name.end) {
      newEnd = name.end;
      notes.push('refine: extended to the whole word');
    } else if (TECHNICAL.test(core)) {
      newEnd = lastCore.start;
      notes.push('refine: piece of a technical token removed');
    }
  }
  // Dotted initials keep their final full stop ("U.N." from a hit on "N").
  if (newEnd === lastCore.end && DOTTED_INITIALS.test(source.slice(lastCore.start, lastCore.end))) newEnd = initialsEnd(source, lastCore);
  // Where a technical token was taken off, so is the space or punctuation next to it.
  if (newStart === firstCore.end && cutsStart) while (newStart < newEnd && SKIPPED.test(source[newStart]!)) newStart++;
  if (newEnd === lastCore.start && cutsEnd) while (newEnd > newStart && SKIPPED.test(source[newEnd - 1]!)) newEnd--;
  if (newStart >= newEnd) return undefined;
  return respan(source, finding, newStart, newEnd, notes.join('; ') || 'refine: word edges');
}
