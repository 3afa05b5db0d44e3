import { describe, it } from 'vitest';
import { itFiscalCodeRecognizer } from './it-fiscal-code.js';
import { describeIdRecognizer } from './__fixtures__/id-suite.js';
import { expectFinding } from './__fixtures__/support.js';

const recognizer = itFiscalCodeRecognizer();

describeIdRecognizer('Italian fiscal code recognizer', {
  recognizer,
  type: 'IT_FISCAL_CODE',
  context: 'Codice fiscale:',
  valid: ['RSSMRA85T10A562S', 'BNCGLI90A41H501E', 'VRDLCU78M12F205M', 'FRRCHR95T55L219O', 'MRNGPP62B14Z404T'],
  // Wrong check letter; an impossible month letter (F); day 32.
  invalid: ['RSSMRA85T10A562T', 'BNCGLI90A41H501F', 'RSSMRA85F10A562S', 'RSSMRA85T32A562S'],
  withoutContext: 'found',
  lookAlikes: ['RSSMRA85T10A562', 'RSSMRA85T10A562SX', 'XRSSMRA85T10A562S'],
});

describe('Italian fiscal code forms', () => {
  it('accepts lower case and the omocodia form (digits replaced by letters)', async () => {
    await expectFinding(recognizer, 'cf rssmra85t10a562s', 'rssmra85t10a562s', 0.9);
    // RSSMRA85T10A562S with the last digit 2 -> N (omocodia) and a new check letter.
    await expectFinding(recognizer, 'Codice fiscale RSSMRA85T10A56NH', 'RSSMRA85T10A56NH', 0.8);
  });
});
