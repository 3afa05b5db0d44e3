// The examples of the recognizers' README section, run as written (imports through the public entry point).
import { describe, expect, it } from 'vitest';
import { Anonymize, PATTERN_ENTITY_TYPES, creditCardRecognizer, defaultRecognizers, definePatternRecognizer } from '@veil/scanners';

describe('README: pattern recognizers', () => {
  it('runs one recognizer', () => {
    const findings = creditCardRecognizer().analyze('Card 4111 1111 1111 1111, exp 12/29');
    expect(findings).toEqual([
      {
        type: 'CREDIT_CARD', start: 5, end: 24, text: '4111 1111 1111 1111', score: 1, recognizer: 'credit_card',
        explanation: ['pattern card_grouped', 'visa, luhn ok', 'context word "card" +0.05'],
      },
    ]);
  });

  it('runs all of them', async () => {
    const text = 'Mail john.doe[at]example[dot]com or call +44 20 7946 0958 from 10.0.0.1';
    const found = [];
    for (const recognizer of defaultRecognizers()) found.push(...(await recognizer.analyze(text)));
    expect(found.map((f) => `${f.type} ${f.text} ${f.score}`)).toEqual([
      'EMAIL_ADDRESS john.doe[at]example[dot]com 0.95',
      'PHONE_NUMBER +44 20 7946 0958 0.95',
      'IP_ADDRESS 10.0.0.1 0.8',
    ]);
    expect(PATTERN_ENTITY_TYPES).toContain('US_PASSPORT');
  });

  it('defines a custom recognizer and plugs it into Anonymize', async () => {
    const employeeId = definePatternRecognizer({
      name: 'employee_id',
      type: 'EMPLOYEE_ID',
      patterns: [{ name: 'emp_6', regex: /(?<![\w-])E-\d{6}(?![\w-])/, score: 0.4 }],
      validate: (candidate) =>
        candidate.text === 'E-000000' ? { ok: false, explanation: 'reserved id' } : { ok: true, explanation: 'id ok' },
      context: { words: ['employee', 'staff id'], window: 3, boost: 0.3 },
    });
    expect(employeeId.analyze('Employee E-123456 joined. Ticket E-654321 is closed.')).toEqual([
      {
        type: 'EMPLOYEE_ID', start: 9, end: 17, text: 'E-123456', score: 0.7, recognizer: 'employee_id',
        explanation: ['pattern emp_6', 'id ok', 'context word "employee" +0.3'],
      },
      {
        type: 'EMPLOYEE_ID', start: 33, end: 41, text: 'E-654321', score: 0.4, recognizer: 'employee_id',
        explanation: ['pattern emp_6', 'id ok'],
      },
    ]);

    const anonymize = new Anonymize({ recognizers: [employeeId], ner: false });
    const { sanitized } = await anonymize.scan('Employee E-123456, SSN 536-22-1234.');
    expect(sanitized).toBe('Employee [REDACTED_EMPLOYEE_ID_1], SSN [REDACTED_US_SSN_1].');
  });
});
