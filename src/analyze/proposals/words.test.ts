// Tests of the word stream: hyphen joins, normalisation and possessives.
import { describe, expect, it } from 'vitest';
import { docWith } from '../stances/fixture.js';
import { wordsOf } from './words.js';

describe('wordsOf', () => {
  it('joins hyphenated pieces and normalises them', () => {
    const doc = docWith('They rejected the no-fly zone and a cease-fire.', []);
    const norms = wordsOf(doc).map((w) => w.norm);
    expect(norms).toContain('nofly');
    expect(norms).toContain('ceasefire');
  });

  it('splits a possessive that the tokenizer kept on its word', () => {
    const doc = docWith("It sank another plan of Norway's, to send jets.", []);
    const words = wordsOf(doc);
    const i = words.findIndex((w) => w.norm === 'norway');
    expect(words[i + 1].norm).toBe("'s");
    expect(words[i + 2].norm).toBe(',');
  });
});
