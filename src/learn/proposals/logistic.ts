// A weighted, L2-regularised logistic regression fitted by Newton's method: exact, deterministic, for a few hundred features.

export interface LogisticModel {
  /** One weight per feature. */
  weights: Float64Array;
  bias: number;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function predict(model: LogisticModel, x: ArrayLike<number>): number {
  let z = model.bias;
  for (let d = 0; d < model.weights.length; d++) z += model.weights[d] * x[d];
  return sigmoid(z);
}

/** Solves A x = b for a symmetric positive definite A (n × n, row-major, lower triangle read; overwritten) by Cholesky. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let s = a[j * n + j];
    for (let k = 0; k < j; k++) s -= a[j * n + k] * a[j * n + k];
    if (!(s > 0)) throw new Error('logistic regression: Hessian not positive definite');
    const l = Math.sqrt(s);
    a[j * n + j] = l;
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j];
      for (let k = 0; k < j; k++) t -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = t / l;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = b[i];
    for (let k = 0; k < i; k++) t -= a[i * n + k] * y[k];
    y[i] = t / a[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let t = y[i];
    for (let k = i + 1; k < n; k++) t -= a[k * n + i] * x[k];
    x[i] = t / a[i * n + i];
  }
  return x;
}

/**
 * Fits weights and a bias minimising Σ wᵢ·logloss(yᵢ, σ(θ·xᵢ + b)) + λ/2·|θ|² (the bias is not penalised).
 * `x` holds the examples' features row after row (`dims` each). The loss is strictly convex (λ > 0), so the
 * result does not depend on `start` (a model to start from, which only saves iterations).
 */
export function fitLogistic(
  x: Float64Array, y: ArrayLike<number>, w: ArrayLike<number>, dims: number, lambda: number, start?: LogisticModel, maxIterations = 100,
): LogisticModel {
  if (!(lambda > 0)) throw new Error('logistic regression: λ must be positive');
  const n = y.length;
  const p = dims + 1; // the bias is the last parameter
  let theta = new Float64Array(p);
  if (start) { theta.set(start.weights); theta[dims] = start.bias; }
  const loss = (t: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let z = t[dims];
      for (let d = 0; d < dims; d++) z += t[d] * x[i * dims + d];
      // log(1 + e^z) - y·z, computed without overflow
      sum += w[i] * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z);
    }
    let penalty = 0;
    for (let d = 0; d < dims; d++) penalty += t[d] * t[d];
    return sum + (lambda / 2) * penalty;
  };
  let current = loss(theta);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const grad = new Float64Array(p);
    const hess = new Float64Array(p * p);
    for (let i = 0; i < n; i++) {
      const at = i * dims;
      let z = theta[dims];
      for (let d = 0; d < dims; d++) z += theta[d] * x[at + d];
      const q = sigmoid(z);
      const g = w[i] * (q - y[i]);
      const h = w[i] * q * (1 - q);
      for (let d = 0; d < dims; d++) {
        const xd = x[at + d];
        grad[d] += g * xd;
        const hx = h * xd;
        const rowStart = d * p;
        for (let e = 0; e <= d; e++) hess[rowStart + e] += hx * x[at + e];
        hess[rowStart + dims] += hx;
      }
      grad[dims] += g;
      hess[dims * p + dims] += h;
    }
    // Only the lower triangle was summed (the bias's row kept in its column): Cholesky reads no more.
    for (let e = 0; e < dims; e++) hess[dims * p + e] = hess[e * p + dims];
    for (let d = 0; d < dims; d++) { grad[d] += lambda * theta[d]; hess[d * p + d] += lambda; }
    hess[dims * p + dims] += 1e-9 * n; // the unpenalised bias keeps the matrix definite when every example is saturated
    const step = solve(hess, grad, p);
    // Newton's step, halved until the loss goes down (far from the minimum a full step can overshoot; near it, the
    // loss changes by less than its rounding, so a step that does not raise it beyond that is taken).
    const tolerance = 1e-12 * (1 + Math.abs(current));
    let scale = 1;
    let next = theta;
    let nextLoss = current;
    for (let tries = 0; tries < 40; tries++, scale /= 2) {
      const candidate = theta.map((t, d) => t - scale * step[d]);
      const l = loss(candidate);
      if (l <= current + tolerance) { next = candidate; nextLoss = l; break; }
    }
    let size = 0;
    for (let d = 0; d < p; d++) size = Math.max(size, Math.abs(next[d] - theta[d]));
    theta = next;
    current = nextLoss;
    if (size < 1e-10) break;
  }
  return { weights: theta.slice(0, dims), bias: theta[dims] };
}
