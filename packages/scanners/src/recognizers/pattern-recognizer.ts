/**
 * Shared machinery for pattern recognizers: candidates come from linear-time regexes (or a custom
 * finder), a validation hook confirms or rejects each one, and context words raise the score.
 * A recognizer module only declares data and its validation; this file turns that into a Recognizer.
 */
import { InvalidInputError, RecognizerError } from '../errors.js';
import type { EntityType, Finding, Recognizer } from '../types.js';
import { contextBoost, findContextWord, labelledAsOther, type ContextOptions } from './context.js';
import { LayoutContext } from './layout-context.js';

export interface PatternSpec {
  /** Appears in the explanation as `pattern <name>`. */
  name: string;
  /** Must run in linear time: bounded repetitions, no nested quantifiers over overlapping classes. */
  regex: RegExp;
  /** Score before validation and context adjustments, 0..1. */
  score: number;
  /** Weak formats (plain digit runs) are only reported when a context word is near. */
  requireContext?: boolean;
}

/** A candidate handed to `validate`. Offsets are UTF-16, end exclusive. */
export interface Candidate {
  text: string;
  start: number;
  end: number;
  pattern: PatternSpec;
  /** The whole scanned text, for checks that look at the surroundings. */
  source: string;
}

export interface Validation {
  ok: boolean;
  /** Why it was accepted or rejected, e.g. `luhn ok`. */
  explanation: string;
  /** Replaces the pattern score when given. */
  score?: number;
  /** Drops this many leading characters of the candidate (an unrelated group before the value). */
  skip?: number;
  /** Keeps only the first `length` characters of the candidate, counted before `skip`. */
  length?: number;
  /** This value is only reported next to a context word (a weak reading of a pattern that is strong otherwise). */
  requireContext?: boolean;
}

/** A Recognizer whose analysis is synchronous: patterns and checksums need no I/O. */
export interface PatternRecognizer extends Recognizer {
  analyze(text: string): Finding[];
}

export interface PatternRecognizerOptions {
  name: string;
  type: EntityType;
  patterns: PatternSpec[];
  validate?(candidate: Candidate): Validation;
  context?: ContextOptions;
  /** Every pattern needs a context word (same as `requireContext` on each pattern). */
  requireContext?: boolean;
}

// Characters skipped between two values found in one candidate.
const VALUE_SEPARATOR = /[^\p{L}\p{N}+(]/u;

// Cap on candidate length handed to validation; real entities are far shorter.
const MAX_CANDIDATE_LENGTH = 4096;

function withGlobalFlag(regex: RegExp): RegExp {
  const flags = regex.flags.includes('g') ? regex.flags : `${regex.flags}g`;
  return new RegExp(regex.source, flags.replace('y', ''));
}

function* candidatesOf(text: string, pattern: PatternSpec, regex: RegExp): Generator<Candidate> {
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    if (match[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    if (match[0].length > MAX_CANDIDATE_LENGTH) continue;
    yield { text: match[0], start: match.index, end: match.index + match[0].length, pattern, source: text };
  }
}

/** Keeps the best of overlapping findings: higher score first, then the longer span. */
export function removeOverlaps(findings: Finding[]): Finding[] {
  const ranked = [...findings].sort((a, b) => b.score - a.score || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  // `kept` stays sorted by start and non-overlapping, so one binary search decides each finding.
  const kept: Finding[] = [];
  for (const finding of ranked) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (kept[mid]!.start < finding.start) low = mid + 1;
      else high = mid;
    }
    const previous = kept[low - 1];
    const next = kept[low];
    if ((previous === undefined || previous.end <= finding.start) && (next === undefined || finding.end <= next.start)) {
      kept.splice(low, 0, finding);
    }
  }
  return kept;
}

function roundScore(score: number): number {
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}

function assertText(name: string, text: unknown): asserts text is string {
  if (typeof text !== 'string') {
    throw new InvalidInputError(`recognizer "${name}" expects a string, got ${text === null ? 'null' : typeof text}`);
  }
}

/**
 * Builds a Recognizer from patterns, an optional validation hook and context words.
 * Validation exceptions become a RecognizerError so a scan fails closed instead of skipping a value.
 */
export function definePatternRecognizer(options: PatternRecognizerOptions): PatternRecognizer {
  const { name, type, validate, context } = options;
  const compiled = options.patterns.map((pattern) => ({ pattern, regex: withGlobalFlag(pattern.regex) }));

  /**
   * Validates and scores one candidate. `consumed` is where validation ended the value, so the caller
   * can offer the rest of a candidate that held more than one value ("call 415 555 2671 or 212 555 1234").
   */
  function analyzeCandidate(candidate: Candidate, table: LayoutContext): { finding?: Finding; consumed?: number } {
    let score = candidate.pattern.score;
    let start = candidate.start;
    let end = candidate.end;
    let verdictNeedsContext = false;
    const explanation = [`pattern ${candidate.pattern.name}`];
    if (validate) {
      const verdict = validate(candidate);
      if (!verdict.ok) return {};
      explanation.push(verdict.explanation);
      if (verdict.score !== undefined) score = verdict.score;
      if (verdict.length !== undefined) end = candidate.start + Math.min(verdict.length, candidate.text.length);
      if (verdict.skip !== undefined) start = candidate.start + Math.max(0, verdict.skip);
      verdictNeedsContext = verdict.requireContext === true;
    }
    if (end <= start) return {};
    const match = context ? findContextWord(candidate.source, start, end, context, table) : undefined;
    const needsContext = candidate.pattern.requireContext || options.requireContext || verdictNeedsContext;
    if (needsContext && context && labelledAsOther(candidate.source, start, end, context, match)) return { consumed: end };
    if (match !== undefined && context) {
      const boost = contextBoost(match, context.boost);
      score += boost;
      const where = match.inColumnHeader ? ' (column header)' : match.inListHeading ? ' (list heading)' : '';
      explanation.push(`context word "${match.word}"${where} +${boost}`);
    } else if (needsContext) {
      return { consumed: end };
    }
    const finding: Finding = {
      type,
      start,
      end,
      text: candidate.source.slice(start, end),
      score: roundScore(score),
      recognizer: name,
      explanation,
    };
    return { finding, consumed: end };
  }

  /** The candidate and, while validation keeps only a prefix, whatever follows that prefix. */
  function analyzeWithRemainders(candidate: Candidate, table: LayoutContext, findings: Finding[]): void {
    let current: Candidate | undefined = candidate;
    while (current) {
      const { finding, consumed } = analyzeCandidate(current, table);
      if (finding) findings.push(finding);
      if (consumed === undefined || consumed >= current.end) return;
      let next = consumed;
      while (next < current.end && VALUE_SEPARATOR.test(current.source[next]!)) next++;
      current = next < current.end ? { ...current, start: next, text: current.source.slice(next, current.end) } : undefined;
    }
  }

  return {
    name,
    types: [type],
    analyze(text: string): Finding[] {
      assertText(name, text);
      const findings: Finding[] = [];
      // Built lazily: only values with no context word beside them make it parse the text's lines.
      const table = new LayoutContext(text);
      try {
        // Each call gets its own regex copies: lastIndex is state, and recognizers are shared across requests.
        for (const { pattern, regex } of compiled) {
          for (const candidate of candidatesOf(text, pattern, new RegExp(regex))) {
            analyzeWithRemainders(candidate, table, findings);
          }
        }
      } catch (error) {
        // The cause is not attached: library messages may quote the candidate, which is PII.
        const kind = error instanceof Error ? error.name : typeof error;
        throw new RecognizerError(name, `validation threw ${kind}`);
      }
      return removeOverlaps(findings);
    },
  };
}
