/**
 * Postal addresses. Models trained on newswire tag the pieces of an address as separate places ("41 Brattle
 * Street", "Cambridge", "MA 02138"), but the address is one value: redacted piecewise it leaves its shape and
 * its unit number in the prompt and gives one home three placeholders. This rule
 *
 * 1. completes a street the model cut ("Avenue" after "1201 Third", "7710 N" before ". La Cholla Boulevard"),
 *    when a house number and a street word (Street, Avenue, Rue, ...) make it certain it is a street, and
 *    makes it a LOCATION whatever the model called it; so is a town between such a street and a postcode;
 * 2. chains LOCATION findings separated only by a comma, a space or a line break, with unit parts between them
 *    ("Apt 3", "Suite 900", "26th Floor"), plus a unit or "PO Box" before and units and a US state + ZIP code,
 *    a UK postcode or a European postcode + city after, which the model missed. A postcode ends the chain
 *    (a country after it is a place of its own), and a bare line break joins only a line ending in a postcode,
 *    so a list of places one per line stays a list;
 * 3. turns a chain into one LOCATION only when it holds a street-address part: a part that starts with a house
 *    number or a PO Box, or ends with a postcode. "Paris, France" and "Toledo, Ohio" stay two places.
 *
 * The assembled finding has the lowest score of its parts. All patterns run on bounded slices next to a
 * finding, with bounded repetitions, so the rule stays linear in the length of the text.
 */
import { partitionPoint } from '../../partition-point.js';
import type { Finding } from '../../types.js';
import { byStart, containmentIndex, lineEndAfter, lineStartBefore, respan } from './spans.js';

const STREET_WORDS: ReadonlySet<string> = new Set([
  'street', 'st', 'avenue', 'ave', 'av', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'court',
  'ct', 'place', 'pl', 'way', 'trail', 'terrace', 'parkway', 'pkwy', 'highway', 'hwy', 'crescent', 'close',
  'square', 'sq', 'circle', 'cir', 'alley', 'row', 'plaza', 'pike', 'walk', 'mews', 'gardens', 'grove',
  'expressway', 'freeway', 'turnpike', 'broadway', 'wharf', 'quay', 'causeway', 'loop', 'rue', 'calle',
  'avenida', 'via', 'strasse', 'straße', 'gasse', 'weg', 'laan', 'gatan', 'vej', 'gade',
]);

const US_STATE_CODES: ReadonlySet<string> = new Set(
  ('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK ' +
    'OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR').split(' '),
);
const US_STATE_NAMES: ReadonlySet<string> = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida',
  'georgia', 'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine',
  'maryland', 'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska',
  'nevada', 'new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'ohio',
  'oklahoma', 'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas',
  'utah', 'vermont', 'virginia', 'washington', 'west virginia', 'wisconsin', 'wyoming',
]);
const isUsState = (s: string): boolean => US_STATE_CODES.has(s) || US_STATE_NAMES.has(s.toLowerCase());

/** Between two parts: a comma and/or spaces, at most one line break. */
const SEPARATOR = /[ \t]{0,4},?[ \t]{0,4}(?:\r?\n[ \t]{0,8})?/uy;
/**
 * A unit inside a building: "Apt 3", "Apt. 5C", "Suite 900", "Unit 2R", "Flat 4", "#12", "Suite B", "26th Floor".
 * Its number has a digit or is one letter, so words that start like a unit ("United", "Flatiron") are not units.
 */
const UNIT_ID = String.raw`(?:\d[a-z0-9-]{0,5}|[a-z](?:-?\d[a-z0-9-]{0,4})?)`;
const UNIT_WORDS = 'apartment|apt|suite|ste|unit|flat|room|rm|building|bldg|floor|fl';
const UNIT = new RegExp(String.raw`(?:(?:${UNIT_WORDS})\.?(?:[ \t]#?[ \t]?|#[ \t]?)${UNIT_ID}|#[ \t]?${UNIT_ID}|\d{1,3}(?:st|nd|rd|th)[ \t]floor)(?![\p{L}\p{N}])`, 'iuy');
/** A US state (code or name) and ZIP code: "MA 02138", "New Jersey 07307". */
const STATE_ZIP = /(\p{Lu}{2}|\p{Lu}\p{Ll}{2,13}(?: \p{Lu}\p{Ll}{2,13})?)[ \t]{1,2}\d{5}(?:-\d{4})?(?![\p{L}\p{N}])/uy;
const ZIP = /\d{5}(?:-\d{4})?(?![\p{L}\p{N}])/uy;
const UK_POSTCODE = /\p{Lu}{1,2}\d[\p{Lu}\d]?[ \t]\d\p{Lu}{2}(?![\p{L}\p{N}])/uy;
/** A European postcode before its city: "113 30 Stockholm", "3015 LD Rotterdam", "10115 Berlin". */
const EU_POSTCODE_CITY = /(?:\d{3} \d{2}|\d{4} ?\p{Lu}{2}|\d{4,5})[ \t]\p{Lu}[\p{L}-]{1,30}(?![\p{L}\p{N}])/uy;

const HOUSE_NUMBER_START = /^\d{1,6}(?:[-/]\d{1,5})?[A-Za-z]?[ \t]+[\p{L}\p{N}]/u;
const PO_BOX_START = /^(?:P\.? ?O\.? ?Box|Post Office Box)(?![\p{L}])/iu;
const PO_BOX_BEFORE = /(?:P\.? ?O\.? ?Box|Post Office Box)[ \t]{1,2}$/iu;
const UNIT_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])((?:${UNIT_WORDS})\.?(?:[ \t]#?[ \t]?|#[ \t]?)${UNIT_ID},[ \t]{0,2})$`, 'iu');
const US_POSTCODE_END = /(?:^|[^\p{L}])(\p{Lu}{2}|\p{Lu}\p{Ll}{2,13}(?: \p{Lu}\p{Ll}{2,13})?)[ \t]{1,2}\d{5}(?:-\d{4})?$/u;
const UK_POSTCODE_END = /(?:^|[^\p{L}\p{N}])\p{Lu}{1,2}\d[\p{Lu}\d]?[ \t]\d\p{Lu}{2}$/u;
const STATE_END = /(?:^|[^\p{L}])(\p{Lu}{2}|\p{Lu}\p{Ll}{2,13}(?: \p{Lu}\p{Ll}{2,13})?)$/u;

/** House number, optional direction and up to three name words, right before a cut street: "1201 Third ". */
const STREET_HEAD =
  /(?:^|[\s,(])(\d{1,6}(?:[-/]\d{1,5})?[A-Za-z]?(?: (?:[NSEW]|NE|NW|SE|SW)\.?)?(?: (?:\p{Lu}[\p{L}'.-]{0,20}|\d{1,3}(?:st|nd|rd|th)|de|del|la|las|los|du|des|le)){0,3} )$/u;
/** Up to five name words right after a cut street: ". La Cholla Boulevard". */
const STREET_TAIL = /^\.?((?: (?:\p{Lu}[\p{L}'-]{0,20}|\d{1,3}(?:st|nd|rd|th)|de|del|la|las|los|du|des|le)){1,5})/u;
const DIRECTION_AFTER = /^ (?:NE|NW|SE|SW|[NSEW])(?![\p{L}\p{N}])/u;
const WORDS = /[\p{L}\p{N}]+/gu;

const MAX_GAP = 48;
const LOOK = 64;

function hasStreetWord(text: string): boolean {
  return (text.match(WORDS) ?? []).some((w) => STREET_WORDS.has(w.toLowerCase()));
}

const lineStart = (source: string, at: number): number => lineStartBefore(source, at, LOOK);
const lineEnd = (source: string, at: number): number => lineEndAfter(source, at, LOOK);

/**
 * Step 1: a street the model cut short, completed to its house number or its street word. A span that is then
 * a street address (house number and street word) is a LOCATION, whatever the model called it ("Hayford" in
 * "1133 S Hayford Road" tagged as a person).
 */
function completeStreet(source: string, f: Finding): Finding {
  let { start, end } = f;
  if (!HOUSE_NUMBER_START.test(f.text)) {
    const head = STREET_HEAD.exec(source.slice(lineStart(source, start), start));
    if (head) start -= head[1]!.length;
  }
  const headed = source.slice(start, end);
  if (HOUSE_NUMBER_START.test(headed) && !hasStreetWord(headed)) {
    const tail = STREET_TAIL.exec(source.slice(end, lineEnd(source, end)));
    let last = -1;
    for (const w of tail?.[0].matchAll(WORDS) ?? []) if (STREET_WORDS.has(w[0].toLowerCase())) last = w.index + w[0].length;
    if (last > 0) {
      end += last;
      const direction = DIRECTION_AFTER.exec(source.slice(end, end + 4));
      if (direction) end += direction[0].length;
    }
  }
  const span = source.slice(start, end);
  if (!HOUSE_NUMBER_START.test(span) || !hasStreetWord(span)) return f;
  const street = respan(source, f, start, end, 'refine: street completed');
  if (f.type === 'LOCATION') return street;
  return { ...street, type: 'LOCATION', explanation: [...(street.explanation ?? []), `refine: a street address, not ${f.type}`] };
}

const BARE_LINE_BREAK = /^[^,]*\n[^,]*$/u;

/** Whether `source[from, to)` is only separators and units. */
function skipGap(source: string, from: number, to: number): boolean {
  let i = from;
  for (let round = 0; round < 4; round++) {
    SEPARATOR.lastIndex = i;
    if (SEPARATOR.exec(source)) i = SEPARATOR.lastIndex;
    if (i >= to) return i === to;
    UNIT.lastIndex = i;
    if (!UNIT.exec(source) || UNIT.lastIndex > to) return false;
    i = UNIT.lastIndex;
  }
  return false;
}

function matchAt(re: RegExp, source: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(source);
}

/** Units, then a postcode the model missed, after the chain's end. Returns the new end and whether a postcode was added. */
function extendAfter(source: string, end: number, lastPart: string, hasStreet: boolean): { end: number; postcode: boolean } {
  let i = end;
  let best = end;
  for (let round = 0; round < 3; round++) {
    const afterSep = matchAt(SEPARATOR, source, i) ? SEPARATOR.lastIndex : i;
    if (afterSep === i) break;
    const unit = matchAt(UNIT, source, afterSep);
    if (unit) {
      i = best = UNIT.lastIndex;
      continue;
    }
    const stateZip = matchAt(STATE_ZIP, source, afterSep);
    if (stateZip && isUsState(stateZip[1]!)) return { end: STATE_ZIP.lastIndex, postcode: true };
    const state = STATE_END.exec(lastPart);
    if (state && isUsState(state[1]!) && matchAt(ZIP, source, afterSep)) return { end: ZIP.lastIndex, postcode: true };
    if (matchAt(UK_POSTCODE, source, afterSep)) return { end: UK_POSTCODE.lastIndex, postcode: true };
    if (hasStreet && matchAt(EU_POSTCODE_CITY, source, afterSep)) return { end: EU_POSTCODE_CITY.lastIndex, postcode: true };
    break;
  }
  return { end: best, postcode: false };
}

/** A street line ending in a comma right before a chain: "12 Kingsley Avenue, " before "Suite 5, Columbus, OH". */
const STREET_LINE_BEFORE =
  /(?:^|[\s(])(\d{1,6}(?:[-/]\d{1,5})?[A-Za-z]?(?: (?:[NSEW]|NE|NW|SE|SW)\.?)?(?: (?:\p{Lu}[\p{L}'.-]{0,20}|\d{1,3}(?:st|nd|rd|th))){1,5},[ \t]{0,2})$/u;

/**
 * A "PO Box", a unit ("Flat 4, ") or, for a chain with no street of its own, the street line the model missed
 * right before the chain's first part: without it the street would stay in clear text next to a redacted town.
 */
function extendBefore(source: string, start: number, firstPart: string, hasStreetLine: boolean): number {
  const before = source.slice(lineStart(source, start), start);
  const box = /^\d/u.test(firstPart) ? PO_BOX_BEFORE.exec(before) : null;
  if (box) return start - box[0].length;
  const unit = UNIT_BEFORE.exec(before);
  const from = unit ? start - unit[1]!.length : start;
  const street = hasStreetLine ? null : STREET_LINE_BEFORE.exec(source.slice(lineStart(source, from), from));
  return street && hasStreetWord(street[1]!) ? from - street[1]!.length : from;
}

function endsWithPostcode(text: string): boolean {
  const us = US_POSTCODE_END.exec(text);
  return (us !== null && isUsState(us[1]!)) || UK_POSTCODE_END.test(text);
}

function isStreetPart(text: string): boolean {
  return HOUSE_NUMBER_START.test(text) || PO_BOX_START.test(text) || endsWithPostcode(text);
}

/** Whether a US state + ZIP code or a UK postcode follows `at` (after a comma or space). */
function postcodeFollows(source: string, at: number): boolean {
  const afterSep = matchAt(SEPARATOR, source, at) ? SEPARATOR.lastIndex : at;
  if (afterSep === at) return false;
  const stateZip = matchAt(STATE_ZIP, source, afterSep);
  return (stateZip !== null && isUsState(stateZip[1]!)) || matchAt(UK_POSTCODE, source, afterSep) !== null;
}

/**
 * Step 1b: a town between a street and a postcode is a place, whatever the model called it ("Spokane" tagged
 * as a person in "1133 S Hayford Road, Spokane, WA 99224"): it becomes a LOCATION so the chain can take it in.
 */
function adoptTowns(source: string, findings: Finding[]): Finding[] {
  const streets = findings.filter((f) => f.type === 'LOCATION' && isStreetPart(f.text)).sort((a, b) => a.end - b.end);
  if (streets.length === 0) return findings;
  return findings.map((g) => {
    if (g.type === 'LOCATION' || !/^\p{Lu}/u.test(g.text)) return g;
    // The street ending last before g (streets are sorted by end).
    const street = streets[partitionPoint(streets, (st) => st.end <= g.start) - 1];
    if (!street || g.start - street.end > MAX_GAP || !skipGap(source, street.end, g.start)) return g;
    if (!postcodeFollows(source, g.end)) return g;
    return { ...g, type: 'LOCATION', explanation: [...(g.explanation ?? []), `refine: a town in an address, not ${g.type}`] };
  });
}

export function assembleAddresses(source: string, findings: Finding[]): Finding[] {
  const completed = adoptTowns(source, findings.map((f) => completeStreet(source, f)));
  const locations = completed.filter((f) => f.type === 'LOCATION').sort(byStart);
  if (locations.length === 0) return findings;
  const others = completed.filter((f) => f.type !== 'LOCATION');
  const result: Finding[] = [];
  const addresses: Finding[] = [];
  for (let i = 0; i < locations.length; ) {
    const chain = [locations[i]!];
    let end = chain[0]!.end;
    let j = i + 1;
    for (; j < locations.length; j++) {
      // A postcode ends an address: a country after it ("London E1 6QH, United Kingdom") is a place of its own.
      if (endsWithPostcode(chain[chain.length - 1]!.text)) break;
      const next = locations[j]!;
      if (next.start < end) {
        chain.push(next);
        end = Math.max(end, next.end);
        continue;
      }
      if (next.start - end > MAX_GAP || !skipGap(source, end, next.start)) break;
      // A bare line break may separate the lines of an address block, or the items of a list of places: it
      // joins only a line that ends with a postcode ("27 Princelet Street\nLondon E1 6QH").
      if (BARE_LINE_BREAK.test(source.slice(end, next.start)) && !endsWithPostcode(next.text)) break;
      chain.push(next);
      end = next.end;
    }
    i = j;
    const first = chain[0]!;
    const hasStreet = chain.some((p) => isStreetPart(p.text));
    const after = extendAfter(source, end, source.slice(first.start, end), hasStreet);
    const postcode = after.postcode || endsWithPostcode(source.slice(first.start, after.end));
    const hasStreetLine = chain.some((p) => HOUSE_NUMBER_START.test(p.text) || PO_BOX_START.test(p.text));
    const start = hasStreet || postcode ? extendBefore(source, first.start, first.text, hasStreetLine) : first.start;
    const assembled = hasStreet || after.postcode || isStreetPart(source.slice(start, after.end));
    if (!assembled || (chain.length === 1 && start === first.start && after.end === first.end)) {
      result.push(...chain);
      continue;
    }
    const merged: Finding = {
      ...respan(source, first, start, after.end, `refine: address assembled from ${chain.length} part(s)`),
      score: chain.reduce((min, p) => Math.min(min, p.score), 1),
    };
    result.push(merged);
    addresses.push(merged);
  }
  // Findings of other types inside an address were pieces of it ("Roosevelt" in "86-14 Roosevelt Avenue").
  const inAddress = containmentIndex(addresses);
  return [...result, ...others.filter((f) => !inAddress(f))].sort(byStart);
}
