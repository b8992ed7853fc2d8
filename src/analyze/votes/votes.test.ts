// The votes stage on invented articles, through the whole analyser: named voters, the outcome, the roster's unnamed.
import { describe, expect, it } from 'vitest';
import { analyze } from '../index.js';
import type { AnalysisRecord } from '../record.js';
import { unnamedVotes } from './votes.js';

function run(body: string, date = '2024-03-22'): AnalysisRecord {
  const text = `Security Council votes on Gaza text\n\n${body}`;
  return analyze({ id: 'v', date, title: null, url: null, source: null, file: null, language: 'en', text }).record;
}
const stancesOf = (r: AnalysisRecord) => {
  const keys = new Map(r.actors.map((a) => [a.id, a.represents ?? a.key]));
  return r.stances.map((s) => `${keys.get(s.holder)} ${s.stance}`).sort();
};

describe('votes stage', () => {
  it('gives every member of a list its vote, and the outcome with the roster’s unnamed members beside it', () => {
    const r = run('The UN Security Council on Friday adopted a resolution drafted by Algeria demanding a ceasefire in Gaza, by 13 votes to 0, with the United Kingdom and Russia abstaining.');
    expect(stancesOf(r)).toEqual(expect.arrayContaining(['country:GBR undecided', 'country:RUS undecided']));
    const decided = r.proposals.find((p) => p.decision);
    expect(decided?.decision).toMatchObject({ outcome: 'adopted', for: 13, against: 0, date: '2024-03-22' });
    // 2024: five permanent members and ten elected; Algeria proposed it and has its own stance, so 12 are inferred.
    const inferred = decided!.decision!.inferred.map((x) => `${x.holder} ${x.stance}`);
    expect(inferred).toHaveLength(12);
    expect(inferred).toEqual(expect.arrayContaining(['country:CHN support', 'country:USA support', 'country:JPN support']));
    expect(inferred.some((x) => x.startsWith('country:GBR') || x.startsWith('country:RUS') || x.startsWith('country:DZA'))).toBe(false);
  });
  it('infers nothing when the roster of that date is not encoded or the count does not settle it', () => {
    const old = run('The UN Security Council on Thursday adopted a resolution on Libya by 10 votes to 0, with Germany, China, Russia, India and Brazil abstaining.', '2011-03-17');
    expect(stancesOf(old)).toEqual(expect.arrayContaining(['country:DEU undecided', 'country:BRA undecided']));
    expect(old.proposals.find((p) => p.decision)?.decision?.inferred).toEqual([]);
    const loose = run('The UN Security Council adopted a resolution drafted by Algeria by 11 votes to 0, with Russia abstaining.');
    expect(loose.proposals.find((p) => p.decision)?.decision?.inferred).toEqual([]);
  });
  it('reads a veto as a failed vote', () => {
    const r = run('The United States on Tuesday vetoed a draft resolution drafted by Algeria demanding a ceasefire in Gaza.');
    expect(stancesOf(r)).toContain('country:USA oppose');
    expect(r.proposals.find((p) => p.decision)?.decision).toMatchObject({ outcome: 'rejected' });
  });
  it('counts the unnamed only when the counts agree', () => {
    const roster = ['A', 'B', 'C', 'D', 'E'];
    const named = new Map([['A', 'undecided' as const]]);
    expect([...unnamedVotes({ for: 4, against: 0, abstain: null, unanimous: false, outcome: 'adopted' }, roster, named).entries()])
      .toEqual([['B', 'support'], ['C', 'support'], ['D', 'support'], ['E', 'support']]);
    expect(unnamedVotes({ for: 4, against: 0, abstain: 2, unanimous: false, outcome: 'adopted' }, roster, named).size).toBe(0);
    expect(unnamedVotes({ for: 3, against: null, abstain: null, unanimous: false, outcome: 'adopted' }, roster, named).size).toBe(0);
    expect(unnamedVotes({ for: null, against: null, abstain: null, unanimous: true, outcome: 'adopted' }, roster, new Map()).size).toBe(5);
  });
});
