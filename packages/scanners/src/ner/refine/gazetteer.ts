/**
 * Lists of names: given names and family names ("Rose", "Lincoln"), and places (US cities, states and their
 * postal codes, countries). They come from the English locale of @faker-js/faker (MIT; about 3,200 given names,
 * 470 family names, 930 US cities, 50 states, 250 countries) together with compromise's lexicon (world cities,
 * regions and some 4,000 names). Faker's data is read on first use, so scanners that never ask pay nothing.
 * Faker 9 (not 10) because its CommonJS build lets these synchronous look-ups `require` it on every Node 20
 * release; faker 10 is ESM-only, which `require` reads only from Node 20.19 on.
 */
import { createRequire } from 'node:module';
import { lexiconTag } from './words.js';

interface FakerLists {
  givenNames: ReadonlySet<string>;
  familyNames: ReadonlySet<string>;
  places: ReadonlySet<string>;
  stateCodes: ReadonlySet<string>;
}

interface FakerDefinitions {
  person: { first_name: Record<string, string[]>; last_name: Record<string, string[]> };
  location: { city_name: string[]; state: string[]; state_abbr: string[]; country: string[] };
}

let lists: FakerLists | undefined;

const lowerCased = (values: Iterable<string>): Set<string> => new Set([...values].map((v) => v.toLowerCase()));

function load(): FakerLists {
  const require = createRequire(import.meta.url);
  const { faker } = require('@faker-js/faker/locale/en') as { faker: { rawDefinitions: FakerDefinitions } };
  const { person, location } = faker.rawDefinitions;
  return {
    givenNames: lowerCased(Object.values(person.first_name).flat()),
    familyNames: lowerCased(Object.values(person.last_name).flat()),
    places: lowerCased([...location.city_name, ...location.state, ...location.country]),
    stateCodes: new Set(location.state_abbr),
  };
}

function fakerLists(): FakerLists {
  lists ??= load();
  return lists;
}

/** Accents are dropped for look-ups: "Lucía" is found as "lucia". */
export function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const GIVEN_NAME_TAGS = /FirstName|MaleName|FemaleName/u;
const PERSON_NAME_TAGS = /FirstName|MaleName|FemaleName|LastName|Person/u;

/** Whether `word` is a known given name ("Rose", "Juan", "Lucía"). */
export function isGivenName(word: string): boolean {
  const key = plain(word);
  const tag = lexiconTag(key);
  return (tag !== undefined && GIVEN_NAME_TAGS.test(tag)) || fakerLists().givenNames.has(key);
}

/** Whether `word` is a known given or family name ("Grace", "Jackson", "Lincoln"). */
export function isPersonName(word: string): boolean {
  const key = plain(word);
  const tag = lexiconTag(key);
  return (tag !== undefined && PERSON_NAME_TAGS.test(tag)) || fakerLists().givenNames.has(key) || fakerLists().familyNames.has(key);
}

const PLACE_TAGS = /Place|City|Country|Region/u;

/** Whether `name` (one or more words) is a known place: a city, a US state or a country. */
export function isPlaceName(name: string): boolean {
  const key = name.toLowerCase();
  if (fakerLists().places.has(key)) return true;
  const tag = lexiconTag(key) ?? lexiconTag(plain(name));
  return tag !== undefined && PLACE_TAGS.test(tag);
}

/** Whether `code` is a US state's postal code ("OR", "MN"). */
export function isStateCode(code: string): boolean {
  return fakerLists().stateCodes.has(code);
}
