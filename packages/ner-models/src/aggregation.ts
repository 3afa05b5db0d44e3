/**
 * Turns per-token label probabilities into whole-word entities, with the Hugging Face pipeline's strategies:
 * - `simple`: every token votes with its own best label; consecutive tokens of one type form an entity, which is
 *   then widened to the whole words it touches (so results are never half words).
 * - `first`: a word takes the label of its first token.
 * - `max`: a word takes the label of its most confident token.
 * - `average`: a word takes the best label of its tokens' averaged probabilities.
 * Entities are scored with the mean score of their words (tokens for `simple`).
 */
import type { AggregationStrategy } from './configs.js';
import type { ModelLabel } from './labels.js';
import type { Word } from './words.js';

/** One entity found by a model, with UTF-16 offsets into the text it was found in. */
export interface NerEntity {
  /** Veil entity type, e.g. PERSON. */
  type: string;
  start: number;
  end: number;
  /** 0..1. */
  score: number;
  /** The model's label the entity came from (e.g. `PER`), for explanations. */
  label: string;
}

export interface TokenProbabilities {
  /** Word index of every token, in text order. */
  tokenWord: ArrayLike<number>;
  /** Softmax output, `tokenWord.length * labelCount` values, row per token. */
  probs: Float32Array;
  labelCount: number;
}

/** A word (or, for `simple`, a token) with the label it was given. */
interface LabelledUnit {
  word: number;
  start: number;
  end: number;
  labelId: number;
  score: number;
}

/** Punctuation that may sit inside a name or company without breaking it: "Samuel L. Jackson", "Mary-Jane", "O'Neil", "AT&T". */
const INNER_PUNCTUATION = new Set(['.', '-', "'", '\u2019', '&']);

export function aggregateEntities(
  text: string,
  words: readonly Word[],
  tokens: TokenProbabilities,
  labels: readonly ModelLabel[],
  strategy: AggregationStrategy,
): NerEntity[] {
  const units = strategy === 'simple' ? labelTokens(words, tokens) : labelWords(words, tokens, strategy);
  return resolveOverlaps(groupUnits(text, units, labels));
}

function argmaxRow(probs: Float32Array, row: number, labelCount: number): { id: number; p: number } {
  let id = 0;
  let p = Number.NEGATIVE_INFINITY;
  const base = row * labelCount;
  for (let k = 0; k < labelCount; k++) {
    const v = probs[base + k]!;
    if (v > p) {
      p = v;
      id = k;
    }
  }
  return { id, p };
}

function labelTokens(words: readonly Word[], { tokenWord, probs, labelCount }: TokenProbabilities): LabelledUnit[] {
  const units: LabelledUnit[] = [];
  for (let t = 0; t < tokenWord.length; t++) {
    const word = words[tokenWord[t]!]!;
    const { id, p } = argmaxRow(probs, t, labelCount);
    units.push({ word: tokenWord[t]!, start: word.start, end: word.end, labelId: id, score: p });
  }
  return units;
}

function labelWords(
  words: readonly Word[],
  { tokenWord, probs, labelCount }: TokenProbabilities,
  strategy: Exclude<AggregationStrategy, 'simple'>,
): LabelledUnit[] {
  const units: LabelledUnit[] = [];
  let t = 0;
  while (t < tokenWord.length) {
    const w = tokenWord[t]!;
    let end = t + 1;
    while (end < tokenWord.length && tokenWord[end] === w) end++;
    const word = words[w]!;
    units.push({ word: w, start: word.start, end: word.end, ...labelWord(probs, labelCount, t, end, strategy) });
    t = end;
  }
  return units;
}

function labelWord(
  probs: Float32Array,
  labelCount: number,
  first: number,
  end: number,
  strategy: Exclude<AggregationStrategy, 'simple'>,
): { labelId: number; score: number } {
  if (strategy === 'first') {
    const { id, p } = argmaxRow(probs, first, labelCount);
    return { labelId: id, score: p };
  }
  if (strategy === 'max') {
    let best = argmaxRow(probs, first, labelCount);
    for (let t = first + 1; t < end; t++) {
      const candidate = argmaxRow(probs, t, labelCount);
      if (candidate.p > best.p) best = candidate;
    }
    return { labelId: best.id, score: best.p };
  }
  const mean = new Float32Array(labelCount);
  for (let t = first; t < end; t++) {
    for (let k = 0; k < labelCount; k++) mean[k]! += probs[t * labelCount + k]!;
  }
  for (let k = 0; k < labelCount; k++) mean[k]! /= end - first;
  const { id, p } = argmaxRow(mean, 0, labelCount);
  return { labelId: id, score: p };
}

interface OpenEntity {
  type: string;
  label: string;
  start: number;
  end: number;
  lastWord: number;
  scoreSum: number;
  scoreCount: number;
}

function groupUnits(text: string, units: readonly LabelledUnit[], labels: readonly ModelLabel[]): NerEntity[] {
  const entities: NerEntity[] = [];
  let open: OpenEntity | undefined;
  // Inner punctuation labelled O right after an entity: kept only if the entity goes on after it.
  let pendingEnd = -1;
  const close = () => {
    if (open) {
      entities.push({ type: open.type, start: open.start, end: open.end, score: open.scoreSum / open.scoreCount, label: open.label });
    }
    open = undefined;
    pendingEnd = -1;
  };
  for (const unit of units) {
    const label = labels[unit.labelId];
    if (!label || label.type === null) {
      if (open && unit.word === open.lastWord) continue;
      const reach = pendingEnd >= 0 ? pendingEnd : open?.end;
      if (open && unit.start === reach && unit.end - unit.start === 1 && INNER_PUNCTUATION.has(text[unit.start]!)) {
        pendingEnd = unit.end;
        continue;
      }
      close();
      continue;
    }
    if (open && label.type === open.type) {
      const reach = pendingEnd >= 0 ? pendingEnd : open.end;
      // Names do not run across a line break; merging there would also swallow the text's layout.
      const continues = unit.word === open.lastWord || (!hasLineBreak(text, reach, unit.start) && (
        label.tag === 'inside'
        || label.entity !== open.label
        || unit.start === reach));
      if (continues) {
        open.end = Math.max(open.end, unit.end);
        open.scoreSum += unit.score;
        open.scoreCount += 1;
        open.lastWord = unit.word;
        pendingEnd = -1;
        continue;
      }
    }
    close();
    open = {
      type: label.type, label: label.entity, start: unit.start, end: unit.end, lastWord: unit.word,
      scoreSum: unit.score, scoreCount: 1,
    };
  }
  close();
  return entities;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/**
 * Two entities on the same characters (simple strategy, mixed labels inside one word): the higher score, then
 * the longer span, wins. Entities arrive in text order and only neighbours can overlap, so one sweep suffices.
 */
function resolveOverlaps(entities: NerEntity[]): NerEntity[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NerEntity[] = [];
  for (const entity of sorted) {
    const last = kept[kept.length - 1];
    if (last && entity.start < last.end) {
      const better = entity.score > last.score
        || (entity.score === last.score && entity.end - entity.start > last.end - last.start);
      if (better) kept[kept.length - 1] = entity;
    } else {
      kept.push(entity);
    }
  }
  return kept;
}
