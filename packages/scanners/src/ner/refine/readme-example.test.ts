import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { refineNameFindings } from './index.js';

// The example of the refinement README section, kept true by this test.
describe('README example of span refinement', () => {
  it('trims, joins, drops and retypes as the README says', () => {
    const text = 'Reporter: Tomas Lindqvist (Brightwater Analytics, Inc.)\nLater Brightwater logged it in Tucson. Your SSN stays on file.';
    const hit = (type: string, value: string): Finding => {
      const start = text.lastIndexOf(value);
      return { type, start, end: start + value.length, text: value, score: 0.9, recognizer: 'my-model' };
    };
    const findings = [
      hit('PERSON', 'Tomas'), hit('PERSON', 'Lindqvist'), hit('ORGANIZATION', 'Brightwater Analytics, Inc.'),
      hit('PERSON', 'Brightwater'), hit('PERSON', 'Tucson.'), hit('PERSON', 'SSN'),
    ];
    expect(refineNameFindings(text, findings).map((f) => `${f.type} ${f.text}`)).toEqual([
      'PERSON Tomas Lindqvist', 'ORGANIZATION Brightwater Analytics, Inc.', 'ORGANIZATION Brightwater', 'LOCATION Tucson',
    ]);
  });
});
