// Tests of unnamed groups, entourages ("the X campaign") and what is not a group.
import { describe, expect, it } from 'vitest';
import { actorOf, mentionTexts, run } from './test-helpers.js';

describe('groups', () => {
  it('finds anonymous speakers with their determiners and modifiers', () => {
    const doc = run('A senior official said the draft was dead, sources said. Several analysts disagreed.');
    expect(mentionTexts(doc, 'group:senior-official')).toEqual(['A senior official']);
    expect(mentionTexts(doc, 'group:sources')).toEqual(['sources']);
    expect(mentionTexts(doc, 'group:several-analysts')).toEqual(['Several analysts']);
    expect(actorOf(doc, 'group:sources')?.kind).toBe('group');
  });

  it('needs a determiner before a singular head, and leaves named countries to stand for their officials', () => {
    const doc = run('Official figures were out. US officials said nothing.');
    expect(doc.actors.filter((a) => a.kind === 'group')).toEqual([]);
    expect(mentionTexts(doc, 'country:USA')).toEqual(['US']);
  });

  it('does not read a title before a name as a group', () => {
    const doc = run('Spokesman Oliver Grant declined to comment.');
    expect(doc.actors.filter((a) => a.kind === 'group')).toEqual([]);
  });
});

describe('groups that are not speakers', () => {
  it('leaves out those spoken to and a title in apposition', () => {
    const doc = run("He told reporters the talks failed. The bloc's top diplomat, Ilse Varga, said so.");
    expect(doc.actors.filter((a) => a.kind === 'group')).toEqual([]);
  });
});

describe('people and those around them', () => {
  it('reads "the X administration" as the government X leads and "the X campaign" as a group', () => {
    const doc = run('President Joe Biden spoke. The Biden administration said it would act. Candidate Lena Morrow lost, and the Morrow campaign said nothing.', '2022-06-01');
    expect(mentionTexts(doc, 'country:USA')).toEqual(['The Biden administration']);
    expect(mentionTexts(doc, 'group:morrow-campaign')).toEqual(['the Morrow campaign']);
  });
});
