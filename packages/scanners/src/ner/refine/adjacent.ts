/**
 * Adjacent pieces of one name. A token-classification model starts a new entity at every B- tag, so it often
 * gives one name as two findings side by side ("Tomas" + "Lindqvist", "Juniper Valley" + "Credit Union"), and
 * scores one piece as a false name and the other as half of one. Two names in a row are set apart by a comma,
 * a word or a sentence end, so name findings separated by exactly one space, each made of capitalised words
 * (or name particles: "de la Cruz"), one of them PERSON, are one name. The exception is a title or employer
 * written before a person's name ("NASA Administrator Sean O'Keefe"); see `joinedType`.
 *
 * The model over-predicts PERSON: the word of an organisation or place name that it reads as a person
 * ("Pelican", "Atlantic", "Las") rarely carries the meaning, the head at the end does ("Credit Union",
 * "Vegas"). A joined name that ends in an organisation word is then retyped by `retypeOrganisation`.
 */
import type { Finding } from '../../types.js';
import { isGivenName } from './gazetteer.js';
import { endsInOrganisationWord } from './organisations.js';
import { byStart } from './spans.js';
import { NAME_PARTICLES } from './words.js';

/** Every word starts with a capital letter or is a name particle; `&` and digits are not name words. */
const CAPITALISED_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
function isCapitalisedName(text: string): boolean {
  return text.split(' ').every((word) => CAPITALISED_WORD.test(word) || NAME_PARTICLES.has(word.toLowerCase()));
}

/**
 * The first piece can end in a full stop only as an initial ("K. Abernathy"): after any other word the stop may
 * end a sentence ("... from Acme Corp. John said").
 */
function endsCleanly(text: string): boolean {
  return !text.endsWith('.') || /(?:^|\s)\p{Lu}\.$/u.test(text);
}

/** Whether the name's first word (or the first part of a hyphenated one: "Sophie-Anne") is a known given name. */
function startsWithGivenName(text: string): boolean {
  return isGivenName(text.split(/[\s-]/u)[0] ?? '');
}

/**
 * The type of a joined run, or undefined when the run is better left apart. A run that starts with a given name
 * is a person ("Marisa Colón", "Juan Pablo Echeverri"). Otherwise English puts the head of a name last, so a
 * last piece of several words gives the type ("Juniper Valley" + "Credit Union"). A single last word is weaker
 * evidence: it may be a surname the model mistyped ("Segolene" + "Royal") as much as the last word of an
 * organisation, so it gives the type only when it is an organisation word ("Fernhill" + "Software"). A person
 * piece after an organisation or place is left apart: a full name there follows a title or employer in
 * apposition ("NASA Administrator Sean O'Keefe"), and a single word may be either a name ("Empress Michiko")
 * or the organisation's last word ("Harbor Health System").
 */
function joinedType(parts: readonly Finding[], text: string): string | undefined {
  if (parts.every((p) => p.type === 'PERSON') || startsWithGivenName(text)) return 'PERSON';
  const last = parts[parts.length - 1]!;
  if (last.type === 'PERSON') return undefined;
  return /\s/u.test(last.text) || endsInOrganisationWord(last.text) ? last.type : undefined;
}

function join(source: string, parts: Finding[], type: string): Finding {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  return {
    ...first,
    type,
    end: last.end,
    text: source.slice(first.start, last.end),
    score: Math.max(...parts.map((p) => p.score)),
    explanation: [...(first.explanation ?? []), `refine: adjacent name pieces joined (${parts.map((p) => p.type).join(' + ')})`],
  };
}

/** Joins runs of name findings that only a single space separates; `findings` must not overlap. */
export function joinAdjacentNames(source: string, findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  let run: Finding[] = [];
  const flush = () => {
    // Only runs with a PERSON piece are joined: the split comes from the model's PERSON tags ("Gary" +
    // "Lindqvist"), while two places side by side may be two values ("Lyon Villeurbanne").
    const type = run.length > 1 && run.some((p) => p.type === 'PERSON') ? joinedType(run, source.slice(run[0]!.start, run[run.length - 1]!.end)) : undefined;
    if (type) out.push(join(source, run, type));
    else out.push(...run);
    run = [];
  };
  for (const f of [...findings].sort(byStart)) {
    const previous = run[run.length - 1];
    const joins =
      previous !== undefined &&
      f.start === previous.end + 1 &&
      source[previous.end] === ' ' &&
      endsCleanly(previous.text) &&
      isCapitalisedName(previous.text) &&
      isCapitalisedName(f.text);
    if (!joins) flush();
    run.push(f);
  }
  flush();
  return out;
}
