import { describe, expect, it } from 'vitest';
import { refined } from './__fixtures__/refined.js';

describe('people the model typed as places or organisations', () => {
  it('retypes a given name followed by family-name words', () => {
    expect(refined('Petitioner: MARTHA BRANDVOLD, pro se', ['LOCATION', 'MARTHA BRANDVOLD'])).toEqual([['PERSON', 'MARTHA BRANDVOLD']]);
    expect(refined('Signed: Ingrid van Dalsum, counsel', ['ORGANIZATION', 'Ingrid van Dalsum'])).toEqual([['PERSON', 'Ingrid van Dalsum']]);
    expect(refined('Witness: Harold Whitlock, neighbour', ['LOCATION', 'Harold Whitlock'])).toEqual([['PERSON', 'Harold Whitlock']]);
    expect(refined('Reviewed by Nadia Okonkwo-Baptiste today', ['ORGANIZATION', 'Nadia Okonkwo-Baptiste'])).toEqual([['PERSON', 'Nadia Okonkwo-Baptiste']]);
  });

  it('keeps places and organisations', () => {
    expect(refined('Meet me at Victoria Station at noon', ['LOCATION', 'Victoria Station'])).toEqual([['LOCATION', 'Victoria Station']]);
    expect(refined('Bills from Austin Energy arrived', ['ORGANIZATION', 'Austin Energy'])).toEqual([['ORGANIZATION', 'Austin Energy']]);
    expect(refined('She moved to Santa Clara last year', ['LOCATION', 'Santa Clara'])).toEqual([['LOCATION', 'Santa Clara']]);
    expect(refined('We drove along the Jordan Valley road', ['LOCATION', 'Jordan Valley'])).toEqual([['LOCATION', 'Jordan Valley']]);
    expect(refined('A flight to Paris on Monday', ['LOCATION', 'Paris'])).toEqual([['LOCATION', 'Paris']]);
    expect(refined('Stay at the Grace Hotel tonight', ['ORGANIZATION', 'Grace Hotel'])).toEqual([['ORGANIZATION', 'Grace Hotel']]);
    expect(refined('Office in Charlotte NC since May', ['LOCATION', 'Charlotte NC'])).toEqual([['LOCATION', 'Charlotte NC']]);
    expect(refined('Prisoners were held at Abu Tarqan prison', ['LOCATION', 'Abu Tarqan'])).toEqual([['LOCATION', 'Abu Tarqan']]);
    expect(refined('Tickets for the Portland Mariners game', ['ORGANIZATION', 'Portland Mariners'])).toEqual([['ORGANIZATION', 'Portland Mariners']]);
    expect(refined('Thousands of Sri Lankans marched', ['ORGANIZATION', 'Sri Lankans'])).toEqual([['ORGANIZATION', 'Sri Lankans']]);
    expect(refined('Lutheran and Roman Catholics met', ['ORGANIZATION', 'Roman Catholics'])).toEqual([['ORGANIZATION', 'Roman Catholics']]);
  });
});
