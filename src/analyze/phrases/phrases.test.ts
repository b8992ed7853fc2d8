// Tests of the proposal-phrase stage on invented texts: candidate noun phrases, and proposals grouped by head word.
import { afterEach, describe, expect, it } from 'vitest';
import { proposals } from '../proposals/proposals.js';
import { docWith } from '../stances/fixture.js';
import { LinearModel, softmax, type LinearModelFile } from '../decide/linear-model.js';
import { nounCandidates, scoredCandidates } from './features.js';
import shipped from './phrase-model.json' with { type: 'json' };
import { foundByPhrase, headWord, phrases, usePhraseModel } from './phrases.js';

const ACTORS = [{ key: 'country:NOR', name: 'Norway' }, { key: 'country:MLT', name: 'Malta' }];
const TEXT = 'Norway backed a digital services levy on Tuesday. Malta said the levy would hurt small firms. The arms embargo stays.';

const model = (weights: Record<string, number[]>): LinearModelFile => ({ about: {}, classes: ['other', 'proposal'], weights, settings: { minProbability: 0.5 } });

afterEach(() => usePhraseModel(null));

describe('nounCandidates', () => {
  it('gives each noun phrase head outside actor and proposal mentions, with its modifiers', () => {
    const doc = docWith(TEXT, ACTORS);
    proposals.run(doc);
    const found = nounCandidates(doc).map((c) => doc.text.slice(c.span.start, c.span.end));
    expect(found).toContain('digital services levy');
    expect(found).toContain('levy');
    expect(found).toContain('small firms');
    expect(found.some((f) => f.includes('Norway'))).toBe(false);
    expect(found.some((f) => f.includes('embargo'))).toBe(false); // already a proposal of the trigger words
    const levy = nounCandidates(doc).find((c) => doc.text.slice(c.span.start, c.span.end) === 'digital services levy')!;
    expect(levy.head).toBe('levy');
    expect(levy.features).toEqual(expect.arrayContaining(['h:levy', 'm:digital', 'v:backed', 'actor-in-sentence']));
  });
});

describe('scoredCandidates', () => {
  it('gives each candidate the probabilities the model gives its features, a repeated modifier counted once', () => {
    const text = 'Norway backed the levy levy plan on Tuesday. Malta said the plan would hurt small firms.';
    const doc = docWith(text, ACTORS);
    proposals.run(doc);
    const small = new LinearModel(model({ bias: [1, 0], 'm:levy': [0, 0.7], 'mh:levy|plan': [0, 0.5], 'h:plan': [0, 2], 'p1:the': [0.1, 0] }));
    for (const m of [small, new LinearModel(shipped as LinearModelFile)]) {
      const candidates = nounCandidates(doc);
      const scored = scoredCandidates(doc, m);
      expect(scored.map((c) => c.span)).toEqual(candidates.map((c) => c.span));
      scored.forEach((c, i) => expect(softmax(c.scores)).toEqual(m.probabilities(candidates[i].features)));
    }
    const plan = nounCandidates(doc).find((c) => text.slice(c.span.start, c.span.end) === 'levy levy plan')!;
    expect(plan.features.filter((f) => f === 'm:levy')).toHaveLength(1);
    expect(plan.features).toEqual(expect.arrayContaining(['mh:levy|plan', 'h:plan', 'p1:the']));
  });
});

describe('phrases', () => {
  it('adds the phrases the model finds as one proposal per head word', () => {
    const doc = docWith(TEXT, ACTORS);
    proposals.run(doc);
    const before = doc.proposals.length;
    usePhraseModel(model({ bias: [1, 0], 'h:levy': [0, 3] }));
    phrases.run(doc);
    expect(doc.proposals).toHaveLength(before + 1);
    const levy = doc.proposals[before];
    expect(foundByPhrase(levy)).toBe(true);
    expect(levy.summary).toBe('digital services levy');
    expect(levy.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['digital services levy', 'levy']);
  });

  it('joins a phrase to the proposal it restates in other words, and keeps one of another meaning apart', () => {
    const text = 'Norway backed the arms embargo. Malta said a weapons moratorium was premature. Ireland wanted a fishing quota.';
    const doc = docWith(text, ACTORS.concat([{ key: 'country:IRL', name: 'Ireland' }]));
    proposals.run(doc);
    expect(doc.proposals.map((p) => p.summary)).toEqual(['arms embargo']);
    usePhraseModel(model({ bias: [1, 0], 'h:moratorium': [0, 3], 'h:quota': [0, 3] }));
    phrases.run(doc);
    expect(doc.proposals).toHaveLength(2);
    expect(doc.proposals[0].mentions.map((m) => text.slice(m.start, m.end))).toContain('weapons moratorium');
    expect(doc.proposals[1].summary).toBe('fishing quota');
  });

  it('adds nothing without a model, or when the model finds no phrase likely', () => {
    const doc = docWith(TEXT, ACTORS);
    proposals.run(doc);
    const before = doc.proposals.length;
    phrases.run(doc);
    usePhraseModel(model({ bias: [3, 0] }));
    phrases.run(doc);
    expect(doc.proposals).toHaveLength(before);
  });

  it('takes a phrase\'s head word as its last word without a plural -s', () => {
    expect(headWord('the new sanctions')).toBe('sanction');
    expect(headWord('a fast-track process')).toBe('process');
    expect(headWord('Gaza')).toBe('gaza');
  });
});
