import { PROMPT_317, textOfLength } from '../speed.js';

/**
 * The documents the scale benchmark scans, built deterministically so runs compare. `lines` is the average case
 * (support requests, one per line); the others change one thing about it: no line breaks at all, or the shapes
 * that give the model the most tokens per character (every character its own word).
 */
export const SCALE_SHAPES = ['lines', 'one-line', 'punctuation', 'cjk'] as const;
export type ScaleShape = (typeof SCALE_SHAPES)[number];

export interface ScaleCase {
  label: string;
  shape: ScaleShape;
  chars: number;
}

export const DEFAULT_SCALE_CASES: ScaleCase[] = [
  { label: '5 MB, lines', shape: 'lines', chars: 5_000_000 },
  { label: '1 MB, lines', shape: 'lines', chars: 1_000_000 },
  { label: '1 MB, one line', shape: 'one-line', chars: 1_000_000 },
  { label: '200 KB, dense punctuation', shape: 'punctuation', chars: 200_000 },
  { label: '200 KB, CJK', shape: 'cjk', chars: 200_000 },
];

/** A quick profile for tests and smoke runs: the same shapes, small. */
export const SMALL_SCALE_CASES: ScaleCase[] = SCALE_SHAPES.map((shape) => ({ label: `20 KB, ${shape}`, shape, chars: 20_000 }));

const PUNCTUATION = '.,;:!?-/()[]{}"\'#@&*+=<>|';
const CJK = '我们的客户服务中心位于上海市浦东新区请联系王小明先生电话号码是';

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

export function scaleText(shape: ScaleShape, chars: number): string {
  switch (shape) {
    case 'lines':
      return textOfLength(chars);
    case 'one-line':
      return textOfLength(chars).replaceAll('\n', ' ');
    case 'punctuation': {
      // Letters, digits and punctuation alternating without spaces: one BERT word per character.
      let unit = '';
      for (let i = 0; i < 997; i++) unit += (i % 2 === 0 ? 'aZ7q'[i % 4] : PUNCTUATION[i % PUNCTUATION.length]);
      return repeatTo(`${unit} `, chars);
    }
    case 'cjk':
      // Every ideograph is its own word for BERT; a Latin prompt now and then keeps names in the mix.
      return repeatTo(`${CJK.repeat(8)}${PROMPT_317.slice(0, 120)}\n`, chars);
  }
}
