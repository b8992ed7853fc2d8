import { describe, expect, it } from 'vitest';
import { tagWords } from './tokenize.js';

// Words written for this test.
describe('tagWords', () => {
  it('gives one wink-nlp tag per word given', () => {
    expect(tagWords(['Finland', 'rejected', 'the', 'plan', '.'])).toEqual(['PROPN', 'VERB', 'DET', 'NOUN', 'PUNCT']);
  });

  it('gives a word wink-nlp splits the tag of its first piece that is not punctuation', () => {
    const words = ['They', 'cannot', 'join', '(EU)', 'talks', '.'];
    const tags = tagWords(words);
    expect(tags).toHaveLength(words.length);
    expect(tags[1]).toBe('AUX'); // "can" + "not"
    expect(tags[3]).toBe('PROPN'); // "(" + "EU" + ")"
    expect(tags[5]).toBe('PUNCT');
  });

  it('keeps words that are whole wink-nlp tokens apart, however they are written', () => {
    expect(tagWords(['do', "n't", 'go'])).toEqual(['AUX', 'PART', 'VERB']);
    expect(tagWords([])).toEqual([]);
  });
});
