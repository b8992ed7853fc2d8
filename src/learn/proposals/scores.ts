// Scores of a binary ranker: area under the ROC curve, and precision and recall at a threshold.

/** The probability that a random positive scores above a random negative (ties count half); NaN without both. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    const rank = (i + j) / 2 + 1; // mean 1-based rank of the tied run
    for (let k = i; k <= j; k++) if (labels[order[k]] === 1) { positives++; rankSum += rank; }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface AtThreshold { threshold: number; precision: number; recall: number; f1: number; predicted: number; positives: number }

/** Precision, recall and F1 of calling every score >= threshold positive. */
export function atThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): AtThreshold {
  let tp = 0;
  let predicted = 0;
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] === 1) positives++;
    if (scores[i] >= threshold) { predicted++; if (labels[i] === 1) tp++; }
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = positives ? tp / positives : 0;
  return { threshold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, predicted, positives };
}

/** The threshold (one of the scores) with the best F1 (the highest such threshold on a tie). */
export function bestF1(scores: ArrayLike<number>, labels: ArrayLike<number>): AtThreshold {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  let best = { threshold: Infinity, f1: 0 };
  let tp = 0;
  for (let k = 0; k < order.length; k++) {
    if (labels[order[k]] === 1) tp++;
    // Every score equal to this one is called positive with it: judge after the last of a tied run.
    if (k + 1 < order.length && scores[order[k + 1]] === scores[order[k]]) continue;
    const f1 = (2 * tp) / (k + 1 + positives);
    if (f1 > best.f1) best = { threshold: scores[order[k]], f1 };
  }
  return atThreshold(scores, labels, best.threshold);
}
