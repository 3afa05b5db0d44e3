/** Test helpers shared by the recognizer tests (excluded from the build). */
import validator from 'validator';
import { expect } from 'vitest';
import type { Finding, Recognizer } from '../../types.js';
import { ADVERSARIAL_INPUTS } from './adversarial.js';

export async function analyze(recognizer: Recognizer, text: string): Promise<Finding[]> {
  return await recognizer.analyze(text);
}

/** Asserts the recognizer reports exactly `value` at its position in `text`, with the expected type. */
export async function expectFinding(recognizer: Recognizer, text: string, value: string, minScore = 0.5): Promise<Finding> {
  const start = text.indexOf(value);
  expect(start, 'value must occur in text').toBeGreaterThanOrEqual(0);
  const findings = await analyze(recognizer, text);
  const finding = findings.find((f) => f.start === start);
  expect(finding, `no finding at ${start} in ${JSON.stringify(text)}; got ${JSON.stringify(findings)}`).toBeDefined();
  expect(finding!.end).toBe(start + value.length);
  expect(finding!.text).toBe(value);
  expect(text.slice(finding!.start, finding!.end)).toBe(value);
  expect(recognizer.types).toContain(finding!.type);
  expect(finding!.recognizer).toBe(recognizer.name);
  expect(finding!.score).toBeGreaterThanOrEqual(minScore);
  expect(finding!.score).toBeLessThanOrEqual(1);
  expect(finding!.explanation?.length).toBeGreaterThan(0);
  return finding!;
}

export async function expectNoFinding(recognizer: Recognizer, text: string): Promise<void> {
  const findings = await analyze(recognizer, text);
  expect(findings, `unexpected findings in ${JSON.stringify(text)}`).toEqual([]);
}

/** Appends the Luhn check digit (found with validator, not a hand-rolled checksum). */
export function withLuhnDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (validator.isLuhnNumber(`${body}${d}`)) return `${body}${d}`;
  throw new Error('no luhn digit');
}

/** The same number with its last digit changed, so the checksum no longer holds. */
export function breakLastDigit(value: string): string {
  const last = value.at(-1)!;
  return `${value.slice(0, -1)}${(Number(last) + 1) % 10}`;
}

/** Runs the recognizer on every adversarial input; it must return an array each time. */
export async function expectSurvivesAdversarialInput(recognizer: Recognizer): Promise<void> {
  for (const input of ADVERSARIAL_INPUTS) {
    const findings = await analyze(recognizer, input);
    expect(Array.isArray(findings)).toBe(true);
  }
}
