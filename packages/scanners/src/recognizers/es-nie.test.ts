import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { esNieRecognizer } from './es-nie.js';

describeIdRecognizer('Spanish NIE recognizer', {
  recognizer: esNieRecognizer(),
  type: 'ES_NIE',
  context: 'NIE',
  valid: ['X1234567L', 'X-1234567-L', 'X6605160C', 'Z 8257800 T', 'Y5178182E'],
  invalid: ['X1234567A', 'Z8257800U', 'Y5178182F'],
  withoutContext: 'found',
  lookAlikes: ['X12345678L', 'X123456L', 'W1234567L', 'X-1234567 L'],
});
