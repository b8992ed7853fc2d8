// Tests of learning the confidence maps and measuring calibration, on invented held-out stances.
import { describe, expect, it } from 'vitest';
import { applyPlatt } from '../analyze/decide/calibration.js';
import { FITS, fitIsotonic, fitPlatt, isotonicAt, learnCalibration, nestedReliability, reliability, type HeldOutStance } from './calibrate.js';

/** n stances at raw probability `raw`, `right` of them right. */
function at(raw: number, n: number, right: number, extra: Partial<HeldOutStance> = {}): HeldOutStance[] {
  return Array.from({ length: n }, (_, i) => ({ story: `S${i % 5}`, kind: 'model' as const, raw, right: i < right, ...extra }));
}

describe('reliability', () => {
  it('bins the confidences by tenths and weighs each bin\'s gap by its count', () => {
    const stances = [
      ...Array.from({ length: 4 }, (_, i) => ({ confidence: 0.95, right: i < 3 })), // 0.95 said, 0.75 right
      ...Array.from({ length: 6 }, (_, i) => ({ confidence: 0.55, right: i < 3 })), // 0.55 said, 0.5 right
    ];
    const r = reliability(stances);
    expect(r.bins[9]).toMatchObject({ count: 4, accuracy: 0.75 });
    expect(r.bins[9].meanConfidence).toBeCloseTo(0.95, 9);
    expect(r.bins[5]).toMatchObject({ count: 6, accuracy: 0.5 });
    expect(r.ece).toBeCloseTo(0.4 * 0.2 + 0.6 * 0.05, 9);
    expect(r.brier).toBeCloseTo((3 * 0.05 ** 2 + 0.95 ** 2 + 3 * 0.45 ** 2 + 3 * 0.55 ** 2) / 10, 9);
  });

  it('puts a confidence of 1 in the last bin', () => {
    expect(reliability([{ confidence: 1, right: true }]).bins[9].count).toBe(1);
  });
});

describe('Platt scaling', () => {
  it('learns to pull overconfident probabilities down', () => {
    // Said 0.9, right 0.6 of the time; said 0.6, right 0.5 of the time.
    const map = fitPlatt([...at(0.9, 100, 60), ...at(0.6, 100, 50)]);
    expect(applyPlatt(map, 0.9)).toBeCloseTo(0.6, 1);
    expect(applyPlatt(map, 0.6)).toBeCloseTo(0.5, 1);
    expect(map.a).toBeGreaterThan(0);
    expect(map.a).toBeLessThan(1);
  });

  it('stays finite when every stance is right, and is the identity with no stances', () => {
    const map = fitPlatt(at(0.8, 20, 20));
    expect(Number.isFinite(map.a) && Number.isFinite(map.b)).toBe(true);
    expect(applyPlatt(map, 0.8)).toBeGreaterThan(0.9);
    expect(applyPlatt(map, 0.8)).toBeLessThan(1);
    expect(fitPlatt([])).toEqual({ a: 1, b: 0 });
  });
});

describe('isotonic regression', () => {
  it('pools the violators into non-decreasing blocks and reads between them', () => {
    const points = fitIsotonic([
      { raw: 0.2, right: false }, { raw: 0.4, right: true }, { raw: 0.5, right: false }, { raw: 0.8, right: true }, { raw: 0.8, right: false },
    ]);
    // 0.4 (right) and 0.5 (wrong) pool at 0.45 → 0.5; the two at 0.8 pool → 0.5, and pool again with the block before.
    expect(points[0]).toEqual([0.2, 0]);
    expect(points).toHaveLength(2);
    expect(points[1][0]).toBeCloseTo(0.625, 9);
    expect(points[1][1]).toBeCloseTo(0.5, 9);
    expect(isotonicAt(points, 0.1)).toBe(0);
    expect(isotonicAt(points, 0.9)).toBe(0.5);
    expect(isotonicAt(points, 0.4125)).toBeCloseTo(0.25, 9);
  });
});

describe('nested calibration', () => {
  const stances = [...at(0.95, 200, 120), ...at(0.55, 200, 100), ...at(0.9, 100, 90, { kind: 'rule' }), ...at(0.3, 100, 60, { kind: 'rule' })];

  it('measures each story with the map fitted on the others, and calibrating lowers the error', () => {
    const raw = nestedReliability(stances, FITS.raw);
    const platt = nestedReliability(stances, FITS.platt);
    expect(raw.ece).toBeGreaterThan(0.1);
    expect(platt.ece).toBeLessThan(raw.ece / 3);
    expect(platt.brier).toBeLessThan(raw.brier);
  });

  it('fits the shipped maps on the shipped stories only, a map per kind', () => {
    const all = learnCalibration(stances, () => true, {});
    // The rules' readings at 0.3 are right 0.6 of the time: their map lifts them; the model's map pulls 0.95 down.
    expect(applyPlatt(all.file.rule, 0.3)).toBeGreaterThan(0.5);
    expect(applyPlatt(all.file.model, 0.95)).toBeLessThan(0.7);
    expect(all.stances).toEqual({ model: 400, rule: 200 });
    const some = learnCalibration(stances, (s) => s.story !== 'S0', {});
    expect(some.file.model).not.toEqual(all.file.model);
    expect(some.nested.platt.ece).toBe(all.nested.platt.ece); // the nested measure is over every story either way
  });
});
