// Tests of the stances stage on invented texts: cues, negation, votes, holders, quotes and conditions.
import { describe, expect, it } from 'vitest';
import { pruneProposals } from '../decide/decide.js';
import { proposals } from '../proposals/proposals.js';
import { docWith, type FixtureActor, type FixtureQuote } from './fixture.js';
import { stances } from './stances.js';

const ACTORS: FixtureActor[] = [
  { key: 'country:NOR', name: 'Norway', forms: ['Norwegian', 'Oslo'] },
  { key: 'country:AUT', name: 'Austria', forms: ['Austrian'] },
  { key: 'country:IRL', name: 'Ireland', forms: ['Irish'] },
  { key: 'country:PRT', name: 'Portugal' },
  { key: 'country:CHL', name: 'Chile' },
  { key: 'country:KEN', name: 'Kenya' },
  { key: 'country:MEX', name: 'Mexico', forms: ['Mexican'] },
  { key: 'country:IND', name: 'India' },
  { key: 'country:ZAF', name: 'South Africa' },
  { key: 'country:CHN', name: 'China' },
  { key: 'org:NATO', name: 'Nato' },
  { key: 'org:UNSC', name: 'Security Council' },
  { key: 'person:ana-soto', name: 'Ana Soto', forms: ['Soto'], represents: 'country:CHL' },
];

/** "holder proposal-key stance" lines, sorted, keyed by whom each holder represents. */
function positions(text: string, quotes: FixtureQuote[] = []): string[] {
  const doc = docWith(text, ACTORS, quotes);
  proposals.run(doc);
  stances.run(doc);
  pruneProposals(doc); // as the decide stage does after the rules
  return doc.stances.map((s) => {
    const a = doc.actors[s.holder];
    return `${a.represents ?? a.key} ${doc.proposals[s.proposal].key} ${s.stance}`;
  }).sort();
}

describe('stances stage', () => {
  it('gives the proposer its own support and reads rejection, openness and indecision', () => {
    const got = positions(
      'Norway’s proposal for a monitoring mission in the Balkans met a cool reception on Monday. '
      + 'Austria rejected the idea. Ireland said it was open to the plan. '
      + 'Portugal and Chile said the proposal would be discussed next week and did not come down on either side.',
    );
    expect(got).toEqual([
      'country:AUT mission oppose',
      'country:CHL mission undecided',
      'country:IRL mission support',
      'country:NOR mission support',
      'country:PRT mission undecided',
    ]);
  });

  it('handles negation: "did not reject" is not a rejection, "refused to back" is', () => {
    expect(positions('Norway proposed a monitoring mission. Austria did not reject the mission.')).not.toContain('country:AUT mission oppose');
    expect(positions('Norway proposed a monitoring mission. Austria refused to back the mission.')).toContain('country:AUT mission oppose');
  });

  it('reads a vote: a veto, abstentions and a list of supporters', () => {
    const got = positions(
      'China vetoed a Mexican-drafted resolution on Friday. India and South Africa abstained. '
      + 'The other members supported the resolution, namely Kenya, Norway as well as Ireland.',
    );
    expect(got).toEqual([
      'country:CHN resolution oppose',
      'country:IND resolution undecided',
      'country:IRL resolution support',
      'country:KEN resolution support',
      'country:MEX resolution support',
      'country:NOR resolution support',
      'country:ZAF resolution undecided',
    ]);
  });

  it('finds a passive agent and gives no stance to an unnamed group', () => {
    const got = positions('The Norwegian plan for a no-fly zone was dismissed by Austria. Some Nato ministers welcomed the plan.');
    expect(got).toContain('country:AUT no-fly-zone oppose');
    expect(got).not.toContain('org:NATO no-fly-zone support');
  });

  it('holds a quoted evaluation by the speaker and keeps the condition', () => {
    const text = 'Chile’s foreign minister Ana Soto spoke about Norway’s proposal for a monitoring mission. '
      + '“The mission is premature,” Soto said. Austria said it would back the mission if the Security Council approved it.';
    const doc = docWith(text, ACTORS, [{ text: 'The mission is premature,', speaker: 'person:ana-soto' }]);
    proposals.run(doc);
    stances.run(doc);
    pruneProposals(doc); // as the decide stage does after the rules
    const soto = doc.stances.find((s) => doc.actors[s.holder].key === 'person:ana-soto')!;
    expect(soto.stance).toBe('oppose');
    expect(soto.quote).toBe(0);
    const aut = doc.stances.find((s) => doc.actors[s.holder].key === 'country:AUT')!;
    expect(aut.stance).toBe('support');
    expect(aut.condition).toMatch(/Security Council/);
  });

  it('drops proposals nobody takes a position on', () => {
    const doc = docWith('A peacekeeping mission was mentioned in passing. Norway rejected the embargo.', ACTORS);
    proposals.run(doc);
    stances.run(doc);
    pruneProposals(doc); // as the decide stage does after the rules
    expect(doc.proposals.map((p) => p.key)).toEqual(['embargo']);
  });
});

describe('stances stage, further constructions', () => {
  it('turns a demand put as a clause into a proposal held by whoever demands it', () => {
    const doc = docWith('Austria demanded on Monday that Norway first withdraw its naval vessels from the strait.', ACTORS);
    proposals.run(doc);
    stances.run(doc);
    pruneProposals(doc); // as the decide stage does after the rules
    expect(doc.proposals).toHaveLength(1);
    expect(doc.proposals[0].summary).toBe('Norway first withdraw its naval vessels from the strait');
    expect(doc.actors[doc.proposals[0].proposer!].key).toBe('country:AUT');
    expect(doc.stances.map((s) => `${doc.actors[s.holder].key} ${s.stance}`)).toEqual(['country:AUT support']);
  });

  it('counts those who join another in a vote, and composes a verb with the cue in its object', () => {
    expect(positions('Mexico drafted a resolution on the crisis. Kenya and Chile joined China in voting against it.')).toEqual([
      'country:CHL resolution oppose',
      'country:CHN resolution oppose',
      'country:KEN resolution oppose',
      'country:MEX resolution support',
    ]);
    expect(positions('Austria ruled out imposing a no-fly zone.')).toEqual(['country:AUT no-fly-zone oppose']);
    expect(positions('Ireland criticised Austria’s rejection of the no-fly zone.')).toEqual(['country:IRL no-fly-zone support']);
  });

  it('takes "EU leaders" for the EU but "some Nato ministers" for nobody', () => {
    const actors: FixtureActor[] = [{ key: 'org:EU', name: 'EU' }, { key: 'org:NATO', name: 'Nato' }];
    const doc = docWith('EU leaders backed the embargo. Some Nato ministers rejected the embargo.', actors);
    proposals.run(doc);
    stances.run(doc);
    pruneProposals(doc); // as the decide stage does after the rules
    expect(doc.stances.map((s) => `${doc.actors[s.holder].key} ${s.stance}`)).toEqual(['org:EU support']);
  });
});

describe('stances stage, relative clauses and warnings', () => {
  it('reads the subject of "X was the only member that voted against it" and of "X, which continues to block"', () => {
    expect(positions('Mexico drafted a resolution. China was the only member that voted against the resolution.'))
      .toContain('country:CHN resolution oppose');
    expect(positions('Austria, which continues to block the embargo, met Norway.')).toEqual(['country:AUT embargo oppose']);
  });

  it('takes a warning about what happens if a proposal is carried out for opposition', () => {
    expect(positions('Austria warned of a wider war if peacekeepers were sent to the region.')).toEqual(['country:AUT mission oppose']);
  });
});

describe('stances stage, speakers without quotation marks', () => {
  it('gives "we" to the speaker named after the words, and reads absolute clauses', () => {
    expect(positions('Norway proposed an embargo. We will never accept this embargo, Chilean minister Ana Soto said.'))
      .toContain('country:CHL embargo oppose');
    expect(positions('Norway proposed an embargo. Europe is divided, with Ireland backing it and Austria opposing it.'))
      .toEqual(['country:AUT embargo oppose', 'country:IRL embargo support', 'country:NOR embargo support']);
  });
});

describe('stances stage, who speaks for whom', () => {
  it('lets officials from a country speak for it, and a relative clause hold its subject', () => {
    expect(positions('Norway proposed an embargo. Officials from Ireland said the country would abstain.'))
      .toContain('country:IRL embargo undecided');
    expect(positions('Austria attacked the embargo, a measure that Ireland and Portugal have championed.'))
      .toEqual(['country:AUT embargo oppose', 'country:IRL embargo support', 'country:PRT embargo support']);
  });
});

describe('stances stage, the source of a reported position', () => {
  it('holds a country’s position by its own minister who reports it', () => {
    const doc = docWith('Norway proposed an embargo. Chilean minister Ana Soto said Chile would not take part in the embargo.',
      [...ACTORS, { key: 'country:CHL', name: 'Chile', forms: ['Chilean'] }]);
    proposals.run(doc);
    stances.run(doc);
    pruneProposals(doc); // as the decide stage does after the rules
    const chl = doc.stances.filter((s) => (doc.actors[s.holder].represents ?? doc.actors[s.holder].key) === 'country:CHL');
    expect(chl.map((s) => `${doc.actors[s.holder].key} ${s.stance}`)).toEqual(['person:ana-soto oppose']);
  });
});

describe('stances stage, quotes about a proposal', () => {
  it('reads what a quote is about from its attribution, and lets unnamed officials speak for their country', () => {
    const text = 'Norway proposed an embargo. “It would be a disaster,” the Austrian foreign minister said of the embargo.';
    const doc = docWith(text, [...ACTORS, { key: 'group:austrian-foreign-minister', kind: 'group', name: 'the Austrian foreign minister', represents: null }],
      [{ text: 'It would be a disaster,', speaker: 'group:austrian-foreign-minister' }]);
    proposals.run(doc);
    stances.run(doc);
    pruneProposals(doc); // as the decide stage does after the rules
    expect(doc.stances.map((s) => `${doc.actors[s.holder].key} ${s.stance}`).sort()).toEqual(['country:AUT oppose', 'country:NOR support']);
  });
});
