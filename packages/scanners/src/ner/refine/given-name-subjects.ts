/**
 * A known given name alone as the subject of what people do ("Florian asked", "Will said", "Ingrid flagged")
 * that no finding covers is added as a PERSON. Chats, notes and minutes name colleagues by their given name only,
 * and a small model often skips a lone name, above all one that is also an everyday word ("Will", "Hope"). The
 * verb must be one whose subject is a person (`isPersonVerb`: speaking, asking, flagging, meeting), so a month,
 * a brand or a place that is also a given name ("May", "Jordan said") adds nothing unless the lists know it as a
 * given name that is no place. One bounded pattern scanned once: linear on any input.
 */
import type { Finding } from '../../types.js';
import { isGivenName, isPlaceName } from './gazetteer.js';
import { NAME_PAIR_SCORE } from './given-name-pairs.js';
import { overlapIndex, withAdded } from './spans.js';
import { isClosedClass, isPersonVerb, isTitle } from './words.js';

const SUBJECT = /(?<![\p{L}\p{M}\p{N}'’.@-])(\p{Lu}[\p{Ll}\p{M}]{1,20}) (\p{Ll}{2,14})\b/gu;
const WORD_BEFORE = /(\p{Lu}[\p{L}\p{M}'’-]*) $/u;

export function addGivenNameSubjects(source: string, findings: readonly Finding[], recognizer: string): Finding[] {
  const covered = overlapIndex(findings);
  const added: Finding[] = [];
  SUBJECT.lastIndex = 0;
  for (let m = SUBJECT.exec(source); m !== null; m = SUBJECT.exec(source)) {
    const [, name, verb] = m;
    if (!isPersonVerb(verb!) || isClosedClass(name!.toLowerCase()) || isTitle(name!)) continue;
    if (!isGivenName(name!) || isPlaceName(name!)) continue;
    // After another capitalised word it is the end of a longer name ("Ward Will said" is the model's to read).
    if (WORD_BEFORE.test(source.slice(Math.max(0, m.index - 24), m.index))) continue;
    const candidate: Finding = {
      type: 'PERSON', start: m.index, end: m.index + name!.length, text: name!, score: NAME_PAIR_SCORE, recognizer,
      explanation: ['refine: known given name before a verb of a person'],
    };
    if (!covered(candidate)) added.push(candidate);
  }
  return withAdded(findings, added);
}
