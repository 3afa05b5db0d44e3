/**
 * Well-known places the model left alone ("Moving to Tulsa in May", "Oslo, Norway", "geo=Omaha")
 * are added as a LOCATION where no finding covers them: a run of one to three capitalised words that the place
 * lists know as a whole (`isPlaceName`: cities, US states, countries), and that is not part of a longer run of
 * capitalised words ("Denver Broncos", "Boston Scientific", "Bank of Ireland") or a street ("Main Street"). A
 * one-word place must not be an everyday word or a
 * person's name as well ("Reading", "Sparks", "Mobile", "Jordan", "Eugene" stay the model's to judge). One bounded
 * pattern scanned once: linear on any input.
 */
import type { Finding } from '../../types.js';
import { isDictionaryWord } from './dictionary.js';
import { isPersonName, isPlaceName } from './gazetteer.js';
import { ADDED_NAME_SCORE, overlapIndex, withAdded } from './spans.js';

const CAPITALISED_RUN = /(?<![\p{L}\p{M}\p{N}'’.@&/-])\p{Lu}[\p{Ll}\p{M}]{2,20}(?: \p{Lu}[\p{Ll}\p{M}]{1,20}){0,2}(?![\p{L}\p{M}\p{N}@&-]| \p{Lu})/gu;
const WORD_BEFORE = /\p{Lu}[\p{L}\p{M}'’-]* $/u;
/** "Bank of Ireland", "City of New York", "University of Oregon": the place ends an organisation's name. */
const NAME_OF_BEFORE = /\p{Lu}[\p{L}\p{M}'’-]* of $/u;
const STREET_WORD = / (?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl)$/u;

function isKnownPlace(run: string): boolean {
  if (!isPlaceName(run)) return false;
  if (run.includes(' ')) return true;
  return !isDictionaryWord(run.toLowerCase()) && !isPersonName(run);
}

export function addKnownPlaces(source: string, findings: readonly Finding[], recognizer: string): Finding[] {
  const covered = overlapIndex(findings);
  const added: Finding[] = [];
  CAPITALISED_RUN.lastIndex = 0;
  for (let m = CAPITALISED_RUN.exec(source); m !== null; m = CAPITALISED_RUN.exec(source)) {
    const before = source.slice(Math.max(0, m.index - 32), m.index);
    if (WORD_BEFORE.test(before) || NAME_OF_BEFORE.test(before) || STREET_WORD.test(m[0]) || !isKnownPlace(m[0])) continue;
    const candidate: Finding = {
      type: 'LOCATION', start: m.index, end: m.index + m[0].length, text: m[0], score: ADDED_NAME_SCORE, recognizer,
      explanation: ['refine: known place'],
    };
    if (!covered(candidate)) added.push(candidate);
  }
  return withAdded(findings, added);
}
