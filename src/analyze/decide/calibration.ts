// The confidence a stance is shown with: the decision's raw probability mapped so that, on stories the models had not
// seen, stances shown at confidence c were right about c of the time (Platt scaling, one map per kind of decision).
import file from './calibration.json' with { type: 'json' };

/**
 * Which number a stance's confidence starts from: the stance model's probability of the stance it gives ('model'), or,
 * for a reading of the rules the model lets stand, the model's probability that the pair takes a position ('rule').
 * The two mean different things and are calibrated apart.
 */
export type ConfidenceKind = 'model' | 'rule';

/** confidence = 1 / (1 + exp(−(a · logit(raw) + b))); a = 1, b = 0 leaves the raw probability as it is. */
export interface PlattMap { a: number; b: number }

export interface CalibrationFile {
  /** How the maps were learned (command, data) and the calibration error before and after, on held-out stories. */
  about: Record<string, unknown>;
  model: PlattMap;
  rule: PlattMap;
}

export const IDENTITY: PlattMap = { a: 1, b: 0 };

/** Probabilities this close to 0 or 1 are read as that bound, so the map stays finite. */
const EDGE = 1e-6;

export const logit = (p: number): number => {
  const q = Math.min(1 - EDGE, Math.max(EDGE, p));
  return Math.log(q / (1 - q));
};

export function applyPlatt(map: PlattMap, raw: number): number {
  return 1 / (1 + Math.exp(-(map.a * logit(raw) + map.b)));
}

let current: CalibrationFile | null = file as CalibrationFile;

/** Replaces the shipped maps; null shows the raw probabilities. */
export function useCalibration(maps: CalibrationFile | null): void {
  current = maps;
}

export function calibratedConfidence(kind: ConfidenceKind, raw: number): number {
  return current ? applyPlatt(current[kind], raw) : raw;
}
