import { describe, expect, it } from 'vitest';
import { parseLabel, readId2Label } from './labels.js';

describe('labels', () => {
  it('reads BIO labels with short or long entity names', () => {
    expect(parseLabel('B-PER', {})).toEqual({ tag: 'begin', entity: 'PER', type: 'PERSON' });
    expect(parseLabel('I-PERSON', {})).toEqual({ tag: 'inside', entity: 'PERSON', type: 'PERSON' });
    expect(parseLabel('B-ORGANIZATION', {})).toMatchObject({ tag: 'begin', type: 'ORGANIZATION' });
    expect(parseLabel('I-LOC', {})).toMatchObject({ tag: 'inside', type: 'LOCATION' });
  });

  it('reads BILOU prefixes and bare labels', () => {
    expect(parseLabel('U-LOC', {}).tag).toBe('begin');
    expect(parseLabel('L-LOC', {}).tag).toBe('inside');
    expect(parseLabel('PER', {})).toEqual({ tag: 'inside', entity: 'PER', type: 'PERSON' });
  });

  it('ignores O, MISC and labels nobody mapped', () => {
    expect(parseLabel('O', {}).type).toBeNull();
    expect(parseLabel('B-MISC', {})).toMatchObject({ tag: 'outside', type: null });
    expect(parseLabel('B-PRODUCT', {}).type).toBeNull();
  });

  it('lets the config map and unmap labels', () => {
    const map = { FIRSTNAME: 'PERSON', LOC: null, name: 'PERSON' };
    expect(parseLabel('B-FIRSTNAME', map)).toMatchObject({ tag: 'begin', entity: 'FIRSTNAME', type: 'PERSON' });
    expect(parseLabel('B-LOC', map).type).toBeNull();
    expect(parseLabel('I-name', map).type).toBe('PERSON');
  });

  it('turns id2label into a dense array and rejects gaps', () => {
    expect(readId2Label({ 0: 'O', 1: 'B-PER', 2: 'I-PER' }, {}).map((l) => l.tag)).toEqual(['outside', 'begin', 'inside']);
    expect(() => readId2Label({ 0: 'O', 2: 'B-PER' }, {})).toThrow(TypeError);
    expect(() => readId2Label(undefined, {})).toThrow(TypeError);
  });
});
