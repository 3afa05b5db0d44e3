import { describe, it } from 'vitest';
import { esNifRecognizer } from './es-nif.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding } from './__fixtures__/support.js';

const recognizer = esNifRecognizer();

describeIdRecognizer('Spanish NIF recognizer', {
  recognizer,
  type: 'ES_NIF',
  context: 'DNI',
  valid: ['12345678Z', '12345678-Z', '12.345.678-Z', '64085259Z', '97979998 K', '11017376P'],
  invalid: ['12345678A', '64085259Y', '11.017.376-Q'],
  withoutContext: 'found',
  lookAlikes: ['123456789Z', '12345678ZZ', 'X12345678Z', '1234567Z'],
});

describe('Spanish NIF context', () => {
  it('raises the score beside "NIF"', async () => {
    await expectFinding(recognizer, 'NIF: 62447577R', '62447577R', 0.9);
  });
});
