import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types.js';
import { addCueNames, CUE_NAME_SCORE } from './cues.js';
import { refineNameFindings } from './index.js';

/** Texts of the PERSON findings the cue rule adds to a text without findings. */
const cueNames = (text: string): string[] => addCueNames(text, []).map((f) => f.text);

function finding(text: string, type: string, value: string): Finding {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`test setup: "${value}" not in text`);
  return { type, start, end: start + value.length, text: value, score: 0.9, recognizer: 'ner:test' };
}

describe('names after greetings', () => {
  it('adds a given name, a titled surname or a full name that a greeting addresses', () => {
    expect(cueNames('Hi Hope,\nThe invoice is attached.')).toEqual(['Hope']);
    expect(cueNames('Hello Marisol! Your parcel left the depot.')).toEqual(['Marisol']);
    expect(cueNames('Dear Ms. Varga:\nPlease find enclosed')).toEqual(['Varga']);
    expect(cueNames('Good morning Tobias, the room is booked.')).toEqual(['Tobias']);
    expect(cueNames('Dear Mary-Jane Okonkwo,\nthank you')).toEqual(['Mary-Jane Okonkwo']);
    expect(cueNames('Noted. Hey Idris, can you check?')).toEqual(['Idris']);
    expect(cueNames('support: Hi Anneliese Brandt, sorry for the wait')).toEqual(['Anneliese Brandt']);
  });

  it('adds nothing for groups, forms of address, everyday words or a greeting inside a sentence', () => {
    for (const text of ['Hi team,', 'Hi all,', 'Hi Team,', 'Dear Sir or Madam,', 'Dear Customer,', 'Hello World!', 'Hi HR,', 'Hi Monday,', 'Hello everyone.']) {
      expect(cueNames(text), text).toEqual([]);
    }
    expect(cueNames('She only said hi Tobias and left.')).toEqual([]);
    // Without punctuation or a line end after it, the word may start a phrase ("Hi Rosa Street Clinic staff").
    expect(cueNames('Hi Marisol Street Clinic staff, the rota changed.')).toEqual([]);
  });
});

describe('names below sign-offs', () => {
  it('adds the name on the line after a sign-off or after its comma', () => {
    expect(cueNames('See you then.\n\nBest,\nWill')).toEqual(['Will']);
    expect(cueNames('Thanks,\nTeodora Lindqvist\nAccounts Payable')).toEqual(['Teodora Lindqvist']);
    expect(cueNames('Kind regards,\n\nJ. Whitfield\nOperations')).toEqual(['J. Whitfield']);
    expect(cueNames('That works for me. Regards, Anselm')).toEqual(['Anselm']);
    expect(cueNames('Cheers!\nBram')).toEqual(['Bram']);
    expect(cueNames('Best Regards,\nBram Visser')).toEqual(['Bram Visser']);
    expect(cueNames('beSt,\nBram')).toEqual([]);
    expect(cueNames('Ship it.\n— Priya')).toEqual(['Priya']);
    expect(cueNames('Call me.\n--\nOrla Byrne | Studio Nine')).toEqual(['Orla Byrne']);
  });

  it('adds nothing for teams, everyday phrases and sign-offs that start a sentence', () => {
    for (const text of ['Thanks, everyone', 'Best,\nThe Support Team', 'Regards,\nCustomer Service', 'Thanks, Will do.', 'Best practice is to rotate keys.', 'Thanks, Monday works.', 'Thanks Will do']) {
      expect(cueNames(text), text).toEqual([]);
    }
  });
});

describe('names after introductions', () => {
  it('adds the name after "my name is", "name was", "named", "goes by", "a/k/a" and "this is" at a turn start', () => {
    expect(cueNames('Hello, my name is Tomasz and I have a question.')).toEqual(['Tomasz']);
    expect(cueNames('The driver said her name was Odalys Ferreira.')).toEqual(['Odalys Ferreira']);
    expect(cueNames('He called somebody named Declan and left.')).toEqual(['Declan']);
    expect(cueNames('My neighbour goes by "Zuzu" at the club.')).toEqual(['Zuzu']);
    expect(cueNames('PEOPLE v. IVO PETKOV, a/k/a "VASKO"')).toEqual(['VASKO']);
    expect(cueNames('AGENT: This is Anneliese from billing.')).toEqual(['Anneliese']);
    expect(cueNames('caller: Hi, this is Gustav Ekberg calling about my bill')).toEqual(['Gustav Ekberg']);
    expect(cueNames('Yesterday the manager called Mr. Oduya twice.')).toEqual(['Oduya']);
  });

  it('takes only known person names after "named" and "called", which also name groups and products', () => {
    expect(cueNames('A startup called Brightloop raised money.')).toEqual([]);
    expect(cueNames('The mission, named Kestrel-2, launched.')).toEqual([]);
    expect(cueNames('a charity named KindSprout opened')).toEqual([]);
    expect(cueNames('The flight was called Sunday night.')).toEqual([]);
    expect(cueNames('a town called Boston')).toEqual([]);
  });

  it('ignores "so-called", a capitalised "Aka" that is a name, and everyday words after the cue', () => {
    expect(cueNames('the so-called Mendel plan')).toEqual([]);
    expect(cueNames('Spokesman Aka Mensah said so.')).toEqual([]);
    expect(cueNames('Well, my name is Important to them.')).toEqual([]);
    expect(cueNames('This is Urgent, please reply.')).toEqual([]);
    expect(cueNames('I think this is Marisol in the photo.')).toEqual([]);
  });
});

describe('lower-case chat and text in capitals', () => {
  it('takes a lower-case name after a self-introduction in a lower-case line only', () => {
    expect(cueNames('hey, my name is kenji and my order is late')).toEqual(['kenji']);
    expect(cueNames('ok so his name was tomasz wrobel i think')).toEqual(['tomasz wrobel']);
    expect(cueNames('my name is on the list')).toEqual([]);
    expect(cueNames('the backup job is named nightly')).toEqual([]);
    expect(cueNames('hi rosa, thanks')).toEqual([]);
    expect(cueNames('Hello, my name is kenji.')).toEqual([]);
  });

  it('takes a known given name in lower case after a self-introduction in any line', () => {
    expect(cueNames('The mover, who said his name was eddie, broke a lamp.')).toEqual(['eddie']);
  });

  it('reads cues and names written in capitals, and still rejects everyday words there', () => {
    expect(cueNames('BEST REGARDS,\nTEODORA LINDQVIST')).toEqual(['TEODORA LINDQVIST']);
    expect(cueNames('HI MARISOL,\nYOUR BILL IS READY')).toEqual(['MARISOL']);
    expect(cueNames('DEAR CUSTOMER,\nYOUR BILL IS READY')).toEqual([]);
    expect(cueNames('HI TEAM,')).toEqual([]);
  });
});

describe('findings already there', () => {
  it('adds nothing where a finding of any type covers the name, and keeps the findings given', () => {
    const text = 'Hi Hope,\nmail hope.arden@example.org.\nBest,\nhope.arden@example.org';
    const given = [finding(text, 'PERSON', 'Hope'), { ...finding(text, 'EMAIL_ADDRESS', 'hope.arden@example.org'), start: text.lastIndexOf('hope.arden'), end: text.length, text: 'hope.arden@example.org' }];
    expect(addCueNames(text, given)).toEqual(given);
  });

  it('gives an added name the cue score and the recognizer of the findings around it', () => {
    const text = 'Hi Hope,\nthe flat on Calder Road is yours.';
    const road = finding(text, 'LOCATION', 'Calder Road');
    const added = addCueNames(text, [road]);
    expect(added.map((f) => f.text)).toEqual(['Hope', 'Calder Road']);
    expect(added[0]).toMatchObject({ type: 'PERSON', start: 3, end: 7, score: CUE_NAME_SCORE, recognizer: 'ner:test' });
    expect(added[0]!.explanation).toEqual(['refine: name after a greeting cue']);
  });

  it('runs as the last refinement step, so an everyday word the model missed is not dropped again', () => {
    const text = 'Best,\nWill';
    expect(refineNameFindings(text, []).map((f) => [f.type, f.text])).toEqual([['PERSON', 'Will']]);
    const withModel = refineNameFindings(text, [finding(text, 'PERSON', 'Will')]);
    expect(withModel.map((f) => [f.type, f.text])).toEqual([['PERSON', 'Will']]);
  });
});

describe('long and adversarial input', () => {
  it('handles a megabyte of cues and names in one pass', () => {
    const unit = 'Hi Marisol,\nsee below.\nBest,\nWill\n';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const out = addCueNames(text, []);
    expect(out).toHaveLength(2 * Math.ceil(1_000_000 / unit.length));
    expect(out.every((f) => f.text === text.slice(f.start, f.end))).toBe(true);
  });

  it('stays bounded on a megabyte of cues without names, long capitalised runs and long gaps', () => {
    expect(addCueNames('Hi '.repeat(350_000), [])).toEqual([]);
    expect(addCueNames(`Hi ${'A'.repeat(1_000_000)},`, [])).toEqual([]);
    expect(addCueNames(`Best,${' '.repeat(1_000_000)}Will`, [])).toEqual([]);
    expect(addCueNames('a/k/a "THE" '.repeat(90_000), [])).toEqual([]);
  });

  it('never adds a span outside the text, over another finding, or over another added name', () => {
    const piece = fc.constantFrom('Hi ', 'Dear ', 'Best,', 'Thanks, ', '\n', ' ', 'my name is ', 'this is ', 'a/k/a ', 'Marisol', 'Will', 'team', 'J.', ' Okafor', ',', '!', '—', 'Mr. ', 'x@y.z');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(40), fc.nat(10), (pieces, at, length) => {
        const text = pieces.join('');
        const start = Math.min(at, text.length);
        const given: Finding[] = length > 0 && start + length <= text.length ? [{ type: 'EMAIL_ADDRESS', start, end: start + length, text: text.slice(start, start + length), score: 1, recognizer: 'x' }] : [];
        const out = addCueNames(text, given);
        const added = out.filter((f) => !given.includes(f));
        for (const [i, f] of added.entries()) {
          expect(f.text).toBe(text.slice(f.start, f.end));
          expect(f.start).toBeLessThan(f.end);
          expect(given.some((g) => g.start < f.end && f.start < g.end)).toBe(false);
          if (i > 0) expect(f.start).toBeGreaterThanOrEqual(added[i - 1]!.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('who the added names come from', () => {
  it('carries the recognizer name the caller gives when the model found nothing', () => {
    const [added] = refineNameFindings('Kind regards,\nTomasz', [], 'ner:my-model');
    expect(added).toMatchObject({ type: 'PERSON', text: 'Tomasz', score: CUE_NAME_SCORE, recognizer: 'ner:my-model' });
  });
});
