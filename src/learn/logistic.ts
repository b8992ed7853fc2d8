// Trains a multinomial logistic model on sparse string features (AdaGrad, L2), seeded and deterministic.
import { softmax, type LinearModelFile } from '../analyze/decide/linear-model.js';

export interface Example {
  features: readonly string[];
  /** Index into the classes. */
  label: number;
  /** How much the example counts (default 1). */
  weight?: number;
}

export interface TrainOptions {
  classes: string[];
  epochs?: number;
  rate?: number;
  l2?: number;
  seed?: number;
  /** Weights whose largest absolute value is below this are left out of the saved model. */
  prune?: number;
  about?: Record<string, unknown>;
}

/** A small seeded generator (mulberry32), so the order of examples in each epoch is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainLogistic(examples: readonly Example[], options: TrainOptions): LinearModelFile {
  const { classes, epochs = 12, rate = 0.2, l2 = 1e-4, seed = 1, prune = 1e-3 } = options;
  const n = classes.length;
  // Feature names → dense indices, in first-seen order (deterministic for a given example order).
  const index = new Map<string, number>();
  const rows = examples.map((e) => {
    const ids = new Set<number>();
    for (const f of e.features) {
      let id = index.get(f);
      if (id === undefined) { id = index.size; index.set(f, id); }
      ids.add(id);
    }
    return Int32Array.from([...ids].sort((a, b) => a - b));
  });
  const w = new Float64Array(index.size * n);
  const g2 = new Float64Array(index.size * n).fill(1e-8);
  const order = examples.map((_, i) => i);
  const random = seeded(seed);
  const score = new Float64Array(n);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const ids = rows[k];
      const ex = examples[k];
      score.fill(0);
      for (const id of ids) for (let c = 0; c < n; c++) score[c] += w[id * n + c];
      const p = softmax(score);
      const weight = ex.weight ?? 1;
      for (const id of ids) {
        for (let c = 0; c < n; c++) {
          const at = id * n + c;
          const grad = weight * (p[c] - (c === ex.label ? 1 : 0)) + l2 * w[at];
          g2[at] += grad * grad;
          w[at] -= (rate / Math.sqrt(g2[at])) * grad;
        }
      }
    }
  }
  const weights: Record<string, number[]> = {};
  const names = [...index.keys()].sort();
  for (const name of names) {
    const id = index.get(name)!;
    const row = Array.from(w.subarray(id * n, id * n + n));
    if (Math.max(...row.map(Math.abs)) < prune) continue;
    weights[name] = row.map((x) => Math.round(x * 1e4) / 1e4);
  }
  return { about: options.about ?? {}, classes, weights };
}

/** A model file as text: JSON with one feature's weights per line, so a retrained model's diff reads feature by feature. */
export function modelText(file: LinearModelFile): string {
  const { weights, ...rest } = file;
  const head = JSON.stringify(rest, null, 1).replace(/\n}$/, '');
  const rows = Object.entries(weights).map(([name, w]) => `  ${JSON.stringify(name)}: ${JSON.stringify(w)}`);
  return `${head},\n "weights": {\n${rows.join(',\n')}\n }\n}\n`;
}
