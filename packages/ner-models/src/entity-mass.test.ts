import { describe, expect, it } from 'vitest';
import { foldEntityMass } from './entity-mass.js';
import { parseLabel } from './labels.js';

const labels = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'].map((l) => parseLabel(l, {}));

describe('foldEntityMass', () => {
  it('makes a token whose entity labels together pass the cut an entity of the likeliest type', () => {
    // O 0.40 wins the argmax, but PERSON has 0.25 + 0.15 = 0.40 against LOCATION 0.20.
    const probs = Float32Array.from([0.4, 0.25, 0.15, 0.2, 0]);
    foldEntityMass(probs, labels, 0.5);
    expect(Array.from(probs).map((p) => Number(p.toFixed(2)))).toEqual([0, 0.6, 0, 0, 0]);
  });

  it('leaves tokens under the cut as they are', () => {
    const row = [0.7, 0.2, 0, 0.1, 0];
    const probs = Float32Array.from(row);
    foldEntityMass(probs, labels, 0.5);
    expect(Array.from(probs).map((p) => Number(p.toFixed(2)))).toEqual(row);
  });

  it('keeps the I- label when it is the likelier one of the winning type, row by row', () => {
    const probs = Float32Array.from([0.9, 0.05, 0.05, 0, 0, /* row 2 */ 0.3, 0.1, 0.5, 0.05, 0.05]);
    foldEntityMass(probs, labels, 0.5);
    expect(Array.from(probs.slice(5)).map((p) => Number(p.toFixed(2)))).toEqual([0, 0, 0.7, 0, 0]);
    expect(probs[0]).toBeCloseTo(0.9);
  });
});
