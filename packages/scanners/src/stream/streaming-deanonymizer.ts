import { InvalidInputError } from '../errors.js';
import { ScanObserver, countByType } from '../observe.js';
import type { ObserveOptions, ScanSummary, StreamScan } from '../observe.js';
import { findPlaceholderLike, rewritePlaceholders } from '../placeholder-match.js';
import type { PlaceholderHit, PlaceholderMatcher } from '../placeholder-match.js';

/** The start of a well-formed placeholder, not yet closed: `[`, `[RED`, `[REDACTED_US_SS`. */
const OPEN_PLACEHOLDER = /^\[(?:R(?:E(?:D(?:A(?:C(?:T(?:E(?:D(?:_[A-Z0-9_]*)?)?)?)?)?)?)?)?)?$/;

/**
 * Incremental Deanonymize: push chunks of model output, get restored text back as early as possible.
 *
 * Text is released as soon as it cannot be the start of a placeholder; only a possible placeholder
 * prefix is held (a lone `[` at a chunk's end, `[REDAC`, `REDACTED PERS`...), never more than
 * `matcher.holdbackLimit` characters. It uses the same decision function as Deanonymize, so the
 * concatenated output equals Deanonymize's result for the whole text, however it was split.
 *
 * Each instance is one scan for monitoring: a `veil.deanonymize_stream` span starts with it (a child of
 * the span active then) and ends, with the `onScan` event, on `end()` or `abort()`.
 */
export class StreamingDeanonymizer {
  readonly matcher: PlaceholderMatcher;
  private pending = '';
  /** Last input character already released: it decides whether a bare `REDACTED...` starts a word. */
  private before = '';
  private ended = false;
  private readonly hitList: PlaceholderHit[] = [];
  private readonly unknown = new Set<string>();
  private carry = '';
  private readonly observation: StreamScan;

  constructor(matcher: PlaceholderMatcher, observe: ObserveOptions = {}) {
    this.matcher = matcher;
    this.observation = new ScanObserver(observe).start('deanonymize_stream');
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
      const error = new InvalidInputError(`stream chunks must be strings, got ${chunk === null ? 'null' : typeof chunk}`);
      this.abort(error);
      throw error;
    }
    if (chunk === '') return '';
    this.observation.inputLength += chunk.length;
    return this.observation.measure(() => this.release(this.pending + chunk, false));
  }

  /** Ends the stream: releases whatever was held back, restored where it is a placeholder. */
  end(): string {
    if (this.ended) return '';
    const out = this.observation.measure(() => this.release(this.pending, true));
    this.ended = true;
    this.observation.end(this.summary());
    return out;
  }

  /** Ends the stream without releasing what is held back (the source failed); reported as failed closed. */
  abort(error: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = '';
    this.observation.fail(error, this.summary());
  }

  private summary(): ScanSummary {
    return {
      isValid: true,
      riskScore: -1,
      counts: countByType(this.hitList.map((h) => h.entry)),
      restored: this.hitList.length,
      unknownPlaceholders: this.unknown.size,
    };
  }

  private release(text: string, atEnd: boolean): string {
    const rewrite = rewritePlaceholders(this.matcher, text, atEnd, this.before);
    if (rewrite.consumed > 0) this.before = text[rewrite.consumed - 1]!;
    this.pending = text.slice(rewrite.consumed);
    for (const hit of rewrite.hits) this.hitList.push(hit);
    // Placeholder-looking spans left alone, as Deanonymize reports them (counted, never emitted).
    // Text released without a decision (an unknown placeholder) may be cut anywhere, so the start of a
    // placeholder-looking span is carried over to the next window.
    const inside = (s: { end: number }): boolean => s.end <= rewrite.consumed;
    for (const span of rewrite.ambiguous.filter(inside)) this.unknown.add(text.slice(span.start, span.end));
    const shift = this.carry.length;
    const skipped = [...rewrite.hits, ...rewrite.ambiguous]
      .filter(inside)
      .map((span) => ({ start: span.start + shift, end: span.end + shift }))
      .sort((a, b) => a.start - b.start);
    const scanned = this.carry + text.slice(0, rewrite.consumed);
    for (const span of findPlaceholderLike(scanned, skipped)) this.unknown.add(scanned.slice(span.start, span.end));
    const open = scanned.lastIndexOf('[');
    const tail = open < 0 ? '' : scanned.slice(open);
    this.carry = tail.length < 300 && OPEN_PLACEHOLDER.test(tail) && !skipped.some((span) => span.end > open) ? tail : '';
    return rewrite.output;
  }
}
