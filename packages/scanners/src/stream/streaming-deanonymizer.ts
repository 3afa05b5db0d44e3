import { InvalidInputError } from '../errors.js';
import { rewritePlaceholders } from '../placeholder-match.js';
import type { PlaceholderHit, PlaceholderMatcher } from '../placeholder-match.js';

/**
 * Incremental Deanonymize: push chunks of model output, get restored text back as early as possible.
 *
 * Text is released as soon as it cannot be the start of a placeholder; only a possible placeholder
 * prefix is held (a lone `[` at a chunk's end, `[REDAC`, `REDACTED PERS`...), never more than
 * `matcher.holdbackLimit` characters. It uses the same decision function as Deanonymize, so the
 * concatenated output equals Deanonymize's result for the whole text, however it was split.
 */
export class StreamingDeanonymizer {
  readonly matcher: PlaceholderMatcher;
  private pending = '';
  /** Last input character already released: it decides whether a bare `REDACTED...` starts a word. */
  private before = '';
  private ended = false;
  private readonly hitList: PlaceholderHit[] = [];

  constructor(matcher: PlaceholderMatcher) {
    this.matcher = matcher;
  }

  /** Characters of input received but not yet released. */
  get heldBack(): number {
    return this.pending.length;
  }

  /** Placeholders restored so far. */
  get restored(): number {
    return this.hitList.length;
  }

  /** Placeholders restored so far, with offsets relative to the chunk window they were found in. */
  get hits(): readonly PlaceholderHit[] {
    return this.hitList;
  }

  /** Feeds one chunk; returns the text that can be released now (possibly empty). */
  push(chunk: string): string {
    if (this.ended) throw new InvalidInputError('the stream has already ended');
    if (typeof chunk !== 'string') {
      throw new InvalidInputError(`stream chunks must be strings, got ${chunk === null ? 'null' : typeof chunk}`);
    }
    if (chunk === '') return '';
    return this.release(this.pending + chunk, false);
  }

  /** Ends the stream: releases whatever was held back, restored where it is a placeholder. */
  end(): string {
    if (this.ended) return '';
    const out = this.release(this.pending, true);
    this.ended = true;
    return out;
  }

  private release(text: string, atEnd: boolean): string {
    const rewrite = rewritePlaceholders(this.matcher, text, atEnd, this.before);
    if (rewrite.consumed > 0) this.before = text[rewrite.consumed - 1]!;
    this.pending = text.slice(rewrite.consumed);
    for (const hit of rewrite.hits) this.hitList.push(hit);
    return rewrite.output;
  }
}
