import type { Deanonymize } from '../deanonymize.js';
import { PlaceholderMatcher, rewritePlaceholders } from '../placeholder-match.js';
import { StreamingDeanonymizer } from '../stream/streaming-deanonymizer.js';

/**
 * Matchers for one answer: `text` restores plain text; `json` restores inside JSON text (tool-call
 * arguments) by inserting each value JSON-escaped, so a quote in a name cannot break the JSON.
 */
export class AnswerRestorer {
  private constructor(
    readonly textMatcher: PlaceholderMatcher,
    readonly jsonMatcher: PlaceholderMatcher,
  ) {}

  /** Reads the vault once, after the request was anonymized, so it knows every placeholder sent. */
  static async load(deanonymize: Deanonymize): Promise<AnswerRestorer> {
    const entries = await deanonymize.vault.entries();
    const escaped = entries.map((e) => ({ ...e, value: JSON.stringify(e.value).slice(1, -1) }));
    return new AnswerRestorer(new PlaceholderMatcher(entries, deanonymize.matching), new PlaceholderMatcher(escaped, deanonymize.matching));
  }

  text(text: string): string {
    return rewritePlaceholders(this.textMatcher, text, true).output;
  }

  jsonText(text: string): string {
    return rewritePlaceholders(this.jsonMatcher, text, true).output;
  }

  textStream(): StreamingDeanonymizer {
    return new StreamingDeanonymizer(this.textMatcher);
  }

  jsonStream(): StreamingDeanonymizer {
    return new StreamingDeanonymizer(this.jsonMatcher);
  }
}
