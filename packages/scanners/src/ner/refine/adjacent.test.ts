import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('adjacent name pieces', () => {
  it('joins person pieces that only a space separates into one person', () => {
    expect(refined('Yesterday Marta Lindqvist signed the lease.', ['PERSON', 'Marta'], ['PERSON', 'Lindqvist'])).toEqual([['PERSON', 'Marta Lindqvist']]);
    expect(refined('Witness: Tobias Ferreira Okoye, age 41', ['PERSON', 'Tobias'], ['PERSON', 'Ferreira'], ['PERSON', 'Okoye'])).toEqual([
      ['PERSON', 'Tobias Ferreira Okoye'],
    ]);
    expect(refined('The note was signed R. HALVORSEN.', ['PERSON', 'R.'], ['PERSON', 'HALVORSEN'])).toEqual([['PERSON', 'R. HALVORSEN']]);
  });

  it('types a mixed name by its non-person part unless it starts with a given name', () => {
    expect(refined('We bank with Juniper Valley Savings now.', ['PERSON', 'Juniper'], ['ORGANIZATION', 'Valley Savings'])).toEqual([
      ['ORGANIZATION', 'Juniper Valley Savings'],
    ]);
    expect(refined('The convention is in Port Ellery Heights this year.', ['PERSON', 'Port'], ['LOCATION', 'Ellery Heights'])).toEqual([
      ['LOCATION', 'Port Ellery Heights'],
    ]);
    expect(refined('I emailed Brackenridge Software twice.', ['PERSON', 'Brackenridge'], ['ORGANIZATION', 'Software'])).toEqual([
      ['ORGANIZATION', 'Brackenridge Software'],
    ]);
    expect(refined('Our agent Marisa Quintero will call.', ['PERSON', 'Marisa'], ['ORGANIZATION', 'Quintero'])).toEqual([['PERSON', 'Marisa Quintero']]);
    expect(refined('Ask Marie-Claude Gagnon first.', ['ORGANIZATION', 'Marie-Claude'], ['PERSON', 'Gagnon'])).toEqual([['PERSON', 'Marie-Claude Gagnon']]);
  });

  it('leaves apart a title before a name and a single mistyped word that may be a surname', () => {
    expect(refined('said Harbor Council Chair Dana Wilkes on Monday', ['ORGANIZATION', 'Harbor Council Chair'], ['PERSON', 'Dana Wilkes'])).toEqual([
      ['ORGANIZATION', 'Harbor Council Chair'], ['PERSON', 'Dana Wilkes'],
    ]);
    expect(refined('A letter from Kwabena Mensah arrived', ['PERSON', 'Kwabena'], ['ORGANIZATION', 'Mensah'])).toEqual([
      ['PERSON', 'Kwabena'], ['ORGANIZATION', 'Mensah'],
    ]);
  });

  it('retypes a joined name that ends in an organisation word', () => {
    expect(refined('Counsel: BRANDT WEXLER LLP for the claimant', ['PERSON', 'BRANDT'], ['PERSON', 'WEXLER LLP'])).toEqual([
      ['ORGANIZATION', 'BRANDT WEXLER LLP'],
    ]);
  });

  it('keeps names apart across commas, sentence ends, words and lower-case words', () => {
    expect(refined('Present: Ana Duarte, Kwame Osei', ['PERSON', 'Ana Duarte'], ['PERSON', 'Kwame Osei'])).toEqual([
      ['PERSON', 'Ana Duarte'], ['PERSON', 'Kwame Osei'],
    ]);
    expect(refined('It was sold by Harlow Corp. Nadia Brix bought it.', ['ORGANIZATION', 'Harlow Corp.'], ['PERSON', 'Nadia Brix'])).toEqual([
      ['ORGANIZATION', 'Harlow Corp.'], ['PERSON', 'Nadia Brix'],
    ]);
    expect(refined('Lena and Oskar came', ['PERSON', 'Lena'], ['PERSON', 'Oskar'])).toEqual([['PERSON', 'Lena'], ['PERSON', 'Oskar']]);
    expect(refined('Leeds  Priya arrived', ['LOCATION', 'Leeds'], ['PERSON', 'Priya'])).toEqual([['LOCATION', 'Leeds'], ['PERSON', 'Priya']]);
  });

  it('leaves two places side by side alone', () => {
    expect(refined('Route: Lyon Grenoble via A48', ['LOCATION', 'Lyon'], ['LOCATION', 'Grenoble'])).toEqual([
      ['LOCATION', 'Lyon'], ['LOCATION', 'Grenoble'],
    ]);
  });
});
