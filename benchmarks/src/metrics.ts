import type { EntityType } from '@veil/scanners';
import type { BenchDocument, Span } from './dataset.js';

export type MatchMode = 'overlap' | 'strict';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export type EntityScores = Counts & Scores;

/** DESIGN.md rule: same type and an overlap of at least half of the shorter span; 'strict' needs equal boundaries. */
export function spansMatch(gold: Span, pred: Span, mode: MatchMode): boolean {
  if (gold.label !== pred.label) return false;
  if (mode === 'strict') return gold.start === pred.start && gold.end === pred.end;
  const overlap = Math.min(gold.end, pred.end) - Math.max(gold.start, pred.start);
  if (overlap <= 0) return false;
  const shorter = Math.min(gold.end - gold.start, pred.end - pred.start);
  return overlap * 2 >= shorter;
}

function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export interface DocumentMatch {
  matched: Array<{ gold: Span; pred: Span }>;
  /** Gold spans no prediction matched. */
  missed: Span[];
  /** Predictions that matched no gold span (and no ignored span). */
  spurious: Span[];
}

/**
 * One-to-one matching of predictions to gold spans: candidate pairs are taken largest overlap first, so each
 * gold span matches at most one prediction and each prediction at most one gold span.
 * Predictions matching an ignored gold span are dropped: they are neither hits nor false alarms.
 */
export function matchDocument(
  gold: readonly Span[],
  predicted: readonly Span[],
  mode: MatchMode,
  ignored: readonly Span[] = [],
): DocumentMatch {
  const pairs: Array<{ g: number; p: number; overlap: number }> = [];
  for (const [g, gs] of gold.entries()) {
    for (const [p, ps] of predicted.entries()) {
      if (spansMatch(gs, ps, mode)) pairs.push({ g, p, overlap: overlapLength(gs, ps) });
    }
  }
  pairs.sort((a, b) => b.overlap - a.overlap || a.g - b.g || a.p - b.p);
  const goldUsed = new Set<number>();
  const predUsed = new Set<number>();
  const matched: DocumentMatch['matched'] = [];
  for (const { g, p } of pairs) {
    if (goldUsed.has(g) || predUsed.has(p)) continue;
    goldUsed.add(g);
    predUsed.add(p);
    matched.push({ gold: gold[g]!, pred: predicted[p]! });
  }
  const missed = gold.filter((_, g) => !goldUsed.has(g));
  const spurious = predicted.filter(
    (ps, p) => !predUsed.has(p) && !ignored.some((is) => spansMatch(is, ps, 'overlap')),
  );
  return { matched, missed, spurious };
}

export function scoresOf(c: Counts): Scores {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** A detector's output for one document. */
export interface Prediction {
  spans: Span[];
  /** The text the detector would send on: used for the leak rate. */
  sanitized: string;
}

export interface DocumentErrors {
  id: string;
  missed: Span[];
  spurious: Span[];
}

export interface QualityReport {
  entities: Record<string, EntityScores>;
  micro: Scores & Counts;
  strict_micro: Scores & Counts;
  leak_rate: number;
  errors: DocumentErrors[];
  /** Predicted type (or "none") -> gold type (or "none") -> count; see `confusionOf`. */
  confusion: Confusion;
}

/** Predicted type, or "none" for gold spans nothing landed on -> gold type, or "none" for spurious spans -> count. */
export type Confusion = Record<string, Record<string, number>>;

/** The label used in a confusion table for "no span". */
export const NONE = 'none';

/**
 * Adds one document to a confusion table, by the scorer's overlap rule. Predictions (of the scored types) that
 * match a gold span of their own type count on the diagonal, exactly as the scorer's true positives. The rest are
 * then matched one-to-one, largest overlap first, to the remaining gold spans of any type (scored or not) by the
 * same overlap-of-half-the-shorter rule without the type check: that is the type they were confused with. What
 * still matches nothing is spurious (column "none"). Predictions on an ignored span are dropped, as the scorer does.
 * Gold spans of the scored types that no prediction landed on are the row "none".
 */
export function addConfusion(
  table: Confusion,
  doc: Pick<BenchDocument, 'spans' | 'ignored'>,
  predicted: readonly Span[],
  entities: readonly string[],
): void {
  const scored = new Set(entities);
  const add = (pred: string, gold: string) => {
    const row = (table[pred] ??= {});
    row[gold] = (row[gold] ?? 0) + 1;
  };
  const preds = predicted.filter((s) => scored.has(s.label));
  const typed = matchDocument(doc.spans.filter((s) => scored.has(s.label)), preds, 'overlap');
  for (const { pred } of typed.matched) add(pred.label, pred.label);
  const matchedGold = new Set(typed.matched.map((m) => m.gold));
  const restGold = doc.spans.filter((g) => !matchedGold.has(g));
  const ignored = doc.ignored.filter((s) => scored.has(s.label));
  const spurious = typed.spurious.filter((p) => !ignored.some((is) => spansMatch(is, p, 'overlap')));
  const untyped = (s: Span) => ({ ...s, label: '' });
  const goldOf = new Map(restGold.map((g) => [untyped(g), g]));
  const predOf = new Map(spurious.map((p) => [untyped(p), p]));
  const cross = matchDocument([...goldOf.keys()], [...predOf.keys()], 'overlap');
  const confused = new Set<Span>();
  for (const { gold, pred } of cross.matched) {
    const p = predOf.get(pred)!;
    confused.add(p);
    add(p.label, goldOf.get(gold)!.label);
  }
  for (const p of spurious) if (!confused.has(p)) add(p.label, NONE);
  const landed = new Set(cross.matched.map((m) => goldOf.get(m.gold)!));
  for (const g of restGold) if (scored.has(g.label) && !landed.has(g)) add(NONE, g.label);
}

/**
 * The share of gold PII characters still present verbatim in the sanitized text: a gold span leaks when its
 * text occurs anywhere in the sanitized document.
 */
export function leakedCharacters(gold: readonly Span[], text: string, sanitized: string): { leaked: number; total: number } {
  let leaked = 0;
  let total = 0;
  for (const s of gold) {
    const value = text.slice(s.start, s.end);
    total += value.length;
    if (sanitized.includes(value)) leaked += value.length;
  }
  return { leaked, total };
}

/** Scores predictions against gold for the given entity types; spans of other types are ignored on both sides. */
export function scoreDocuments(
  docs: readonly BenchDocument[],
  predictions: readonly Prediction[],
  entities: readonly EntityType[],
): QualityReport {
  if (docs.length !== predictions.length) throw new RangeError('one prediction per document is required');
  const scored = new Set<string>(entities);
  const perEntity = new Map<string, Counts>(entities.map((e) => [e, { tp: 0, fp: 0, fn: 0 }]));
  const strict: Counts = { tp: 0, fp: 0, fn: 0 };
  let leaked = 0;
  let goldChars = 0;
  const errors: DocumentErrors[] = [];
  const confusion: Confusion = {};
  for (const [i, doc] of docs.entries()) {
    const pred = predictions[i]!;
    const gold = doc.spans.filter((s) => scored.has(s.label));
    const predicted = pred.spans.filter((s) => scored.has(s.label));
    const ignored = doc.ignored.filter((s) => scored.has(s.label));
    const overlap = matchDocument(gold, predicted, 'overlap', ignored);
    for (const { gold: g } of overlap.matched) perEntity.get(g.label)!.tp++;
    for (const g of overlap.missed) perEntity.get(g.label)!.fn++;
    for (const p of overlap.spurious) perEntity.get(p.label)!.fp++;
    const exact = matchDocument(gold, predicted, 'strict', ignored);
    strict.tp += exact.matched.length;
    strict.fn += exact.missed.length;
    strict.fp += exact.spurious.length;
    addConfusion(confusion, doc, pred.spans, entities);
    const leak = leakedCharacters(gold, doc.text, pred.sanitized);
    leaked += leak.leaked;
    goldChars += leak.total;
    if (overlap.missed.length > 0 || overlap.spurious.length > 0) {
      errors.push({ id: doc.id, missed: overlap.missed, spurious: overlap.spurious });
    }
  }
  const entityScores: Record<string, EntityScores> = {};
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [type, c] of perEntity) {
    entityScores[type] = { ...c, ...scoresOf(c) };
    micro.tp += c.tp;
    micro.fp += c.fp;
    micro.fn += c.fn;
  }
  return {
    entities: entityScores,
    micro: { ...micro, ...scoresOf(micro) },
    strict_micro: { ...strict, ...scoresOf(strict) },
    leak_rate: goldChars === 0 ? 0 : leaked / goldChars,
    errors,
    confusion,
  };
}
