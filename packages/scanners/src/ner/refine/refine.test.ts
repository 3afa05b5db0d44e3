import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { CUE_NAME_SCORE } from './cues.js';
import { refineNameFindings } from './index.js';

/** A finding over the `nth` occurrence of `value` in `text`, as a model would return it. */
function hit(text: string, type: string, value: string, score = 0.9, nth = 0): Finding {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(value, start + 1);
  if (start < 0) throw new Error(`test setup: "${value}" not in text`);
  return { type, start, end: start + value.length, text: value, score, recognizer: 'ner:test', explanation: ['model test'] };
}

/** Refines the given hits and returns `[type, text]` pairs, in text order. */
function refined(text: string, ...hits: Array<[string, string, number?]>): Array<[string, string]> {
  const findings = hits.map(([type, value, score]) => hit(text, type, value, score));
  return refineNameFindings(text, findings).map((f) => [f.type, f.text]);
}

describe('edges', () => {
  it('trims punctuation that cannot belong to a name', () => {
    expect(refined('We drove to Tulsa, then home.', ['LOCATION', 'Tulsa,'])).toEqual([['LOCATION', 'Tulsa']]);
    expect(refined('The lender ("Brightwater Credit") agreed.', ['ORGANIZATION', '("Brightwater Credit")'])).toEqual([['ORGANIZATION', 'Brightwater Credit']]);
    expect(refined('She met Omar in Lisbon.', ['LOCATION', 'Lisbon.'])).toEqual([['LOCATION', 'Lisbon']]);
  });

  it('keeps the full stop of initials, dotted forms and company abbreviations', () => {
    expect(refined('Signed by Tamsin K. and Holloway Ltd. today', ['PERSON', 'Tamsin K.'], ['ORGANIZATION', 'Holloway Ltd.'])).toEqual([
      ['PERSON', 'Tamsin K.'], ['ORGANIZATION', 'Holloway Ltd.'],
    ]);
    expect(refined('He flew back to the U.S. yesterday', ['LOCATION', 'U.S.'])).toEqual([['LOCATION', 'U.S.']]);
  });

  it('splits a span at a sentence end and ends it before an unclosed bracket', () => {
    expect(refined('He lives in Fresno. Mara moved away.', ['LOCATION', 'Fresno. Mara'])).toEqual([['LOCATION', 'Fresno'], ['LOCATION', 'Mara']]);
    expect(refined('Contact Dr. Ingram today.', ['PERSON', 'Dr. Ingram'])).toEqual([['PERSON', 'Dr. Ingram']]);
    expect(refined('Ship to Billings, MT 59101 (rear door)', ['LOCATION', 'Billings, MT 59101 (rear'])).toEqual([['LOCATION', 'Billings, MT 59101']]);
  });
});

describe('initials', () => {
  it('completes an initial with the surname after it and drops a lone lower-case letter', () => {
    expect(refined('Reviewed by: T. Okonjo-Baines', ['PERSON', 'T'])).toEqual([['PERSON', 'T. Okonjo-Baines']]);
    expect(refined('She sleeps 6 h a night; a 40 y/o male', ['LOCATION', 'h'], ['PERSON', 'o'])).toEqual([]);
    expect(refined('Box T-62efae was scanned', ['PERSON', 'T'])).toEqual([]);
  });
});

describe('overlaps', () => {
  it('keeps the containing span when an extension swallows another finding', () => {
    const text = 'Tickets were booked through Fernhill Travel last week.';
    const out = refineNameFindings(text, [hit(text, 'PERSON', 'Fernhill', 0.6), hit(text, 'ORGANIZATION', 'Travel', 0.95)]);
    expect(out.map((f) => [f.type, f.text])).toEqual([['ORGANIZATION', 'Fernhill Travel']]);
  });
});

describe('addresses', () => {
  it('assembles street, city and state + ZIP into one LOCATION with the lowest score', () => {
    const text = 'Send it to 41 Elm Street, Springfield, IL 62704 before Friday.';
    const out = refineNameFindings(text, [hit(text, 'LOCATION', '41 Elm Street', 0.8), hit(text, 'LOCATION', 'Springfield', 0.99), hit(text, 'LOCATION', 'IL 62704', 0.7)]);
    expect(out.map((f) => [f.type, f.text, f.score])).toEqual([['LOCATION', '41 Elm Street, Springfield, IL 62704', 0.7]]);
    expect(out[0]!.explanation?.at(-1)).toBe('refine: address assembled from 3 part(s)');
  });

  it('takes in units between the parts and a ZIP code or postcode the model missed', () => {
    expect(refined('Home: 88 Orchard Way, Apt. 4B, Bend, OR 97701. Thanks', ['LOCATION', '88 Orchard Way'], ['LOCATION', 'Bend'])).toEqual([
      ['LOCATION', '88 Orchard Way, Apt. 4B, Bend, OR 97701'],
    ]);
    expect(refined('Office: 500 Pearl Street, Suite 210, Boulder,\nCO 80302\nPhone', ['LOCATION', '500 Pearl Street'], ['LOCATION', 'Boulder'])).toEqual([
      ['LOCATION', '500 Pearl Street, Suite 210, Boulder,\nCO 80302'],
    ]);
    expect(refined('Post to Flat 2, 10 Queen Street, Leeds LS1 2TW, United Kingdom.', ['LOCATION', '10 Queen Street'], ['LOCATION', 'Leeds'], ['LOCATION', 'United Kingdom'])).toEqual([
      ['LOCATION', 'Flat 2, 10 Queen Street, Leeds LS1 2TW'], ['LOCATION', 'United Kingdom'],
    ]);
    expect(refined('Deliver to 77 Harbor Road, 26th Floor, Oakland', ['LOCATION', '77 Harbor Road'], ['LOCATION', 'Oakland'])).toEqual([
      ['LOCATION', '77 Harbor Road, 26th Floor, Oakland'],
    ]);
  });

  it('assembles PO boxes and European street-number-first addresses', () => {
    expect(refined('Mail: PO Box 1234, Fargo, ND 58102', ['LOCATION', '1234'], ['LOCATION', 'Fargo'])).toEqual([['LOCATION', 'PO Box 1234, Fargo, ND 58102']]);
    expect(refined('Bor på Drottninggatan 12, 111 51 Stockholm nu', ['LOCATION', 'Drottninggatan 12'], ['LOCATION', '111 51 Stockholm'])).toEqual([
      ['LOCATION', 'Drottninggatan 12, 111 51 Stockholm'],
    ]);
  });

  it('completes a street the model cut and drops a name found inside the address', () => {
    expect(refined('They met at 455 Third Avenue, Brooklyn.', ['LOCATION', 'Avenue'], ['LOCATION', 'Brooklyn'])).toEqual([['LOCATION', '455 Third Avenue, Brooklyn']]);
    expect(refined('Drop-off: 6100 E. Mesa Verde Drive, Yuma', ['LOCATION', '6100 E'], ['LOCATION', 'Yuma'])).toEqual([['LOCATION', '6100 E. Mesa Verde Drive, Yuma']]);
    expect(refined('at 12-40 Roosevelt Avenue, Queens', ['PERSON', 'Roosevelt', 0.99], ['LOCATION', 'Avenue'], ['LOCATION', 'Queens'])).toEqual([
      ['LOCATION', '12-40 Roosevelt Avenue, Queens'],
    ]);
  });

  it('joins address lines only up to a postcode line, not a list of places', () => {
    expect(refined('Office:\n9 Kings Road\nBrighton BN1 2AA\nThanks', ['LOCATION', '9 Kings Road'], ['LOCATION', 'Brighton BN1 2AA'])).toEqual([
      ['LOCATION', '9 Kings Road\nBrighton BN1 2AA'],
    ]);
    expect(refined('Sites:\n9 Kings Road\nBrighton\nLeeds', ['LOCATION', '9 Kings Road'], ['LOCATION', 'Brighton'], ['LOCATION', 'Leeds'])).toEqual([
      ['LOCATION', '9 Kings Road'], ['LOCATION', 'Brighton'], ['LOCATION', 'Leeds'],
    ]);
  });

  it('turns a street and a town the model called persons into one LOCATION', () => {
    expect(refined('Deliver to 2210 Marlowe Court, Aurora, CO 80012 please', ['PERSON', 'Marlowe'], ['PERSON', 'Aurora'])).toEqual([
      ['LOCATION', '2210 Marlowe Court, Aurora, CO 80012'],
    ]);
    expect(refined('Deliver to 2210 Marlowe Court, Maribel and Ellis', ['PERSON', 'Marlowe'], ['PERSON', 'Maribel'])).toEqual([
      ['LOCATION', '2210 Marlowe Court'], ['PERSON', 'Maribel'],
    ]);
  });

  it('leaves places without a street part as separate findings', () => {
    expect(refined('She moved from Paris, France to Toledo, Ohio.', ['LOCATION', 'Paris'], ['LOCATION', 'France'], ['LOCATION', 'Toledo'], ['LOCATION', 'Ohio'])).toEqual([
      ['LOCATION', 'Paris'], ['LOCATION', 'France'], ['LOCATION', 'Toledo'], ['LOCATION', 'Ohio'],
    ]);
    expect(refined('The shop on Union Street, Dundee, United Kingdom', ['LOCATION', 'Union Street'], ['LOCATION', 'Dundee'])).toEqual([
      ['LOCATION', 'Union Street'], ['LOCATION', 'Dundee'], ['LOCATION', 'United Kingdom'],
    ]);
  });
});

describe('street line before an assembled address', () => {
  it('takes in the street line the model missed before a unit, town and postcode', () => {
    const text = 'Please send it to 12 Kingsley Avenue, Suite 5, Columbus, OH 43215. Thanks';
    expect(refined(text, ['LOCATION', 'Suite 5, Columbus'], ['LOCATION', 'OH 43215'])).toEqual([['LOCATION', '12 Kingsley Avenue, Suite 5, Columbus, OH 43215']]);
  });

  it('leaves the text before alone when it is no street or the chain has its own', () => {
    const noStreet = 'Call 12 Kingsley friends, Columbus, OH 43215 today';
    expect(refined(noStreet, ['LOCATION', 'Columbus'], ['LOCATION', 'OH 43215'])).toEqual([['LOCATION', 'Columbus, OH 43215']]);
    const own = 'From 9 Elm Road, 12 Oak Avenue, Boston, MA 02116 on';
    expect(refined(own, ['LOCATION', '12 Oak Avenue'], ['LOCATION', 'Boston'], ['LOCATION', 'MA 02116'])).toEqual([['LOCATION', '12 Oak Avenue, Boston, MA 02116']]);
  });
});

describe('organisation words', () => {
  it('retypes a person that ends in a legal form or an organisation word, keeping its span', () => {
    expect(refined('Invoice from Okafor Logistics Ltd. for May', ['PERSON', 'Okafor Logistics Ltd.'])).toEqual([['ORGANIZATION', 'Okafor Logistics Ltd.']]);
    expect(refined('We bank with Brannigan Credit Union now', ['PERSON', 'Brannigan Credit Union'])).toEqual([['ORGANIZATION', 'Brannigan Credit Union']]);
    expect(refined('Signed by Henrike de Groot B.V. today', ['PERSON', 'Henrike de Groot B.V.'])).toEqual([['ORGANIZATION', 'Henrike de Groot B.V.']]);
  });

  it('leaves names alone, including one-word names that are also such words', () => {
    expect(refined('Ask Dana Whitfield about it', ['PERSON', 'Dana Whitfield'])).toEqual([['PERSON', 'Dana Whitfield']]);
    expect(refined('Ask Press about it', ['PERSON', 'Press'])).toEqual([['PERSON', 'Press']]);
    expect(refined('Visit Okafor Logistics Ltd in Leeds', ['ORGANIZATION', 'Okafor Logistics Ltd'], ['LOCATION', 'Leeds']))
      .toEqual([['ORGANIZATION', 'Okafor Logistics Ltd'], ['LOCATION', 'Leeds']]);
  });
});

describe('other findings', () => {
  it('passes findings of other types through untouched', () => {
    const text = 'Mail sorry@example.com, Dana said';
    const email: Finding = { type: 'EMAIL_ADDRESS', start: 5, end: 22, text: 'sorry@example.com', score: 1, recognizer: 'x' };
    const dana = hit(text, 'PERSON', 'Dana');
    expect(refineNameFindings(text, [email, dana])).toEqual([email, dana]);
  });
});

describe('long input', () => {
  it('handles a megabyte-long line and token with thousands of findings', () => {
    // One line, no delimiters inside the filler: every look-around must stay bounded.
    const unit = 'x'.repeat(180) + ' at 12 Elm Street, Troy and he Talia ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const findings: Finding[] = [];
    for (let at = 0; at + unit.length <= text.length; at += unit.length) {
      findings.push(hit(unit, 'LOCATION', '12 Elm Street', 0.9), hit(unit, 'LOCATION', 'Troy', 0.8), hit(unit, 'PERSON', 'he', 0.9), hit(unit, 'PERSON', 'x'.repeat(5), 0.9));
      for (const f of findings.slice(-4)) Object.assign(f, { start: f.start + at, end: f.end + at });
    }
    const out = refineNameFindings(text, findings);
    const copies = Math.floor(text.length / unit.length);
    expect(out.filter((f) => f.text === '12 Elm Street, Troy')).toHaveLength(copies);
    // "he" and "xxxxx", a lower-case piece of a long word, are kept as the model said.
    expect(out).toHaveLength(3 * copies);
  });
});

describe('refineNameFindings properties', () => {
  const chars = [...'Ab Cd ef, 12.34-\'/\nApt Street MA 02138 ()I’m@=:"Q.', '😀', 'É'];
  const textArb = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 120 }).map((a) => a.join(''));
  const caseArb = textArb.chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { minLength: 0, maxLength: 12 }),
      fc.array(fc.constantFrom('PERSON', 'LOCATION', 'ORGANIZATION', 'URL'), { minLength: 6, maxLength: 6 }),
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
    ),
  );

  it('never returns overlapping findings, spans outside the text, or text that is not the slice', () => {
    fc.assert(
      fc.property(caseArb, ([text, cuts, types, scores]) => {
        // Model-like input: sorted, non-overlapping spans.
        const points = [...cuts].sort((a, b) => a - b);
        const input: Finding[] = [];
        for (let i = 0; i + 1 < points.length; i += 2) {
          const start = points[i]!;
          const end = points[i + 1]!;
          if (end > start) input.push({ type: types[(i / 2) % 6]!, start, end, text: text.slice(start, end), score: scores[(i / 2) % 6]!, recognizer: 'p' });
        }
        const out = refineNameFindings(text, input);
        const minScore = Math.min(CUE_NAME_SCORE, ...input.map((f) => f.score));
        for (const [i, f] of out.entries()) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThan(f.end);
          expect(f.text).toBe(text.slice(f.start, f.end));
          expect(f.score).toBeGreaterThanOrEqual(minScore);
          if (i > 0) expect(f.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
        }
      }),
      { numRuns: 400 },
    );
  });
});
