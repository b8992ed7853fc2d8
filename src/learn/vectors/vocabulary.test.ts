// The vocabulary's sources: the words of the analyser's lexicons, and the choice among the package's words.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonWords, lexiconWords, phraseWords, selectVocabulary } from './vocabulary.js';

describe('lexicon words', () => {
  it('splits phrases into lower-case words, adding unaccented forms', () => {
    expect(phraseWords('Orbán’s * plan')).toEqual(["orbán's", "orban's", 'plan']);
    expect(phraseWords('a no-fly zone, G7-led')).toEqual(['a', 'no-fly', 'zone', 'g7-led']);
    expect(phraseWords("'quoted' -dash-")).toEqual(['quoted', 'dash']);
  });

  it('reads strings and keys of a JSON lexicon, not its prose', () => {
    const words = jsonWords({ $comment: 'prose here', about: 'more prose', verbs: [{ phrase: 'back away', label: 'oppose' }], nouns: { veto: ['of'] } });
    expect([...words].sort()).toEqual(['away', 'back', 'label', 'nouns', 'of', 'oppose', 'phrase', 'verbs', 'veto']);
  });

  it('reads every lexicon of the analyser but the vectors\' own files', () => {
    const analyze = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../analyze');
    const { words, files } = lexiconWords(analyze);
    expect(files.some((f) => f.endsWith(path.join('stances', 'cues.json')))).toBe(true);
    expect(files.some((f) => f.endsWith(path.join('proposals', 'triggers.json')))).toBe(true);
    expect(files.some((f) => path.relative(analyze, f).startsWith(`vectors${path.sep}`))).toBe(false);
    expect(files.some((f) => f.endsWith('-model.json'))).toBe(false); // learned weights, not lexicons
    expect(words.has('embargo')).toBe(true);
    expect(words.has('weights')).toBe(false);
  });
});

describe('selectVocabulary', () => {
  const order = ['the', 'of', '2020', 'rare-word', 'veto', 'g7', "o'brien", 'no-fly', 'Mixed', 'last'];

  it('fills up to the size with plain words after the lexicon\'s, in the package\'s order', () => {
    expect(selectVocabulary(order, new Set(['g7', 'nofly', 'missing']), 4, () => true)).toEqual({ words: ['the', 'of', 'g7', 'no-fly'], fromLexicon: 2 });
    expect(selectVocabulary(order, new Set(), 100, () => true).words).toEqual(['the', 'of', 'rare-word', 'veto', "o'brien", 'no-fly', 'last']);
    expect(selectVocabulary(order, new Set(['veto']), 2, (w) => w !== 'the').words).toEqual(['of', 'veto']);
  });
});
