import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('organisation names told by the words around them', () => {
  it('takes capitalised words that end in an organisation word into the name', () => {
    expect(refined('Tickets were booked through Fernhill Travel last week.', ['PERSON', 'Fernhill'])).toEqual([['ORGANIZATION', 'Fernhill Travel']]);
    expect(refined('Invoices go to Osterby Print Studio on Monday.', ['PERSON', 'Osterby Print'])).toEqual([['ORGANIZATION', 'Osterby Print Studio']]);
    expect(refined('We bought it from Lakeside Camping Outlet. It broke.', ['PERSON', 'Lakeside'])).toEqual([['ORGANIZATION', 'Lakeside Camping Outlet']]);
    expect(refined('Contract with Quillon Holdings Ltd. was signed', ['PERSON', 'Quillon'])).toEqual([['ORGANIZATION', 'Quillon Holdings Ltd']]);
  });

  it('takes a word that opens organisation names into the name', () => {
    expect(refined('A call from Grupo Serrano about the order', ['PERSON', 'Serrano'])).toEqual([['ORGANIZATION', 'Grupo Serrano']]);
    expect(refined('Coverage through Seguros Paloma ends soon', ['PERSON', 'Seguros Paloma'])).toEqual([['ORGANIZATION', 'Seguros Paloma']]);
  });

  it('reads a service or an employer as an organisation', () => {
    expect(refined('I chatted with Brimble support twice.', ['PERSON', 'Brimble'])).toEqual([['ORGANIZATION', 'Brimble']]);
    expect(refined('He took a job at Quentara in May.', ['PERSON', 'Quentara'])).toEqual([['ORGANIZATION', 'Quentara']]);
    expect(refined('He works at Vossberg now.', ['PERSON', 'Vossberg'])).toEqual([['ORGANIZATION', 'Vossberg']]);
  });

  it('leaves people alone', () => {
    expect(refined('We watched Jude Law on Sunday.', ['PERSON', 'Jude'])).toEqual([['PERSON', 'Jude']]);
    expect(refined('We watched Jude Law on Sunday.', ['PERSON', 'Jude Law'])).toEqual([['PERSON', 'Jude Law']]);
    expect(refined('Ask Maria Lopez about The Store.', ['PERSON', 'Maria Lopez'])).toEqual([['PERSON', 'Maria Lopez']]);
    expect(refined('I spoke to Maria, support was useless.', ['PERSON', 'Maria'])).toEqual([['PERSON', 'Maria']]);
    expect(refined('Maria support', ['LOCATION', 'Maria'])).toEqual([['LOCATION', 'Maria']]);
    expect(refined('Call Dana Whitfield Monday.', ['PERSON', 'Dana Whitfield'])).toEqual([['PERSON', 'Dana Whitfield']]);
  });
});
