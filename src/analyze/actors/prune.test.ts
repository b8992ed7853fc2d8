// Tests of the stage that keeps only the people whose voice the article reports.
import { describe, expect, it } from 'vitest';
import { newDoc } from '../doc.js';
import { EMPTY_KNOWLEDGE } from '../knowledge.js';
import { tokenize } from '../tokenize/tokenize.js';
import { actors } from './actors.js';
import { pruneSilentPeople } from './prune.js';

function analysed(text: string) {
  const doc = newDoc({ id: 't', date: '2023-01-01', title: null, url: null, source: null, file: null, language: 'en', text }, text, EMPTY_KNOWLEDGE);
  tokenize.run(doc);
  actors.run(doc);
  return doc;
}

describe('pruning silent people', () => {
  it('keeps people who speak and drops those only mentioned, renumbering quotes and stances', () => {
    const doc = analysed('Finnish President Veikko Salmi met Chilean President Rosa Ibarra. Later Salmi said the deal was close.');
    const salmi = doc.actors.findIndex((a) => a.key === 'person:veikko-salmi');
    const country = doc.actors.findIndex((a) => a.key === 'country:FIN');
    doc.quotes.push({ start: 0, end: 5, kind: 'indirect', speaker: salmi, speakerSpan: null, cue: null, sentence: 1 });
    doc.stances.push({ holder: country, proposal: 0, stance: 'support', condition: null, confidence: 1, date: null, evidence: { start: 0, end: 1 }, quote: null, when: null });
    pruneSilentPeople(doc);
    expect(doc.actors.map((a) => a.key)).not.toContain('person:rosa-ibarra');
    expect(doc.actors[doc.quotes[0].speaker!].key).toBe('person:veikko-salmi');
    expect(doc.actors[doc.stances[0].holder].key).toBe('country:FIN');
    for (const [i, a] of doc.actors.entries()) for (const m of a.mentions) expect(m.actor).toBe(i);
  });

  it('keeps someone the text has say something without a quotation', () => {
    const doc = analysed('Dana Whitlock, the party chairwoman, warned that the vote would fail.');
    pruneSilentPeople(doc);
    expect(doc.actors.some((a) => a.key === 'person:dana-whitlock')).toBe(true);
  });

  it('keeps a name joined by "and" to one who speaks', () => {
    const doc = analysed('Ilse Brandt and Piet Vos, the two negotiators, also said the text was ready.');
    pruneSilentPeople(doc);
    expect(doc.actors.some((a) => a.key === 'person:ilse-brandt')).toBe(true);
  });

  it('turns a "person" named by a place word into an organisation', () => {
    const doc = analysed('The talks ended. Sahel said the force was needed.');
    doc.actors.push({ key: 'person:sahel', kind: 'person', name: 'Sahel', role: null, country: null, organization: null, represents: null, mentions: [] });
    doc.quotes.push({ start: 0, end: 5, kind: 'indirect', speaker: doc.actors.length - 1, speakerSpan: null, cue: null, sentence: 1 });
    pruneSilentPeople(doc);
    expect(doc.actors.find((a) => a.name === 'Sahel')?.kind).toBe('organization');
  });
});
