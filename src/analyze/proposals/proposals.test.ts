// Tests of the proposals stage on invented texts: triggers, proposers, bodies, merging and anaphora.
import { describe, expect, it } from 'vitest';
import { docWith, type FixtureActor } from '../stances/fixture.js';
import { proposals } from './proposals.js';

const ACTORS: FixtureActor[] = [
  { key: 'country:NOR', name: 'Norway', forms: ['Norwegian', 'Oslo'] },
  { key: 'country:MDA', name: 'Moldova' },
  { key: 'country:AUT', name: 'Austria', forms: ['Austrian'] },
  { key: 'org:NATO', name: 'Nato', forms: ['NATO'] },
  { key: 'org:UNSC', name: 'Security Council' },
  { key: 'country:MEX', name: 'Mexico', forms: ['Mexican'] },
  { key: 'country:ITA', name: 'Italy' },
  { key: 'country:GEO', name: 'Georgia' },
];

const run = (text: string) => {
  const doc = docWith(text, ACTORS);
  proposals.run(doc);
  const mentions = (i: number) => doc.proposals[i].mentions.map((m) => text.slice(m.start, m.end));
  return { doc, mentions };
};

describe('proposals stage', () => {
  it('finds a mission, its proposer and body, and merges the anaphors that refer back to it', () => {
    const { doc, mentions } = run(
      'Austria reacted coolly on Monday to Norway’s proposal for an unarmed monitoring mission in Moldova. '
      + 'Austrian officials said the idea was premature. Oslo’s suggestion will be discussed at Nato next week.',
    );
    expect(doc.proposals).toHaveLength(1);
    const p = doc.proposals[0];
    expect(doc.actors[p.proposer!].key).toBe('country:NOR');
    expect(p.body).toBe('org:NATO');
    expect(mentions(0)).toEqual(expect.arrayContaining(['Norway’s proposal', 'unarmed monitoring mission', 'idea', 'Oslo’s suggestion']));
  });

  it('keeps two weapon models apart and joins "the tanks" to the latest', () => {
    const { doc } = run('Italy said it would send Leopard 2 tanks. Later the US offered M1 Abrams tanks, and Italy welcomed the tanks.');
    expect(doc.proposals.map((p) => p.key).sort()).toEqual(['weapons-abrams', 'weapons-leopard-2']);
    const abrams = doc.proposals.find((p) => p.key === 'weapons-abrams')!;
    expect(abrams.mentions).toHaveLength(2);
  });

  it('reads a drafted resolution with its proposer and the Security Council as its body', () => {
    const { doc, mentions } = run('The Security Council voted on a Mexican-drafted resolution on Tuesday. The draft was vetoed.');
    expect(doc.proposals).toHaveLength(1);
    expect(doc.actors[doc.proposals[0].proposer!].key).toBe('country:MEX');
    expect(doc.proposals[0].body).toBe('org:UNSC');
    expect(mentions(0)).toContain('draft');
  });

  it('tells one candidate’s accession from another’s', () => {
    const { doc } = run('Norway backed Georgia’s bid to join Nato. It also welcomed Moldova’s Nato membership, but not Georgia’s accession yet.');
    expect(doc.proposals.map((p) => p.key).sort()).toEqual(['accession-country-geo', 'accession-country-mda']);
  });

  it('does not take a verb for a proposal', () => {
    const { doc } = run('Norway wants to ban imports of gas from the region.');
    expect(doc.proposals).toHaveLength(0);
  });
});

describe('proposal triggers in context', () => {
  it('reads a weapon model only where it names a weapon', () => {
    expect(run('Italy will send Patriot missiles to the region.').doc.proposals.map((p) => p.key)).toEqual(['weapons-patriot']);
    expect(run('Italy bought the Patriot coal company.').doc.proposals).toHaveLength(0);
    expect(run('A think tank in Oslo published a paper.').doc.proposals).toHaveLength(0);
  });
});

describe('proposals named by what is asked for', () => {
  it('takes "a proposal for <something>" as a plan and a named mission as a mission', () => {
    const plan = run('Norway’s proposal for a regional fishing quota met resistance. Austria rejected the idea.').doc;
    expect(plan.proposals).toHaveLength(1);
    expect(plan.proposals[0].summary).toBe('regional fishing quota');
    const mission = run('Italy offered to lead a multinational naval mission in the strait. The deployment needs approval.').doc;
    expect(mission.proposals.map((p) => p.key)).toEqual(['mission']);
    expect(mission.proposals[0].mentions).toHaveLength(2);
  });
});

describe('proposals named only as what was proposed', () => {
  it('takes the object of "proposed" as a proposal and finds it again with "the"', () => {
    const { doc, mentions } = run('Norway proposed a joint fisheries inspection on Monday. Austria said the fisheries inspection was premature.');
    expect(doc.proposals).toHaveLength(1);
    expect(doc.actors[doc.proposals[0].proposer!].key).toBe('country:NOR');
    expect(mentions(0)).toEqual(['joint fisheries inspection', 'fisheries inspection']);
  });

  it('does not take a person or a report for a proposal', () => {
    expect(run('Norway unveiled a list of new ministers.').doc.proposals).toHaveLength(0);
  });
});

describe('proposals named again by their head noun', () => {
  it('joins "the code" to a code of conduct and "the brigade" to a push for one', () => {
    const a = run('Norway pushed for a legally binding code of conduct for Arctic shipping. Austria said the code came too late.');
    expect(a.doc.proposals).toHaveLength(1);
    expect(a.mentions(0)).toContain('code');
    const b = run('Italy’s push for a permanent brigade on its soil dominated the morning. Austria will contribute to the brigade.');
    expect(b.doc.proposals).toHaveLength(1);
    expect(b.mentions(0)).toContain('brigade');
  });

  it('reads a commodity before "ban" as an embargo', () => {
    const { doc } = run('Austria opposed the Russian LNG ban proposed by Norway.');
    expect(doc.proposals.map((p) => p.key)).toContain('embargo');
  });
});

describe('proposals to undo something', () => {
  it('keeps the undoing in the summary and does not make the possessor its proposer', () => {
    const { doc } = run('Italy called for freezing Georgia’s EU candidate status on Monday.');
    expect(doc.proposals).toHaveLength(1);
    expect(doc.proposals[0].summary).toMatch(/^freezing Georgia’s EU candidate status/);
    expect(doc.proposals[0].proposer === null || doc.actors[doc.proposals[0].proposer].key !== 'country:GEO').toBe(true);
  });
});

describe('proposals asked for', () => {
  it('makes the object of "called for" a proposal with its proposer, named again by its head', () => {
    const { doc, mentions } = run('Norway called for a joint maritime investigation on Monday. Austria backed the investigation.');
    expect(doc.proposals).toHaveLength(1);
    expect(doc.actors[doc.proposals[0].proposer!].key).toBe('country:NOR');
    expect(mentions(0)).toContain('investigation');
  });
});

describe('proposals named by what they act on', () => {
  it('reads "the withdrawal of … troops" and "recognition of" a country as proposals, not "the withdrawal of the ambassador"', () => {
    expect(run('Austria demanded the withdrawal of all foreign troops from the island.').doc.proposals.map((p) => p.summary)).toEqual(['withdrawal of all foreign troops from the island']);
    expect(run('Italy backed recognition of Georgia at the summit.').doc.proposals).toHaveLength(1);
    expect(run('Austria demanded the withdrawal of the ambassador.').doc.proposals).toHaveLength(0);
  });
});

describe('counter-measures', () => {
  it('keeps counter-tariffs apart from the tariffs they answer', () => {
    const { doc } = run('Italy proposed counter-tariffs on Mexican goods in retaliation for Mexican tariffs on Italian steel. Austria backed the counter-tariffs.');
    expect(doc.proposals.map((p) => p.key).sort()).toEqual(['tariffs', 'tariffs-counter']);
  });
});

describe('forces named for an actor', () => {
  it('reads "a Nato rapid-response force" and "an Austrian reassurance force" as missions, "Austrian forces" not', () => {
    expect(run('Italy would join an Austrian reassurance force for Moldova.').doc.proposals.map((p) => p.key)).toEqual(['mission']);
    expect(run('Austrian forces left Moldova.').doc.proposals).toHaveLength(0);
  });
});

describe('accession talks', () => {
  it('reads "accession negotiations with Moldova" as the accession, not a modifier of another noun', () => {
    const { doc } = run('Austria called on the Council to open accession negotiations with Moldova in June.');
    expect(doc.proposals.map((p) => p.key)).toEqual([expect.stringMatching(/^accession/)]);
  });
});

describe('sanctions coming back', () => {
  it('reads a snapback and "the reimposition of sanctions" as proposals', () => {
    expect(run('Italy triggered the snapback on Thursday.').doc.proposals.map((p) => p.key)).toEqual(['plan-snapback']);
    expect(run('Austria opposed the reimposition of UN sanctions on Georgia.').doc.proposals).toHaveLength(1);
  });
});
