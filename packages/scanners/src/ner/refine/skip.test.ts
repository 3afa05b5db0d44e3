import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../errors.js';
import type { Finding } from '../../types.js';
import { REFINE_RULES, refineNameFindings } from './index.js';
import type { RefineRuleName } from './index.js';

type Hit = [type: string, value: string];

/** Findings over the first occurrence of each value, as a model would return them. */
function hits(text: string, ...values: Hit[]): Finding[] {
  return values.map(([type, value]) => {
    const start = text.indexOf(value);
    if (start < 0) throw new Error(`test setup: "${value}" not in text`);
    return { type, start, end: start + value.length, text: value, score: 0.8, recognizer: 'ner:test' };
  });
}

const show = (findings: readonly Finding[]) => findings.map((f) => `${f.type} ${f.text}`);

/** Per rule, an invented sentence and model findings on which that rule changes the outcome. */
const FIRES: Record<RefineRuleName, [text: string, ...hits: Hit[]]> = {
  edges: ['We drove to Tulsa, then home.', ['LOCATION', 'Tulsa,']],
  initials: ['Minutes taken by R. J. Okafor today', ['PERSON', 'R']],
  acronyms: ['Please confirm your SSN and the VLAN id', ['PERSON', 'SSN']],
  places: ['We moved to Tucson last year.', ['PERSON', 'Tucson']],
  organisations: ['Invoice from Okafor Logistics Ltd. for May', ['PERSON', 'Okafor Logistics Ltd.']],
  'organisation-context': ['Tickets were booked through Fernhill Travel last week.', ['PERSON', 'Fernhill']],
  adjacent: ['Yesterday Marta Lindqvist signed the lease.', ['PERSON', 'Marta'], ['PERSON', 'Lindqvist']],
  'inverted-names': ['row 7,van Dijk, Anna,1990-01-02', ['PERSON', 'van Dijk'], ['PERSON', 'Anna']],
  'short-names': ['Harbor Point paid; Harbor Point Mutual confirmed.', ['PERSON', 'Harbor Point'], ['ORGANIZATION', 'Harbor Point Mutual']],
  addresses: ['Mail: PO Box 1234, Fargo, ND 58102', ['LOCATION', '1234'], ['LOCATION', 'Fargo']],
  cues: ['Hi Hope,\nThe invoice is attached.'],
  'known-places': ['Moving to Tulsa in May, then on'],
  'repeated-mentions': ['Present: Ingrid Solberg, Tomas Berg. Solberg opened the meeting.', ['PERSON', 'Ingrid Solberg'], ['PERSON', 'Tomas Berg']],
};

describe('switching refinement rules off', () => {
  it('names every rule once', () => {
    expect(new Set(REFINE_RULES).size).toBe(REFINE_RULES.length);
    expect(Object.keys(FIRES).sort()).toEqual([...REFINE_RULES].sort());
  });

  it('refines as before when nothing is skipped', () => {
    for (const [text, ...values] of Object.values(FIRES)) {
      const findings = hits(text, ...values);
      const today = refineNameFindings(text, findings);
      expect(refineNameFindings(text, findings, undefined, {})).toEqual(today);
      expect(refineNameFindings(text, findings, undefined, { skip: new Set() })).toEqual(today);
    }
  });

  it.each(REFINE_RULES)('changes the outcome where %s fires', (rule) => {
    const [text, ...values] = FIRES[rule];
    const findings = hits(text, ...values);
    const on = show(refineNameFindings(text, findings, 'ner:test'));
    const off = show(refineNameFindings(text, findings, 'ner:test', { skip: new Set([rule]) }));
    expect(off).not.toEqual(on);
  });

  it('shows what one rule does on a small sentence', () => {
    const text = 'We moved to Tucson last year.';
    const findings = hits(text, ['PERSON', 'Tucson']);
    expect(show(refineNameFindings(text, findings))).toEqual(['LOCATION Tucson']);
    expect(show(refineNameFindings(text, findings, undefined, { skip: new Set(['places']) }))).toEqual(['PERSON Tucson']);
  });

  it('rejects unknown rule names', () => {
    const skip = new Set(['no-such-rule']) as unknown as ReadonlySet<RefineRuleName>;
    expect(() => refineNameFindings('Ask Ana', [], undefined, { skip })).toThrow(ConfigurationError);
  });
});
