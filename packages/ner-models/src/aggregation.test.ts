import { describe, expect, it } from 'vitest';
import { aggregateEntities } from './aggregation.js';
import { readId2Label } from './labels.js';
import { splitWords } from './words.js';

const LABELS = readId2Label({ 0: 'O', 1: 'B-PER', 2: 'I-PER', 3: 'B-ORG', 4: 'I-ORG', 5: 'B-LOC', 6: 'I-LOC' }, {});
const ID = { O: 0, 'B-PER': 1, 'I-PER': 2, 'B-ORG': 3, 'I-ORG': 4, 'B-LOC': 5, 'I-LOC': 6 } as const;
type Label = keyof typeof ID;

/** Builds token probabilities: each token is [word index, label, probability of that label]. */
function tokens(spec: Array<[number, Label, number]>) {
  const probs = new Float32Array(spec.length * 7);
  spec.forEach(([, label, p], t) => {
    for (let k = 0; k < 7; k++) probs[t * 7 + k] = (1 - p) / 6;
    probs[t * 7 + ID[label]] = p;
  });
  return { tokenWord: spec.map(([w]) => w), probs, labelCount: 7 };
}

function run(text: string, spec: Array<[number, Label, number]>, strategy: 'simple' | 'first' | 'max' | 'average') {
  return aggregateEntities(text, splitWords(text), tokens(spec), LABELS, strategy)
    .map((e) => ({ text: text.slice(e.start, e.end), type: e.type, score: Number(e.score.toFixed(3)) }));
}

describe('aggregateEntities', () => {
  // "Zedex": sub-word 1 is ORG (0.6), sub-word 2 is PER (0.9).
  const text = 'met Zedex today';
  const spec: Array<[number, Label, number]> = [[0, 'O', 0.99], [1, 'B-ORG', 0.6], [1, 'I-PER', 0.9], [2, 'O', 0.99]];

  it('first: the first sub-word decides, the whole word is returned', () => {
    expect(run(text, spec, 'first')).toEqual([{ text: 'Zedex', type: 'ORGANIZATION', score: 0.6 }]);
  });

  it('max: the most confident sub-word decides', () => {
    expect(run(text, spec, 'max')).toEqual([{ text: 'Zedex', type: 'PERSON', score: 0.9 }]);
  });

  it('average: the averaged probabilities decide', () => {
    // ORG: (0.6 + 0.1/6) / 2 ≈ 0.308, PER: (0.4/6 + 0.9) / 2 ≈ 0.483.
    expect(run(text, spec, 'average')).toEqual([{ text: 'Zedex', type: 'PERSON', score: 0.483 }]);
  });

  it('simple: token groups are widened to whole words, overlaps keep the higher score', () => {
    expect(run(text, spec, 'simple')).toEqual([{ text: 'Zedex', type: 'PERSON', score: 0.9 }]);
  });

  it('joins B- and I- words into one entity scored by the mean of its words', () => {
    const t = 'Ask John Smith now';
    expect(run(t, [[0, 'O', 0.9], [1, 'B-PER', 0.9], [2, 'I-PER', 0.7], [3, 'O', 0.9]], 'first'))
      .toEqual([{ text: 'John Smith', type: 'PERSON', score: 0.8 }]);
  });

  it('never continues an entity across a line break', () => {
    const t = 'COUNTY OF ALAMEDA\n\nMaria Gonzalez';
    const spec: Array<[number, Label, number]> = [[0, 'O', 0.9], [1, 'O', 0.9], [2, 'B-LOC', 0.9], [3, 'I-LOC', 0.9], [4, 'I-LOC', 0.9]];
    expect(run(t, spec, 'first').map((e) => e.text)).toEqual(['ALAMEDA', 'Maria Gonzalez']);
  });

  it('starts a new entity at a second B- of the same type', () => {
    const t = 'Ann Bob';
    expect(run(t, [[0, 'B-PER', 0.9], [1, 'B-PER', 0.9]], 'first').map((e) => e.text)).toEqual(['Ann', 'Bob']);
  });

  it('keeps inner punctuation of initials when the name goes on after it', () => {
    const t = 'Samuel L. Jackson said.';
    const result = run(t, [[0, 'B-PER', 0.9], [1, 'I-PER', 0.9], [2, 'O', 0.9], [3, 'I-PER', 0.9], [4, 'O', 0.9], [5, 'O', 0.9]], 'first');
    expect(result.map((e) => e.text)).toEqual(['Samuel L. Jackson']);
  });

  it('drops trailing punctuation when the entity ends there', () => {
    const t = 'I saw Paris. Then';
    expect(run(t, [[0, 'O', 0.9], [1, 'O', 0.9], [2, 'B-LOC', 0.9], [3, 'O', 0.9], [4, 'O', 0.9]], 'first').map((e) => e.text))
      .toEqual(['Paris']);
  });

  it('joins hyphenated parts glued together even when the second is tagged B-', () => {
    const t = 'Mary-Jane left';
    expect(run(t, [[0, 'B-PER', 0.9], [1, 'O', 0.9], [2, 'B-PER', 0.9], [3, 'O', 0.9]], 'first').map((e) => e.text))
      .toEqual(['Mary-Jane']);
  });

  it('merges adjacent labels that map to one type (first name + last name models)', () => {
    const labels = readId2Label({ 0: 'O', 1: 'B-FIRSTNAME', 2: 'B-LASTNAME' }, { FIRSTNAME: 'PERSON', LASTNAME: 'PERSON' });
    const t = 'Jane Roe';
    const probs = new Float32Array([0.05, 0.9, 0.05, 0.05, 0.05, 0.9]);
    const found = aggregateEntities(t, splitWords(t), { tokenWord: [0, 1], probs, labelCount: 3 }, labels, 'first');
    expect(found.map((e) => [t.slice(e.start, e.end), e.type])).toEqual([['Jane Roe', 'PERSON']]);
  });

  it('returns nothing for text without tokens', () => {
    expect(aggregateEntities('', [], { tokenWord: [], probs: new Float32Array(0), labelCount: 7 }, LABELS, 'first')).toEqual([]);
  });
});
