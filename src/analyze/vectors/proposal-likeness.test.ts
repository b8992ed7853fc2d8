// The proposal-likeness table: what it ranks high and low, its range, and that it was made over the shipped vectors.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROPOSAL_THRESHOLD, proposalLikeness, proposalLikenessOf } from './proposal-likeness.js';
import { phraseVector, wordVectors } from './vectors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const table = JSON.parse(fs.readFileSync(path.join(here, 'proposal-likeness.json'), 'utf8'));

describe('proposalLikeness', () => {
  it('ranks names of proposals above everyday nouns', () => {
    const proposals = ['embargo', 'ceasefire', 'treaty', 'sanctions', 'plan'].map((w) => proposalLikeness(w));
    const others = ['weather', 'restaurant', 'football', 'minister', 'germany'].map((w) => proposalLikeness(w));
    expect(Math.min(...proposals)).toBeGreaterThan(Math.max(...others));
    for (const p of proposals) expect(p).toBeGreaterThanOrEqual(PROPOSAL_THRESHOLD);
    for (const p of others) expect(p).toBeLessThan(PROPOSAL_THRESHOLD);
  });

  it('is a number from 0 to 1, and 0 for a word without a vector', () => {
    for (const w of ['embargo', 'weather', 'the', 'Treaty']) {
      expect(proposalLikeness(w)).toBeGreaterThan(0);
      expect(proposalLikeness(w)).toBeLessThan(1);
    }
    expect(proposalLikeness('zqxvbnmw')).toBe(0);
    expect(proposalLikeness('Ceasefires')).toBeCloseTo(proposalLikeness('ceasefires'), 10);
  });

  it('gives a word\'s unit vector the word\'s score, and scores phrase vectors', () => {
    expect(proposalLikenessOf(phraseVector(['embargo'])!)).toBeCloseTo(proposalLikeness('embargo'), 5);
    expect(proposalLikenessOf(phraseVector(['peace', 'treaty'])!)).toBeGreaterThan(proposalLikenessOf(phraseVector(['sunny', 'weather'])!));
    expect(() => proposalLikenessOf(new Float32Array(3))).toThrow(/dimensions/);
  });

  it('was trained over the shipped vectors, and ships weights only', () => {
    const bytes = fs.readFileSync(path.join(here, 'vectors.bin'));
    expect(table.vectors.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    expect(table.weights).toHaveLength(wordVectors().dims);
    expect(typeof table.bias).toBe('number');
    expect(table.leaveOneStoryOut.auc[`lambda ${table.model.lambda}`]).toBeGreaterThan(0.5);
  });
});
