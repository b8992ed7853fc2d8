// Tests of vote lists, undoing objects, asked-for clauses and gapped cues on invented texts.
import { describe, expect, it } from 'vitest';
import { proposals } from '../proposals/proposals.js';
import { docWith, type FixtureActor } from './fixture.js';
import { stances } from './stances.js';

const ACTORS: FixtureActor[] = [
  { key: 'country:NOR', name: 'Norway', forms: ['Norwegian'] },
  { key: 'country:AUT', name: 'Austria' },
  { key: 'country:CHL', name: 'Chile' },
  { key: 'country:KEN', name: 'Kenya' },
  { key: 'country:PRT', name: 'Portugal' },
  { key: 'country:FIN', name: 'Finland' },
  { key: 'country:EST', name: 'Estonia' },
  { key: 'org:NATO', name: 'NATO' },
  { key: 'org:AU', name: 'African Union' },
];

function positions(text: string): string[] {
  const doc = docWith(text, ACTORS);
  proposals.run(doc);
  stances.run(doc);
  return doc.stances.map((s) => `${doc.actors[s.holder].key} ${doc.proposals[s.proposal].key.split('-')[0]} ${s.stance}`).sort();
}

describe('vote tallies and clause proposals', () => {
  it('reads the voters listed after "Voting in favour were" and "Abstaining were"', () => {
    const got = positions(
      'The council adopted a Norwegian draft resolution on fishing quotas on Tuesday. '
      + 'Voting in favour were, among others, Chile, Kenya and Portugal. Abstaining were Austria and Finland.',
    );
    expect(got).toEqual(expect.arrayContaining([
      'country:CHL resolution support', 'country:KEN resolution support', 'country:PRT resolution support',
      'country:AUT resolution undecided', 'country:FIN resolution undecided',
    ]));
  });

  it('reads a call for a measure to be lifted as opposition to it', () => {
    const got = positions('Norway proposed an arms embargo on the region. The African Union has called for the embargo to be lifted.');
    expect(got).toContain('org:AU embargo oppose');
    expect(got).not.toContain('org:AU embargo support');
  });

  it('makes what one asks others to do a proposal of its own', () => {
    const got = positions('Estonia asked NATO allies to fund a new radar chain along the coast.');
    expect(got).toEqual(['country:EST plan support']);
  });

  it('finds the object inside a gapped cue: "did not rule the plan out"', () => {
    const got = positions('Norway unveiled a plan for a joint coast guard in the Arctic. Austria did not rule the plan out.');
    expect(got).toContain('country:AUT plan undecided');
  });
});

describe('abstentions', () => {
  it('leaves one who abstains undecided, not also for or against, in that sentence', () => {
    const got = positions('Norway tabled a draft resolution on whaling. Chile, which voted yes last year, abstained this time and said it cannot endorse the resolution.');
    expect(got.filter((s) => s.startsWith('country:CHL'))).toEqual(['country:CHL resolution undecided']);
  });
});

describe('positions without an object', () => {
  it('reads "remain firmly opposed" as opposition and "declined to take sides" as indecision', () => {
    const got = positions('Norway is pressing for an arms embargo on the junta, but Austria and Chile remain firmly opposed. Kenya declined to take sides.');
    expect(got).toEqual(expect.arrayContaining(['country:AUT embargo oppose', 'country:CHL embargo oppose', 'country:KEN embargo undecided']));
  });
});

describe('undoing a pending proposal', () => {
  it('reads "demanded the withdrawal of the draft" as opposition to the draft', () => {
    const got = positions('Norway tabled a draft resolution on whaling. Chile demanded the withdrawal of the draft.');
    expect(got).toEqual(['country:CHL resolution oppose', 'country:NOR resolution support']);
  });
});

describe('changed positions', () => {
  it('lets a position that "had" been held give way to the one held now, and keeps it when nothing replaced it', () => {
    const got = positions('Norway proposed an arms embargo on the junta. Austria had blocked the embargo for weeks. On Friday Austria approved the embargo.');
    expect(got.filter((s) => s.startsWith('country:AUT'))).toEqual(['country:AUT embargo support']);
    const kept = positions('Norway proposed an arms embargo on the junta. Austria had blocked the embargo for weeks.');
    expect(kept).toContain('country:AUT embargo oppose');
  });
});

describe('more cue words', () => {
  it('reads "decried", "rallied behind", "cautioned against" and "is reviewing"', () => {
    const got = positions(
      'Norway proposed an arms embargo on the junta. Austria decried the embargo. Chile rallied behind the embargo. '
      + 'Kenya cautioned against the embargo. Portugal is reviewing the embargo.',
    );
    expect(got).toEqual(expect.arrayContaining([
      'country:AUT embargo oppose', 'country:CHL embargo support', 'country:KEN embargo oppose', 'country:PRT embargo undecided',
    ]));
  });
});

describe('phrasal cue words', () => {
  it('reads "turned down", "signed up to" and "held off on"', () => {
    const got = positions('Norway proposed an arms embargo on the junta. Austria turned down the embargo. Chile signed up to the embargo. Kenya held off on the embargo.');
    expect(got).toEqual(expect.arrayContaining(['country:AUT embargo oppose', 'country:CHL embargo support', 'country:KEN embargo undecided']));
  });
});

describe('evaluations', () => {
  it('reads "called the embargo a non-starter" and "described it as unacceptable" as opposition', () => {
    expect(positions('Norway proposed an arms embargo on the junta. Austria called the embargo a non-starter.')).toContain('country:AUT embargo oppose');
    expect(positions('Norway proposed an arms embargo on the junta. Chile described the embargo as unacceptable.')).toContain('country:CHL embargo oppose');
  });
});
