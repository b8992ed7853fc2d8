import { describe, expect, it } from 'vitest';
import { tagWords } from '../tokenize/tokenize.js';
import { Atoms } from './atoms.js';
import { parser } from './parse.js';
import { ScoreMemory } from './score-memory.js';
import { Tagger, tagFeatures } from './tagger.js';

// Sentences written for these tests; words come back, with the same and with other wink-nlp tags.
const SENTENCES = [
  'The minister said the plan would fail .',
  'The plan was approved by the council on Monday .',
  'Ministers plan to meet again , the council said .',
  'Poland said it would block the plan unless the council changed it .',
  'The council said nothing about the plan .',
].map((s) => s.split(' '));

const weights = parser().weights;

/** The tagger's tags for each sentence, tagged one after another by `tagger`. */
function tagAll(tagger: Tagger): number[][] {
  const atoms = new Atoms();
  return SENTENCES.map((forms) => {
    atoms.fill(forms, tagWords(forms), weights);
    tagger.tag(atoms);
    return [...atoms.tag.slice(1, forms.length + 1)];
  });
}

describe('the tagger', () => {
  it('gives the same tags whether it remembers words seen before or not', () => {
    const once = tagAll(new Tagger(weights));
    // A fresh tagger for each sentence has nothing to remember from the others.
    const fresh = SENTENCES.map((_, k) => tagAll(new Tagger(weights))[k]);
    expect(once).toEqual(fresh);
    // And the tags are those of the best scores over all the features at once.
    const atoms = new Atoms();
    const feats = new Int32Array(64);
    const scores = new Float64Array(weights.tagCount);
    SENTENCES.forEach((forms, k) => {
      atoms.fill(forms, tagWords(forms), weights);
      for (let i = 1; i <= forms.length; i++) {
        if (atoms.known[i] === 0) {
          scores.fill(0);
          weights.scoreTags(feats, tagFeatures(atoms, i, feats), scores);
          expect(once[k][i - 1], forms[i - 1]).toBe(scores.indexOf(Math.max(...scores)) + 1);
        }
        atoms.setTag(i, once[k][i - 1]);
      }
    });
  });
});

describe('score memory', () => {
  it('gives back the scores kept for the same features, and none for others', () => {
    const memory = new ScoreMemory(3, 4, 4);
    const scores = new Float64Array(4);
    expect(memory.recall(Int32Array.of(1, 2, 3), scores)).toBe(false);
    memory.keep(Int32Array.of(1, 2, 3), Float64Array.of(0.5, -1, 2, 0));
    expect(memory.recall(Int32Array.of(1, 2, 4), scores)).toBe(false);
    expect(memory.recall(Int32Array.of(1, 2, 3), scores)).toBe(true);
    expect([...scores]).toEqual([0.5, -1, 2, 0]);
  });
});
