// Proposal-likeness: a logistic regression over a head noun's word vector, trained and judged leave-one-story-out.
import { fitLogistic, predict, type LogisticModel } from './logistic.js';
import { headExamples, type GoldArticle, type HeadExample } from './examples.js';
import { bestF1 } from './scores.js';
import type { WordVectors } from '../../analyze/vectors/vectors.js';

export interface LikenessData {
  examples: HeadExample[];
  /** Each example's unit word vector, row after row. */
  x: Float64Array;
  y: Uint8Array;
  dims: number;
}

/** The examples of every article, with their features. */
export function buildData(articles: readonly GoldArticle[], vectors: WordVectors, log: (s: string) => void = () => {}): LikenessData {
  const examples: HeadExample[] = [];
  articles.forEach((a, i) => {
    examples.push(...headExamples(a, vectors));
    if ((i + 1) % 50 === 0 || i + 1 === articles.length) log(`  tokenised ${i + 1}/${articles.length} articles`);
  });
  const { dims } = vectors;
  const x = new Float64Array(examples.length * dims);
  const y = new Uint8Array(examples.length);
  examples.forEach((e, i) => {
    const scale = vectors.inverseNorms[e.row];
    for (let d = 0; d < dims; d++) x[i * dims + d] = vectors.vectors[e.row * dims + d] * scale;
    y[i] = e.label;
  });
  return { examples, x, y, dims };
}

/**
 * Fits on the examples at `rows`, positives and negatives weighted to equal totals (mean weight 1). Examples of one
 * word and label are fitted as one, weighted by their number (the same loss, in a fraction of the time).
 */
export function fitOn(data: LikenessData, rows: readonly number[], lambda: number, start?: LogisticModel): LogisticModel {
  const { dims } = data;
  let positives = 0;
  for (const r of rows) positives += data.y[r];
  const negatives = rows.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('proposal-likeness: training data needs positives and negatives');
  const classWeight = [rows.length / (2 * negatives), rows.length / (2 * positives)];
  const merged = new Map<string, number>();
  const first: number[] = [];
  const weight: number[] = [];
  for (const r of rows) {
    const key = `${data.examples[r].row}:${data.y[r]}`;
    const at = merged.get(key);
    if (at === undefined) { merged.set(key, first.length); first.push(r); weight.push(classWeight[data.y[r]]); }
    else weight[at] += classWeight[data.y[r]];
  }
  const x = new Float64Array(first.length * dims);
  const y = new Uint8Array(first.length);
  first.forEach((r, i) => { x.set(data.x.subarray(r * dims, (r + 1) * dims), i * dims); y[i] = data.y[r]; });
  return fitLogistic(x, y, weight, dims, lambda, start);
}

export const score = (model: LogisticModel, data: LikenessData, row: number): number =>
  predict(model, data.x.subarray(row * data.dims, (row + 1) * data.dims));

/** Each example's score from the model trained without its story (`start`: a model to start each fit from). */
export function leaveOneStoryOut(data: LikenessData, lambda: number, start?: LogisticModel, log: (s: string) => void = () => {}): Float64Array {
  const stories = [...new Set(data.examples.map((e) => e.story))].sort();
  const scores = new Float64Array(data.examples.length);
  stories.forEach((story, k) => {
    const train: number[] = [];
    const test: number[] = [];
    data.examples.forEach((e, i) => (e.story === story ? test : train).push(i));
    const model = fitOn(data, train, lambda, start);
    for (const i of test) scores[i] = score(model, data, i);
    if ((k + 1) % 10 === 0 || k + 1 === stories.length) log(`  λ=${lambda}: fold ${k + 1}/${stories.length}`);
  });
  return scores;
}

/**
 * Precision and recall when each story is cut at the threshold of the best F1 on the other stories' scores: the
 * threshold, too, chosen without the story it is judged on.
 */
export function thresholdFromOtherStories(data: LikenessData, scores: Float64Array) {
  const stories = [...new Set(data.examples.map((e) => e.story))].sort();
  let tp = 0;
  let predicted = 0;
  let positives = 0;
  const thresholds: number[] = [];
  for (const story of stories) {
    const others: number[] = [];
    const own: number[] = [];
    data.examples.forEach((e, i) => (e.story === story ? own : others).push(i));
    const { threshold } = bestF1(others.map((i) => scores[i]), others.map((i) => data.y[i]));
    thresholds.push(threshold);
    for (const i of own) {
      positives += data.y[i];
      if (scores[i] >= threshold) { predicted++; tp += data.y[i]; }
    }
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = positives ? tp / positives : 0;
  thresholds.sort((a, b) => a - b);
  return {
    precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, predicted, positives,
    thresholds: { min: thresholds[0], median: thresholds[Math.floor(thresholds.length / 2)], max: thresholds.at(-1)! },
  };
}
