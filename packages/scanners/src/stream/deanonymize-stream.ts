import { ConfigurationError } from '../errors.js';
import { Deanonymize, checkMatchingStrategy, checkPlaceholderSource, loadMatcher } from '../deanonymize.js';
import type { PlaceholderSource } from '../deanonymize.js';
import { checkObserveOptions } from '../observe.js';
import type { ObserveOptions } from '../observe.js';
import type { MatchingStrategy, PlaceholderMatcher } from '../placeholder-match.js';
import { StreamingDeanonymizer } from './streaming-deanonymizer.js';

/** The vault and strategy to restore with; a `Deanonymize` instance fits this shape too. */
export interface DeanonymizeStreamOptions extends ObserveOptions {
  vault: PlaceholderSource;
  matching?: MatchingStrategy;
}

/** The hook of the options, or of the Deanonymize instance passed as options. */
function observeOf(options: DeanonymizeStreamOptions): ObserveOptions {
  const own = checkObserveOptions(options);
  const inherited = (options as { observe?: ObserveOptions }).observe;
  return typeof inherited === 'object' && inherited !== null ? { ...inherited, ...own } : own;
}

/** Reads the vault once, when the stream starts: placeholders added later are not restored. */
export async function createStreamingDeanonymizer(options: DeanonymizeStreamOptions): Promise<StreamingDeanonymizer> {
  const matcher = await matcherFor(options);
  return new StreamingDeanonymizer(matcher, observeOf(options));
}

function matcherFor(options: DeanonymizeStreamOptions): Promise<PlaceholderMatcher> {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('stream options with a vault are required');
  // A Deanonymize keeps its matcher while the vault is unchanged; streams started from one share it.
  if (options instanceof Deanonymize) return options.matcher();
  return loadMatcher(checkPlaceholderSource(options.vault), checkMatchingStrategy(options.matching));
}

/**
 * Restores placeholders in a stream of text chunks, releasing text as soon as it cannot be part of a
 * placeholder. An error from `source` is rethrown; text held back at that moment is dropped with it.
 */
export async function* deanonymizeStream(
  source: AsyncIterable<string> | Iterable<string>,
  options: DeanonymizeStreamOptions,
): AsyncGenerator<string, void, undefined> {
  const restorer = await createStreamingDeanonymizer(options);
  try {
    for await (const chunk of source) {
      const out = restorer.push(chunk);
      if (out !== '') yield out;
    }
  } catch (error) {
    restorer.abort(error);
    throw error;
  }
  const rest = restorer.end();
  if (rest !== '') yield rest;
}

/** The WHATWG form: `response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new DeanonymizeTransformStream({ vault }))`. */
export class DeanonymizeTransformStream extends TransformStream<string, string> {
  constructor(options: DeanonymizeStreamOptions) {
    let restorer: StreamingDeanonymizer | undefined;
    super({
      async start() {
        restorer = await createStreamingDeanonymizer(options);
      },
      transform(chunk, controller) {
        const out = restorer!.push(chunk);
        if (out !== '') controller.enqueue(out);
      },
      flush(controller) {
        const out = restorer!.end();
        if (out !== '') controller.enqueue(out);
      },

    });
  }
}
