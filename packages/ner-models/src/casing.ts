/**
 * Per-word case classes for models with an uncased vocabulary. Such a model reads "Bush", "bush" and "BUSH" as
 * the same tokens, so Veil's pipeline feeds each token its word's capitalisation through `token_type_ids`
 * (config.json: `veil.token_type_ids: "case"`). The classes and the word split are the training pipeline's
 * (`training/veil_ner/casing.py`); Unicode's Uppercase / Lowercase properties are what Python's
 * `str.isupper()` / `str.islower()` test per character.
 */

import type { EncodedText } from './encoding.js';

/** What a model's `token_type_ids` input carries. */
export type TokenTypeMode = 'zeros' | 'case';

export const CaseClass = { Special: 0, Uncased: 1, Lower: 2, Title: 3, Upper: 4, Mixed: 5 } as const;

const UPPER = /\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;

export function caseClass(word: string): number {
  let upper = 0;
  let lower = 0;
  let firstUpper: boolean | undefined;
  for (const char of word) {
    if (UPPER.test(char)) {
      upper += 1;
      firstUpper ??= true;
    } else if (LOWER.test(char)) {
      lower += 1;
      firstUpper ??= false;
    }
  }
  if (upper === 0 && lower === 0) return CaseClass.Uncased;
  if (upper === 0) return CaseClass.Lower;
  if (lower === 0) return upper >= 2 ? CaseClass.Upper : CaseClass.Title;
  return upper === 1 && firstUpper === true ? CaseClass.Title : CaseClass.Mixed;
}

/** Each token's word's case class, for a text encoded word by word (special tokens are not in `encoded`). */
export function tokenCaseClasses(text: string, encoded: Pick<EncodedText, 'words' | 'tokenWord'>): Uint8Array {
  const byWord = encoded.words.map((w) => caseClass(text.slice(w.start, w.end)));
  const out = new Uint8Array(encoded.tokenWord.length);
  for (let t = 0; t < out.length; t++) out[t] = byWord[encoded.tokenWord[t]!]!;
  return out;
}
