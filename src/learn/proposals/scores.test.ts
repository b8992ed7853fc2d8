// AUC and precision/recall on small hand-made rankings.
import { describe, expect, it } from 'vitest';
import { atThreshold, auc, bestF1 } from './scores.js';

describe('scores', () => {
  it('AUC: 1 for a perfect ranking, 0 reversed, ties half', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([0.1, 0.6, 0.4, 0.9], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([0.1, 0.2], [1, 1])).toBeNaN();
  });

  it('precision, recall and F1 at a threshold, and the best threshold', () => {
    const scores = [0.1, 0.6, 0.4, 0.9, 0.7];
    const labels = [0, 0, 1, 1, 1];
    expect(atThreshold(scores, labels, 0.5)).toEqual({ threshold: 0.5, precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, predicted: 3, positives: 3 });
    expect(atThreshold(scores, labels, 2)).toMatchObject({ precision: 0, recall: 0, f1: 0, predicted: 0 });
    expect(bestF1(scores, labels)).toMatchObject({ threshold: 0.4, precision: 0.75, recall: 1 });
  });
});
