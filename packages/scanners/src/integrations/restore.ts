import { deanonymizeSummary, deanonymizeText } from '../deanonymize.js';
import type { Deanonymize } from '../deanonymize.js';
import { ScanObserver } from '../observe.js';
import type { ObserveOptions } from '../observe.js';
import { PlaceholderMatcher } from '../placeholder-match.js';
import { StreamingDeanonymizer } from '../stream/streaming-deanonymizer.js';

/**
 * Matchers for one answer: `text` restores plain text; `json` restores inside JSON text (tool-call
 * arguments) by inserting each value JSON-escaped, so a quote in a name cannot break the JSON.
 */
export class AnswerRestorer {
  private readonly observer: ScanObserver;

  private constructor(
    readonly textMatcher: PlaceholderMatcher,
    readonly jsonMatcher: PlaceholderMatcher,
    readonly observe: ObserveOptions,
  ) {
    this.observer = new ScanObserver(observe);
  }

  /**
   * Reads the vault once, after the request was anonymized, so it knows every placeholder sent.
   * Each restore is reported like a Deanonymize scan, to the deanonymizer's hook unless `observe` names one.
   */
  static async load(deanonymize: Deanonymize, observe: ObserveOptions = {}): Promise<AnswerRestorer> {
    const entries = await deanonymize.vault.entries();
    const escaped = entries.map((e) => ({ ...e, value: JSON.stringify(e.value).slice(1, -1) }));
    const inherited = (deanonymize as { observe?: ObserveOptions }).observe ?? {};
    return new AnswerRestorer(
      new PlaceholderMatcher(entries, deanonymize.matching),
      new PlaceholderMatcher(escaped, deanonymize.matching),
      { ...inherited, ...withoutUndefined(observe) },
    );
  }

  text(text: string): string {
    return this.observer.runSync('deanonymize', text.length, () => deanonymizeText(this.textMatcher, text), deanonymizeSummary).sanitized;
  }

  jsonText(text: string): string {
    return this.observer.runSync('deanonymize', text.length, () => deanonymizeText(this.jsonMatcher, text), deanonymizeSummary).sanitized;
  }

  textStream(): StreamingDeanonymizer {
    return new StreamingDeanonymizer(this.textMatcher, this.observe);
  }

  jsonStream(): StreamingDeanonymizer {
    return new StreamingDeanonymizer(this.jsonMatcher, this.observe);
  }
}

function withoutUndefined(observe: ObserveOptions): ObserveOptions {
  return Object.fromEntries(Object.entries(observe).filter(([, v]) => v !== undefined)) as ObserveOptions;
}
