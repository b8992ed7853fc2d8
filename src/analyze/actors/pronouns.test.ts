// Tests of pronoun, relative-pronoun and role-phrase mentions.
import { describe, expect, it } from 'vitest';
import { actorOf, mentionTexts, run } from './test-helpers.js';

describe('pronouns and role phrases', () => {
  it('gives "he" and "his" to the person named as subject before', () => {
    const doc = run('Irish Foreign Minister Ciaran Dolan met reporters. He said his government would wait.');
    expect(mentionTexts(doc, 'person:ciaran-dolan')).toEqual(['Ciaran Dolan', 'He', 'his']);
  });

  it('keeps "she" apart from a man named in between', () => {
    const doc = run('Mrs. Anneke Visser spoke to Mr. Paul Renard. She said the vote would be close.');
    expect(mentionTexts(doc, 'person:anneke-visser')).toContain('She');
    expect(mentionTexts(doc, 'person:paul-renard')).not.toContain('She');
  });

  it('gives "it said" to a country or organisation', () => {
    const doc = run('The Kremlin rejected the offer. It said the plan was a provocation.');
    expect(mentionTexts(doc, 'country:RUS')).toEqual(['Kremlin', 'It']);
  });

  it('gives "who" to the person the clause hangs on, and "the minister" to the person with that role', () => {
    const doc = run('Lena Kraus, Austria’s foreign minister, who chaired the talks, spoke first. Later the minister said more.');
    expect(mentionTexts(doc, 'person:lena-kraus')).toEqual(['Lena Kraus', 'who', 'the minister']);
  });

  it('gives "they" to the group just named', () => {
    const doc = run('Some European diplomats were sceptical. They said the timing was wrong.');
    expect(mentionTexts(doc, 'group:some-european-diplomats')).toEqual(['Some European diplomats', 'They']);
    expect(actorOf(doc, 'group:some-european-diplomats')?.represents).toBeNull();
  });
});

describe('relative pronouns', () => {
  it('gives "who" and "which" to the actor named just before them', () => {
    const doc = run('The offer came from Tom Ridley who said it was final. Reuters, which saw the letter, reported it. The Port Authority which runs the docks said nothing.');
    expect(mentionTexts(doc, 'person:tom-ridley')).toContain('who');
    expect(mentionTexts(doc, 'org:REUTERS')).toEqual(['Reuters', 'which']);
  });

  it('gives "it" with a verb of action to the organisation that was the subject', () => {
    const doc = run('The IMF had warned of a slowdown. On Tuesday, it raised its forecast.');
    expect(mentionTexts(doc, 'org:IMF')).toEqual(['IMF', 'it']);
  });
});

describe('role phrases in apposition and possessed ministries', () => {
  it('gives "the Panamanian ambassador, X" to X and "its foreign ministry" to the country just named', () => {
    const doc = run('"We cannot wait," said the Chilean ambassador, Rosa Ibarra. Israel rejected the vote, and its foreign ministry called it a failure.');
    expect(mentionTexts(doc, 'person:rosa-ibarra')).toEqual(['the Chilean ambassador', 'Rosa Ibarra']);
    expect(mentionTexts(doc, 'country:ISR')).toEqual(['Israel', 'its foreign ministry']);
  });
});

describe('the writer', () => {
  it('gives "I" and "we" outside quotation marks to the author, and leaves them alone inside', () => {
    const doc = run('I asked the minister twice. "We will decide," she said. My view is that we should wait.');
    expect(mentionTexts(doc, 'group:author')).toEqual(['I', 'My', 'we']);
  });
});
