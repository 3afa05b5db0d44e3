import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { refineNameFindings } from './index.js';

// The example of the refinement README section, kept true by this test.
describe('README example of span refinement', () => {
  it('joins, drops and retypes as the README says', () => {
    const text = 'Severity: High | Reporter: Gary Steinfeld (Cascadia Cloudworks, Inc.)\nLater Cascadia logged it in Tacoma. Started azithromycin; SSN: on file.';
    const hit = (type: string, value: string): Finding => {
      const start = text.lastIndexOf(value);
      return { type, start, end: start + value.length, text: value, score: 0.9, recognizer: 'my-model' };
    };
    const findings = [
      hit('PERSON', 'Severity'), hit('PERSON', 'Gary'), hit('PERSON', 'Steinfeld'), hit('ORGANIZATION', 'Cascadia Cloudworks, Inc.'),
      hit('PERSON', 'Cascadia'), hit('PERSON', 'Tacoma'), hit('PERSON', 'azithromycin'), hit('PERSON', 'SSN'),
    ];
    expect(refineNameFindings(text, findings).map((f) => `${f.type} ${f.text}`)).toEqual([
      'PERSON Gary Steinfeld', 'ORGANIZATION Cascadia Cloudworks, Inc.', 'ORGANIZATION Cascadia', 'LOCATION Tacoma',
    ]);
  });
});
