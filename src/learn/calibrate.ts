// Learns the confidence maps (src/analyze/decide/calibration.ts) from the stances given on held-out folds, and measures
// how well calibrated the confidences are on stories the map was not fitted on.
import { IDENTITY, applyPlatt, logit, type CalibrationFile, type ConfidenceKind, type PlattMap } from '../analyze/decide/calibration.js';

/** A stance given on a held-out fold: its story, its kind and raw probability, and whether the scorer counts it right. */
export interface HeldOutStance { story: string; kind: ConfidenceKind; raw: number; right: boolean }

export interface ReliabilityBin { from: number; to: number; count: number; meanConfidence: number; accuracy: number }
export interface Reliability {
  bins: ReliabilityBin[];
  /** Expected calibration error: the bins' |mean confidence − accuracy|, weighted by their counts. */
  ece: number;
  /** Mean squared error of the confidence against right (1) or wrong (0). */
  brier: number;
}

const KINDS: readonly ConfidenceKind[] = ['model', 'rule'];

/** Reliability in 10 bins of confidence. */
export function reliability(stances: readonly { confidence: number; right: boolean }[]): Reliability {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 0, meanConfidence: 0, accuracy: 0 }));
  let brier = 0;
  for (const s of stances) {
    const b = bins[Math.min(9, Math.max(0, Math.floor(s.confidence * 10)))];
    b.count++;
    b.meanConfidence += s.confidence;
    b.accuracy += s.right ? 1 : 0;
    brier += (s.confidence - (s.right ? 1 : 0)) ** 2;
  }
  const n = Math.max(1, stances.length);
  let ece = 0;
  for (const b of bins) {
    if (!b.count) continue;
    b.meanConfidence /= b.count;
    b.accuracy /= b.count;
    ece += (b.count / n) * Math.abs(b.meanConfidence - b.accuracy);
  }
  return { bins, ece, brier: brier / n };
}

/**
 * Platt scaling: the logistic regression of right on logit(raw), by Newton's method with backtracking (Lin, Lin and
 * Weng's version of Platt's algorithm), with Platt's targets ((positives + 1) / (positives + 2) for the right,
 * 1 / (negatives + 2) for the wrong) so that stances all right or all wrong give a finite map. No stances: the identity.
 */
export function fitPlatt(stances: readonly { raw: number; right: boolean }[]): PlattMap {
  if (!stances.length) return { ...IDENTITY };
  const positives = stances.filter((s) => s.right).length;
  const negatives = stances.length - positives;
  const xs = stances.map((s) => logit(s.raw));
  const ts = stances.map((s) => (s.right ? (positives + 1) / (positives + 2) : 1 / (negatives + 2)));
  // Cross-entropy against the targets, written to stay finite for large |a·x + b|.
  const loss = (a: number, b: number) => xs.reduce((sum, x, i) => {
    const z = a * x + b;
    return sum + (z >= 0 ? (1 - ts[i]) * z + Math.log1p(Math.exp(-z)) : -ts[i] * z + Math.log1p(Math.exp(z)));
  }, 0);
  let a = 0, b = Math.log((positives + 1) / (negatives + 1));
  let current = loss(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
    xs.forEach((x, i) => {
      const q = 1 / (1 + Math.exp(-(a * x + b)));
      const r = q - ts[i];
      const w = q * (1 - q);
      ga += r * x; gb += r;
      haa += w * x * x; hab += w * x; hbb += w;
    });
    if (Math.abs(ga) < 1e-9 && Math.abs(gb) < 1e-9) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    let step = 1;
    while (step > 1e-10 && loss(a + step * da, b + step * db) > current + 1e-4 * step * (ga * da + gb * db)) step /= 2;
    if (step <= 1e-10) break;
    a += step * da; b += step * db;
    current = loss(a, b);
  }
  return { a, b };
}

/**
 * Isotonic regression (pool adjacent violators): the non-decreasing step map closest to right/wrong, as its blocks'
 * (mean raw, accuracy) points, read between them by linear interpolation. Fitted only to compare with Platt scaling.
 */
export function fitIsotonic(stances: readonly { raw: number; right: boolean }[]): [number, number][] {
  // Equal raw probabilities pool into one block (the right ones sorted first, so the violators meet).
  const sorted = [...stances].sort((x, y) => x.raw - y.raw || Number(y.right) - Number(x.right));
  const blocks: { raw: number; right: number; n: number }[] = [];
  for (const s of sorted) {
    blocks.push({ raw: s.raw, right: s.right ? 1 : 0, n: 1 });
    while (blocks.length > 1) {
      const [x, y] = blocks.slice(-2);
      if (x.right / x.n < y.right / y.n) break;
      blocks.pop();
      x.raw += y.raw; x.right += y.right; x.n += y.n;
    }
  }
  return blocks.map((b) => [b.raw / b.n, b.right / b.n]);
}

export function isotonicAt(points: readonly [number, number][], raw: number): number {
  if (!points.length) return raw;
  if (raw <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (raw > x1) continue;
    const [x0, y0] = points[i - 1];
    return y0 + ((y1 - y0) * (raw - x0)) / (x1 - x0);
  }
  return points[points.length - 1][1];
}

/** Fits a map per kind of confidence; gives the function that maps a stance's raw probability. */
export type Fit = (stances: readonly HeldOutStance[]) => (s: HeldOutStance) => number;

export const FITS: Record<'raw' | 'isotonic' | 'platt', Fit> = {
  raw: () => (s) => s.raw,
  isotonic: (stances) => {
    const points = Object.fromEntries(KINDS.map((k) => [k, fitIsotonic(stances.filter((s) => s.kind === k))]));
    return (s) => isotonicAt(points[s.kind], s.raw);
  },
  platt: (stances) => {
    const maps = plattMaps(stances);
    return (s) => applyPlatt(maps[s.kind], s.raw);
  },
};

export function plattMaps(stances: readonly HeldOutStance[]): Record<ConfidenceKind, PlattMap> {
  return { model: fitPlatt(stances.filter((s) => s.kind === 'model')), rule: fitPlatt(stances.filter((s) => s.kind === 'rule')) };
}

/**
 * Nested: each story's stances mapped by the map fitted on the other stories' stances, so the reliability is that of
 * stories the map has not seen (the raw probabilities are already held out from the models). Also the error of each
 * kind alone, which a map for both kinds together can hide by averaging them in a bin.
 */
export function nestedReliability(stances: readonly HeldOutStance[], fit: Fit): Reliability & { eceByKind: Record<ConfidenceKind, number> } {
  const out: { confidence: number; right: boolean; kind: ConfidenceKind }[] = [];
  for (const story of [...new Set(stances.map((s) => s.story))].sort()) {
    const map = fit(stances.filter((s) => s.story !== story));
    for (const s of stances) if (s.story === story) out.push({ confidence: map(s), right: s.right, kind: s.kind });
  }
  const eceOf = (kind: ConfidenceKind) => reliability(out.filter((s) => s.kind === kind)).ece;
  return { ...reliability(out), eceByKind: { model: eceOf('model'), rule: eceOf('rule') } };
}

export interface CalibrationReport {
  stances: Record<ConfidenceKind, number>;
  /** Nested reliability of each map: the raw probabilities, isotonic regression, Platt scaling (the shipped one). */
  nested: Record<keyof typeof FITS, ReturnType<typeof nestedReliability>>;
  file: CalibrationFile;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The shipped maps are fitted on the stances of the shipped sets' stories (so a held-out set stays unseen by them too);
 * the reported reliability is nested over every story.
 */
export function learnCalibration<S extends HeldOutStance>(stances: readonly S[], shipped: (s: S) => boolean, about: Record<string, unknown>): CalibrationReport {
  const nested = Object.fromEntries(Object.entries(FITS).map(([name, fit]) => [name, nestedReliability(stances, fit)])) as CalibrationReport['nested'];
  const maps = plattMaps(stances.filter(shipped));
  const file: CalibrationFile = {
    about: {
      maps: 'each stance\'s raw probability to the confidence shown, one Platt map per kind (model: the stance model\'s probability of the stance it gives; rule: for a reading of the rules the model lets stand, its probability of a position)',
      ...about,
      nestedEce: { raw: round(nested.raw.ece), isotonic: round(nested.isotonic.ece), platt: round(nested.platt.ece) },
    },
    model: { a: round(maps.model.a, 4), b: round(maps.model.b, 4) },
    rule: { a: round(maps.rule.a, 4), b: round(maps.rule.b, 4) },
  };
  const count = (k: ConfidenceKind) => stances.filter((s) => s.kind === k).length;
  return { stances: { model: count('model'), rule: count('rule') }, nested, file };
}

export function calibrationText(file: CalibrationFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}
