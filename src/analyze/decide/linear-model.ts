// A multinomial logistic model over sparse string features: the form every learned decision of the analyser is shipped in.

/** The file a trained model is saved as: classes, and for each feature its weight per class. */
export interface LinearModelFile {
  /** What this model decides, how it was trained (command, data, seed) and its held-out scores. */
  about: Record<string, unknown>;
  classes: string[];
  /** Decision settings chosen on held-out folds (thresholds). */
  settings?: Record<string, number>;
  /** Feature name → one weight per class (rounded; features whose weights are all near zero are left out). */
  weights: Record<string, number[]>;
}

export class LinearModel {
  readonly classes: readonly string[];
  private readonly table: Map<string, Float64Array>;

  constructor(file: LinearModelFile) {
    this.classes = file.classes;
    this.table = new Map();
    for (const [name, w] of Object.entries(file.weights)) {
      if (w.length !== file.classes.length) throw new Error(`model feature "${name}" has ${w.length} weights for ${file.classes.length} classes`);
      this.table.set(name, Float64Array.from(w));
    }
  }

  /** The probability of each class (softmax of the summed weights of the features present). */
  probabilities(features: readonly string[]): Float64Array {
    const n = this.classes.length;
    const score = new Float64Array(n);
    for (const f of features) {
      const w = this.table.get(f);
      if (w) for (let c = 0; c < n; c++) score[c] += w[c];
    }
    return softmax(score);
  }
}

export function softmax(score: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of score) if (s > max) max = s;
  let sum = 0;
  for (let c = 0; c < score.length; c++) { score[c] = Math.exp(score[c] - max); sum += score[c]; }
  for (let c = 0; c < score.length; c++) score[c] /= sum;
  return score;
}
