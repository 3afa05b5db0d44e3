/**
 * Recall-first decoding. A plain argmax leaves a word out when the model spreads its belief over several entity
 * labels ("Jordan": O 0.40, B-PERSON 0.35, B-LOCATION 0.25 is 60 % a name, yet O wins). For redaction, whether a
 * word is part of *some* name matters more than which type it is, so with `entityCut` set a token counts as an
 * entity when all entity labels together reach the cut; it then takes the entity type with the most probability
 * (its B- and I- labels summed) and the more likely of that type's labels, scored with the whole entity mass.
 * Rewrites the probability rows in place so every aggregation strategy works on them unchanged.
 */
import type { ModelLabel } from './labels.js';

export function foldEntityMass(probs: Float32Array, labels: readonly ModelLabel[], cut: number): void {
  const labelCount = labels.length;
  const types = [...new Set(labels.map((l) => l.type).filter((t): t is string => t !== null))];
  const typeOf = labels.map((l) => (l.type === null ? -1 : types.indexOf(l.type)));
  const typeMass = new Float64Array(types.length);
  for (let base = 0; base + labelCount <= probs.length; base += labelCount) {
    typeMass.fill(0);
    let outside = 0;
    for (let k = 0; k < labelCount; k++) {
      const t = typeOf[k]!;
      if (t < 0) outside += probs[base + k]!;
      else typeMass[t]! += probs[base + k]!;
    }
    const mass = 1 - outside;
    if (mass < cut) continue;
    let bestType = 0;
    for (let t = 1; t < types.length; t++) if (typeMass[t]! > typeMass[bestType]!) bestType = t;
    let bestLabel = -1;
    for (let k = 0; k < labelCount; k++) {
      if (typeOf[k] === bestType && (bestLabel < 0 || probs[base + k]! > probs[base + bestLabel]!)) bestLabel = k;
    }
    for (let k = 0; k < labelCount; k++) probs[base + k] = k === bestLabel ? mass : 0;
  }
}
