// Tests of the confidence maps on invented numbers: the identity, the direction of a map, and switching maps.
import { afterEach, describe, expect, it } from 'vitest';
import { IDENTITY, applyPlatt, calibratedConfidence, useCalibration, type CalibrationFile } from './calibration.js';
import shipped from './calibration.json' with { type: 'json' };

afterEach(() => useCalibration(shipped as CalibrationFile));

describe('confidence maps', () => {
  it('leaves a probability as it is under the identity, and keeps the extremes finite', () => {
    for (const p of [0.05, 0.5, 0.73, 0.99]) expect(applyPlatt(IDENTITY, p)).toBeCloseTo(p, 9);
    expect(applyPlatt(IDENTITY, 1)).toBeLessThan(1);
    expect(applyPlatt(IDENTITY, 0)).toBeGreaterThan(0);
  });

  it('pulls an overconfident model\'s probabilities towards the middle with a slope below 1, keeping their order', () => {
    const map = { a: 0.5, b: 0 };
    expect(applyPlatt(map, 0.9)).toBeCloseTo(0.75, 9); // logit 0.9 = ln 9; half of it is ln 3
    expect(applyPlatt(map, 0.1)).toBeCloseTo(0.25, 9);
    expect(applyPlatt(map, 0.99)).toBeGreaterThan(applyPlatt(map, 0.9));
    expect(applyPlatt({ a: 1, b: Math.log(3) }, 0.5)).toBeCloseTo(0.75, 9);
  });

  it('maps each kind of confidence with its own map, and shows the raw probability without maps', () => {
    useCalibration({ about: {}, model: { a: 0.5, b: 0 }, rule: { a: 1, b: Math.log(3) } });
    expect(calibratedConfidence('model', 0.9)).toBeCloseTo(0.75, 9);
    expect(calibratedConfidence('rule', 0.5)).toBeCloseTo(0.75, 9);
    useCalibration(null);
    expect(calibratedConfidence('model', 0.9)).toBe(0.9);
  });

  it('ships maps that keep the order of the probabilities (a positive slope per kind)', () => {
    const file = shipped as CalibrationFile;
    expect(file.model.a).toBeGreaterThan(0);
    expect(file.rule.a).toBeGreaterThan(0);
  });
});
