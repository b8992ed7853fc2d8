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

/**
 * The weights of a list of features (LinearModel.weightsOf): feature i's, one per class, at i × classes; zeros for a
 * feature the model lacks. Adding those zeros changes no score (a sum that starts at +0 never becomes -0, and x + 0 is
 * x for every other x), so a missing feature needs no test.
 */
export type FeatureWeights = Float64Array;

export class LinearModel {
  readonly classes: readonly string[];
  /** Feature name → where its weights start in `weights` (one row of a weight per class): one look-up, no array per feature. */
  private readonly rows: Map<string, number>;
  private readonly weights: Float64Array;

  constructor(file: LinearModelFile) {
    this.classes = file.classes;
    const n = file.classes.length;
    const names = Object.keys(file.weights);
    this.rows = new Map();
    this.weights = new Float64Array(names.length * n);
    names.forEach((name, i) => {
      const w = file.weights[name];
      if (w.length !== n) throw new Error(`model feature "${name}" has ${w.length} weights for ${n} classes`);
      this.rows.set(name, i * n);
      this.weights.set(w, i * n);
    });
  }

  /** The probability of each class (softmax of the summed weights of the features present). */
  probabilities(features: readonly string[]): Float64Array {
    const score = new Float64Array(this.classes.length);
    for (let i = 0; i < features.length; i++) this.addFeature(score, features[i]);
    return softmax(score);
  }

  /** The features the model has weights for. */
  features(): IterableIterator<string> {
    return this.rows.keys();
  }

  /** Adds a feature's weights to a score (one per class) when the model has the feature: probabilities() sums these. */
  addFeature(score: Float64Array, feature: string): void {
    const at = this.rows.get(feature);
    if (at !== undefined) for (let c = 0; c < score.length; c++) score[c] += this.weights[at + c];
  }

  /**
   * The weights of a list of features, copied out of the table: a caller that meets the same features again and again
   * (a word's) keeps them beside the features and adds them to a score (addWeights) with no look-up.
   */
  weightsOf(features: readonly string[]): FeatureWeights {
    const n = this.classes.length;
    const values = new Float64Array(features.length * n);
    features.forEach((f, i) => {
      const at = this.rows.get(f);
      if (at !== undefined) for (let c = 0; c < n; c++) values[i * n + c] = this.weights[at + c];
    });
    return values;
  }
}

/** Adds the weights of the i-th feature of a list to a score, as addFeature would: the same sums, in the same order. */
export function addWeights(score: Float64Array, w: FeatureWeights, i: number): void {
  const n = score.length;
  for (let c = 0; c < n; c++) score[c] += w[i * n + c];
}

export function softmax(score: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of score) if (s > max) max = s;
  let sum = 0;
  for (let c = 0; c < score.length; c++) { score[c] = Math.exp(score[c] - max); sum += score[c]; }
  for (let c = 0; c < score.length; c++) score[c] /= sum;
  return score;
}
