// An averaged perceptron over hashed features: each feature hash picks a row of `classes` weights (collisions shared).

export class HashedPerceptron {
  /** Current weights, row after row. */
  readonly w: Float32Array;
  /** Sum of time × update, for the average (Daumé's trick: average = w - u / time). */
  private readonly u: Float64Array;
  readonly shift: number;
  /** Number of instances seen: the perceptron's clock. */
  time = 0;

  constructor(readonly bits: number, readonly classes: number) {
    this.shift = 32 - bits;
    this.w = new Float32Array((1 << bits) * classes);
    this.u = new Float64Array((1 << bits) * classes);
  }

  score(feats: Int32Array, count: number, scores: Float64Array): void {
    const { w, classes: C, shift } = this;
    for (let f = 0; f < count; f++) {
      const base = (feats[f] >>> shift) * C;
      for (let c = 0; c < C; c++) scores[c] += w[base + c];
    }
  }

  /** Adds `delta` to class `cls` of each feature's row. */
  update(feats: Int32Array, count: number, cls: number, delta: number): void {
    const { w, u, classes: C, shift, time } = this;
    for (let f = 0; f < count; f++) {
      const i = (feats[f] >>> shift) * C + cls;
      w[i] += delta;
      u[i] += time * delta;
    }
  }

  /** The averaged weights (Float64 rounded to Float32). */
  averaged(): Float32Array {
    const avg = new Float32Array(this.w.length);
    this.addAveraged(avg, 1);
    return avg;
  }

  /** Adds the averaged weights, times `scale`, to `target`. */
  addAveraged(target: Float32Array, scale: number): void {
    const t = Math.max(this.time, 1);
    const { w, u } = this;
    for (let i = 0; i < w.length; i++) if (w[i] !== 0 || u[i] !== 0) target[i] += (w[i] - u[i] / t) * scale;
  }

  /** Back to zero, to train again in the same memory (fresh memory is slow to come by on some machines). */
  reset(): void {
    this.w.fill(0);
    this.u.fill(0);
    this.time = 0;
  }
}
