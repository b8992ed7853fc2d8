import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelWeights } from './model.js';

const bytes = fs.readFileSync(new URL('./parser.bin', import.meta.url));
const meta = JSON.parse(fs.readFileSync(new URL('./parser.json', import.meta.url), 'utf8'));

describe('the shipped parser weights', () => {
  it('are the ones parser.json describes', () => {
    expect(meta.weights.bytes).toBe(bytes.length);
    expect(meta.weights.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(meta.made).toBe('npm run train:parser');
    expect(Object.keys(meta.data.files).sort()).toEqual(['en_ewt-ud-dev.conllu', 'en_ewt-ud-test.conllu', 'en_ewt-ud-train.conllu']);
  });

  it('are small, and read back with the label and tag sets parser.json records', () => {
    expect(bytes.length).toBeLessThan(10_000_000);
    const weights = new ModelWeights(bytes);
    expect(weights.labels).toEqual(expect.arrayContaining(['root', 'nsubj', 'nsubj:pass', 'obl:agent', 'conj', 'punct']));
    expect(weights.labels[weights.rootLabel]).toBe('root');
    expect(weights.tagCount).toBe(meta.tagger.classes);
    // Every label may be given on at least one side of its head.
    weights.labels.forEach((label, i) => { if (label !== 'root') expect(weights.leftLabels[i] + weights.rightLabels[i], label).toBeGreaterThan(0); });
  });

  it('scored at least the targets on EWT test with wink-nlp\'s tags when they were made', () => {
    const test = meta.scores['test-wink'];
    expect(test.words).toBeGreaterThan(20_000);
    expect(test.uas).toBeGreaterThanOrEqual(0.86);
    expect(test.las).toBeGreaterThanOrEqual(0.82);
    expect(test.lasFull).toBeLessThanOrEqual(test.las);
  });

  it('refuse a file that is not parser weights', () => {
    expect(() => new ModelWeights(new TextEncoder().encode('not weights at all'))).toThrow(/not a parser weights file/);
  });
});
