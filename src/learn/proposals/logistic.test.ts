// The logistic regression: it reaches the optimum of its loss, from any start, and λ shrinks the weights.
import { describe, expect, it } from 'vitest';
import { fitLogistic, predict, sigmoid } from './logistic.js';

/** Invented 3-d data: the label leans on the first feature, against the second; the third is noise. */
function data(n: number) {
  let s = 12345;
  const random = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
  const x = new Float64Array(n * 3);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < 3; d++) x[i * 3 + d] = random() * 2 - 1;
    y[i] = random() < sigmoid(3 * x[i * 3] - 2 * x[i * 3 + 1] + 0.5) ? 1 : 0;
  }
  return { x, y, w: new Float64Array(n).fill(1) };
}

/** The gradient of the regularised loss at a model. */
function gradient(x: Float64Array, y: Uint8Array, w: Float64Array, weights: Float64Array, bias: number, lambda: number): number[] {
  const g = [0, 0, 0, 0];
  for (let i = 0; i < y.length; i++) {
    const r = w[i] * (predict({ weights, bias }, x.subarray(i * 3, i * 3 + 3)) - y[i]);
    for (let d = 0; d < 3; d++) g[d] += r * x[i * 3 + d];
    g[3] += r;
  }
  for (let d = 0; d < 3; d++) g[d] += lambda * weights[d];
  return g;
}

describe('fitLogistic', () => {
  const { x, y, w } = data(2000);

  it('finds the minimum of the weighted, regularised loss', () => {
    const model = fitLogistic(x, y, w, 3, 1);
    for (const g of gradient(x, y, w, model.weights, model.bias, 1)) expect(Math.abs(g)).toBeLessThan(1e-6);
    expect(model.weights[0]).toBeGreaterThan(2);
    expect(model.weights[1]).toBeLessThan(-1);
    expect(Math.abs(model.weights[2])).toBeLessThan(0.5);
  });

  it('ends at the same model from another start, and shrinks the weights as λ grows', () => {
    const a = fitLogistic(x, y, w, 3, 1);
    const b = fitLogistic(x, y, w, 3, 1, { weights: Float64Array.from([-5, 5, 5]), bias: 3 });
    for (let d = 0; d < 3; d++) expect(b.weights[d]).toBeCloseTo(a.weights[d], 8);
    const strong = fitLogistic(x, y, w, 3, 1000);
    expect(Math.hypot(...strong.weights)).toBeLessThan(Math.hypot(...a.weights) / 2);
    expect(() => fitLogistic(x, y, w, 3, 0)).toThrow(/λ/);
  });

  it('counts an example of weight 2 as two examples', () => {
    const twice = { x: new Float64Array([...x, ...x.subarray(0, 3)]), y: Uint8Array.from([...y, y[0]]), w: new Float64Array(y.length + 1).fill(1) };
    const weighted = Float64Array.from(w);
    weighted[0] = 2;
    const a = fitLogistic(twice.x, twice.y, twice.w, 3, 1);
    const b = fitLogistic(x, y, weighted, 3, 1);
    for (let d = 0; d < 3; d++) expect(b.weights[d]).toBeCloseTo(a.weights[d], 8);
  });
});
