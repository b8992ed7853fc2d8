// Tests of the logistic trainer: it learns what the features say, the same way on every run.
import { describe, expect, it } from 'vitest';
import { LinearModel } from '../analyze/decide/linear-model.js';
import { seeded, trainLogistic, type Example } from './logistic.js';

/** Three classes, each told by one word, with noise words shared by all. */
function toyExamples(n: number): Example[] {
  const random = seeded(7);
  const out: Example[] = [];
  for (let i = 0; i < n; i++) {
    const label = Math.floor(random() * 3);
    out.push({ features: ['bias', `cue:${['none', 'yes', 'no'][label]}`, `noise:${Math.floor(random() * 5)}`], label });
  }
  return out;
}

describe('trainLogistic', () => {
  it('learns the class each cue tells, with probabilities that sum to one', () => {
    const model = new LinearModel(trainLogistic(toyExamples(300), { classes: ['none', 'yes', 'no'], epochs: 5 }));
    for (const [cue, want] of [['none', 0], ['yes', 1], ['no', 2]] as const) {
      const p = model.probabilities(['bias', `cue:${cue}`, 'noise:3']);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(p.indexOf(Math.max(...p))).toBe(want);
      expect(p[want]).toBeGreaterThan(0.8);
    }
  });

  it('gives the same weights on every run with the same seed, and others with another seed', () => {
    const a = trainLogistic(toyExamples(200), { classes: ['none', 'yes', 'no'], seed: 3 });
    const b = trainLogistic(toyExamples(200), { classes: ['none', 'yes', 'no'], seed: 3 });
    const c = trainLogistic(toyExamples(200), { classes: ['none', 'yes', 'no'], seed: 4 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('leaves out features whose weights stay near zero', () => {
    const examples: Example[] = [...toyExamples(100), { features: ['bias', 'rare'], label: 0, weight: 1e-9 }];
    const file = trainLogistic(examples, { classes: ['none', 'yes', 'no'], prune: 1e-3 });
    expect(file.weights['cue:yes']).toBeDefined();
    expect(file.weights.rare).toBeUndefined();
  });

  it('refuses a model file whose weights do not match its classes', () => {
    expect(() => new LinearModel({ about: {}, classes: ['a', 'b'], weights: { x: [1, 2, 3] } })).toThrow(/3 weights for 2 classes/);
  });
});
