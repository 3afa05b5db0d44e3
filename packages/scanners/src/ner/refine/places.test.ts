import { describe, expect, it } from 'vitest';
import { isGivenName, isPersonName, isPlaceName } from './gazetteer.js';
import { refined } from './__fixtures__/refined.js';

describe('gazetteer', () => {
  it('knows given names, family names and places, with or without accents', () => {
    expect(['Rose', 'Grace', 'Juan', 'Lucía', 'Maribel'].every(isGivenName)).toBe(true);
    expect(['Severity', 'Component', 'Tacoma'].some(isGivenName)).toBe(false);
    expect(isPersonName('Jackson')).toBe(true);
    expect(['Tacoma', 'Topeka', 'Minnesota', 'Netherlands', 'Bogotá', 'New York'].every(isPlaceName)).toBe(true);
    expect(['Severity', 'Okonkwo', 'Attending'].some(isPlaceName)).toBe(false);
  });
});

describe('places typed PERSON', () => {
  it('retypes a known place as LOCATION, keeping its span', () => {
    expect(refined('The shipment left Spokane for Topeka on Monday.', ['PERSON', 'Topeka'])).toEqual([['LOCATION', 'Spokane'], ['LOCATION', 'Topeka']]);
    expect(refined('Her mother still lives near Durban with two cats.', ['PERSON', 'Durban'])).toEqual([['LOCATION', 'Durban']]);
    expect(refined('License issued by Minnesota last year', ['PERSON', 'Minnesota'])).toEqual([['LOCATION', 'Minnesota']]);
  });

  it('retypes a known town with its state', () => {
    expect(refined('Login from (Duluth, MN per geolocation)', ['PERSON', 'Duluth, MN'])).toEqual([['LOCATION', 'Duluth, MN']]);
    expect(refined('Signed: Okafor, MN', ['PERSON', 'Okafor, MN'])).toEqual([['PERSON', 'Okafor, MN']]);
  });

  it('keeps a place that is also a person name unless the words around it say place', () => {
    expect(refined('Thanks, Eugene will call you back.', ['PERSON', 'Eugene'])).toEqual([['PERSON', 'Eugene']]);
    expect(refined('We spoke with Charlotte about the refund.', ['PERSON', 'Charlotte'])).toEqual([['PERSON', 'Charlotte']]);
    expect(refined('Our office in Eugene is closed.', ['PERSON', 'Eugene'])).toEqual([['LOCATION', 'Eugene']]);
    expect(refined('He grew up in a suburb of Jackson, MS and moved.', ['PERSON', 'Jackson'])).toEqual([['LOCATION', 'Jackson']]);
    expect(refined('Charlotte, North Carolina is humid.', ['PERSON', 'Charlotte'])).toEqual([['LOCATION', 'Charlotte'], ['LOCATION', 'North Carolina']]);
  });

  it('leaves names that are no places and other types alone', () => {
    expect(refined('Ask Tomasz Wierzbicki for the key.', ['PERSON', 'Tomasz Wierzbicki'])).toEqual([['PERSON', 'Tomasz Wierzbicki']]);
    expect(refined('The Topeka Gazette ran it.', ['ORGANIZATION', 'Topeka Gazette'])).toEqual([['ORGANIZATION', 'Topeka Gazette']]);
  });
});
