/**
 * URL: http(s):// and www. forms. The candidate runs to the next space or quote; trailing sentence
 * punctuation and unbalanced closing brackets are trimmed, then validator's isURL confirms it.
 */
import validator from 'validator';
import { definePatternRecognizer, type PatternRecognizer, type Candidate, type Validation } from './pattern-recognizer.js';

const MAX_URL_LENGTH = 2048;
const URL_CANDIDATE = new RegExp(`(?<![\\w@.\\-/])(?:https?://|www\\.)[^\\s<>"'\`]{1,${MAX_URL_LENGTH}}`, 'i');

const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '_']);
const CLOSING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** Trims what a sentence adds after a link: "(see https://x.org/a)." keeps https://x.org/a. */
export function trimUrl(text: string): string {
  let end = text.length;
  for (;;) {
    const last = text[end - 1];
    if (last === undefined) break;
    const opening = CLOSING[last];
    const body = text.slice(0, end);
    if (TRAILING_PUNCTUATION.has(last) || (opening !== undefined && count(body, last) > count(body, opening))) end--;
    else break;
  }
  return text.slice(0, end);
}

const URL_OPTIONS = {
  protocols: ['http', 'https'],
  require_protocol: false,
  require_tld: true,
  allow_underscores: true,
  max_allowed_length: MAX_URL_LENGTH,
};

// Without a dot, a host is only worth reporting as a link when it is localhost with an explicit scheme.
const LOCALHOST_URL = /^https?:\/\/localhost(?![\w.\-])/i;

function validateUrl(candidate: Candidate): Validation {
  const text = trimUrl(candidate.text);
  const ok =
    validator.isURL(text, URL_OPTIONS) || (LOCALHOST_URL.test(text) && validator.isURL(text, { ...URL_OPTIONS, require_tld: false }));
  return ok ? { ok: true, explanation: 'isURL ok', length: text.length } : { ok: false, explanation: 'isURL failed' };
}

export function urlRecognizer(): PatternRecognizer {
  return definePatternRecognizer({
    name: 'url',
    type: 'URL',
    patterns: [{ name: 'url', regex: URL_CANDIDATE, score: 0.85 }],
    validate: validateUrl,
    context: { words: ['url', 'link', 'website', 'site', 'page', 'visit'], boost: 0.1 },
  });
}
