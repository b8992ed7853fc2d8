// Tests of the verb-phrase proposals on invented texts: each shape the proposals stage now reads as a candidate.
import { describe, expect, it } from 'vitest';
import { docWith, type FixtureActor } from '../stances/fixture.js';
import { proposals } from './proposals.js';
import { clauseOf, clauses as clauseStage } from './clauses.js';

const ACTORS: FixtureActor[] = [
  { key: 'country:CHL', name: 'Chile', forms: ['Chilean'] },
  { key: 'country:PER', name: 'Peru', forms: ['Peruvian'] },
  { key: 'country:NOR', name: 'Norway' },
  { key: 'country:ARG', name: 'Argentina' },
  { key: 'org:UN', name: 'United Nations' },
];

/** The verb-phrase proposals of a text: their words, what governs them, and who is subject and addressee. */
const clauses = (text: string) => {
  const doc = docWith(text, ACTORS);
  proposals.run(doc);
  clauseStage.run(doc);
  const key = (a: number | null) => (a === null ? null : doc.actors[a].key);
  return doc.proposals.filter((p) => clauseOf(p)).map((p) => {
    const c = clauseOf(p)!;
    return { text: text.slice(p.mentions[0].start, p.mentions[0].end), governor: c.governor, shape: c.shape, subject: key(c.subject), addressee: key(c.addressee) };
  });
};

describe('verb-phrase proposals', () => {
  it('reads the infinitive an asking verb puts to its addressee', () => {
    expect(clauses('Chile urged Peru to hold fresh elections within a month, but Lima said no.')).toEqual([
      { text: 'hold fresh elections within a month', governor: 'urge', shape: 'to', subject: 'country:CHL', addressee: 'country:PER' },
    ]);
    expect(clauses('Argentina called on the United Nations to seize the assets of the mining company.')).toEqual([
      { text: 'seize the assets of the mining company', governor: 'call on', shape: 'to', subject: 'country:ARG', addressee: 'org:UN' },
    ]);
  });

  it('reads the infinitive of a verb, noun or adjective of intent', () => {
    expect(clauses('Norway agreed to lift the blockade of the harbour.')[0]).toMatchObject({ text: 'lift the blockade of the harbour', governor: 'agree', subject: 'country:NOR' });
    expect(clauses('Peru has refused to pay its share of the clean-up costs.')[0]).toMatchObject({ text: 'pay its share of the clean-up costs', governor: 'refuse', subject: 'country:PER' });
    expect(clauses('Critics attacked the decision to close the embassy in the capital.')[0]).toMatchObject({ text: 'close the embassy in the capital', governor: 'decision' });
    expect(clauses('Chile said it was ready to reopen the border crossing.')[0]).toMatchObject({ text: 'reopen the border crossing', governor: 'ready' });
  });

  it('reads a gerund phrase after a preposition or a verb of stance', () => {
    expect(clauses('The Chilean minister warned against cutting grain exports to the region.')[0]).toMatchObject({ text: 'cutting grain exports to the region', governor: 'against', shape: 'ing' });
    expect(clauses('Peru has resisted handing the islands back to Chile.')[0]).toMatchObject({ text: 'handing the islands back to Chile', governor: 'resist', shape: 'ing', subject: 'country:PER' });
  });

  it('takes the infinitive, not the gerund that governs it, and stops at a clause end', () => {
    expect(clauses('Peru was fined for refusing to pay the toll, officials said.')).toEqual([
      { text: 'pay the toll', governor: 'refuse', shape: 'to', subject: null, addressee: null },
    ]);
  });

  it('leaves verbs that name no proposal, bare verbs and phrases already named by a trigger word', () => {
    expect(clauses('Norway declined to comment on the talks. Chile agreed to withdraw.')).toEqual([]);
    const doc = docWith('Argentina urged Chile to impose an arms embargo on the junta.', ACTORS);
    proposals.run(doc);
    clauseStage.run(doc);
    expect(doc.proposals.some((p) => clauseOf(p))).toBe(false);
    expect(doc.proposals.map((p) => p.key)).toEqual(['embargo']);
  });
});
