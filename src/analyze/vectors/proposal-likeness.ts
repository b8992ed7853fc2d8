// How much a head noun looks like the name of a proposal (0..1): a logistic regression over its word vector.
import model from './proposal-likeness.json' with { type: 'json' };
import { rowOf, wordVectors, type WordVectors } from './vectors.js';

const WEIGHTS = Float64Array.from(model.weights);
const BIAS = model.bias;
/** The score from which a word counts as proposal-like (the best F1 on the training data, leave-one-story-out). */
export const PROPOSAL_THRESHOLD: number = model.threshold;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * The proposal-likeness of a word (a phrase's head noun: "embargo", "ceasefire" high; "weather" low), from 0 to
 * 1; 0 for a word without a vector.
 */
export function proposalLikeness(word: string, v: WordVectors = wordVectors()): number {
  if (v.dims !== WEIGHTS.length) throw new Error(`proposal-likeness.json has ${WEIGHTS.length} weights for vectors of ${v.dims} dimensions`);
  const row = rowOf(word, v);
  if (row < 0) return 0;
  let z = 0;
  for (let d = 0, at = row * v.dims; d < v.dims; d++) z += WEIGHTS[d] * v.vectors[at + d];
  return sigmoid(z * v.inverseNorms[row] + BIAS);
}

/** The proposal-likeness of a unit vector (a phrase vector), from 0 to 1. */
export function proposalLikenessOf(vector: ArrayLike<number>): number {
  if (vector.length !== WEIGHTS.length) throw new Error(`proposal-likeness of a vector of ${vector.length} dimensions, not ${WEIGHTS.length}`);
  let z = BIAS;
  for (let d = 0; d < WEIGHTS.length; d++) z += WEIGHTS[d] * vector[d];
  return sigmoid(z);
}
