/**
 * Text -> token ids where every token knows its word, and so its exact character span. Words are tokenized one
 * at a time through the model's own tokenizer (normalizer, vocabulary, sub-word rules) with a cache, because
 * prompts repeat the same words and a word's ids never change.
 */
import { splitWords, type Word } from './words.js';

/** The part of a transformers.js tokenizer the runtime uses. */
export interface SubwordTokenizer {
  encode(text: string, options?: { add_special_tokens?: boolean }): number[];
  pad_token_id?: number;
}

export interface EncodedText {
  words: Word[];
  /** Token ids of the whole text, no special tokens. */
  ids: number[];
  /** Word index of each token. */
  tokenWord: number[];
}

const MAX_CACHED_WORD_LENGTH = 64;

export class WordEncoder {
  /** Special tokens around every window, e.g. [CLS] ... [SEP]. */
  readonly prefix: readonly number[];
  readonly suffix: readonly number[];
  readonly padId: number;
  private readonly cache = new Map<string, readonly number[]>();

  constructor(private readonly tokenizer: SubwordTokenizer, private readonly cacheLimit = 50_000) {
    const inner = tokenizer.encode('a', { add_special_tokens: false });
    const framed = tokenizer.encode('a', { add_special_tokens: true });
    const at = indexOfRun(framed, inner);
    if (inner.length === 0 || at < 0) throw new TypeError('tokenizer does not encode a plain word');
    this.prefix = framed.slice(0, at);
    this.suffix = framed.slice(at + inner.length);
    this.padId = tokenizer.pad_token_id ?? 0;
  }

  encode(text: string): EncodedText {
    const words = splitWords(text);
    const ids: number[] = [];
    const tokenWord: number[] = [];
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      for (const id of this.wordIds(text.slice(word.start, word.end))) {
        ids.push(id);
        tokenWord.push(w);
      }
    }
    return { words, ids, tokenWord };
  }

  private wordIds(word: string): readonly number[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const ids = this.tokenizer.encode(word, { add_special_tokens: false });
    // Bounded in entries and in key size: a stream of unique or huge "words" must not grow memory without limit.
    if (word.length > MAX_CACHED_WORD_LENGTH) return ids;
    if (this.cache.size >= this.cacheLimit) this.cache.clear();
    this.cache.set(word, ids);
    return ids;
  }
}

function indexOfRun(haystack: readonly number[], needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
