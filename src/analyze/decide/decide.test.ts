// Tests of the learned decision stage on invented texts: the pairs and their features, and what a model decides.
import { afterEach, describe, expect, it } from 'vitest';
import { proposals } from '../proposals/proposals.js';
import { docWith, type FixtureActor } from '../stances/fixture.js';
import { stances } from '../stances/stances.js';
import { usePhraseModel } from '../phrases/phrases.js';
import { applyPlatt, useCalibration, type CalibrationFile } from './calibration.js';
import shippedCalibration from './calibration.json' with { type: 'json' };
import { SETTINGS, decide, givenStance, useDecisionModels } from './decide.js';
import type { LinearModelFile } from './linear-model.js';
import { pairsOf } from './pairs.js';

const ACTORS: FixtureActor[] = [
  { key: 'country:NOR', name: 'Norway' },
  { key: 'country:AUT', name: 'Austria' },
  { key: 'country:IRL', name: 'Ireland' },
  { key: 'person:jo-smith', name: 'Jo Smith', kind: 'person', represents: 'country:IRL' },
];
const TEXT = 'Norway rejected the proposed arms embargo on Monday. Austria, Ireland and Portugal welcomed the embargo. The weather was mild.';

function analysed(text = TEXT) {
  usePhraseModel(null);
  const doc = docWith(text, ACTORS);
  proposals.run(doc);
  stances.run(doc);
  return doc;
}

const model = (weights: Record<string, number[]>, minProbability = 0.5): LinearModelFile => ({
  about: {}, classes: ['none', 'support', 'oppose', 'undecided'], weights, settings: { minProbability },
});

afterEach(() => { useDecisionModels(null, null); usePhraseModel(null); useCalibration(shippedCalibration as CalibrationFile); });

describe('pairsOf', () => {
  it('gives one pair per party and proposal, a person counted for whom they speak for', () => {
    const doc = analysed();
    const pairs = pairsOf(doc);
    expect(doc.proposals).toHaveLength(1);
    expect(pairs.map((p) => p.holderKey).sort()).toEqual(['country:AUT', 'country:IRL', 'country:NOR']);
  });

  it('marks a party named as the agent or possessor of the proposal, and the words before its name', () => {
    usePhraseModel(null);
    const doc = docWith('The arms embargo drew condemnation from Norway. Austria\'s embargo plan was debated.', ACTORS);
    proposals.run(doc);
    const pairs = pairsOf(doc);
    const of = (key: string) => pairs.find((p) => p.holderKey === key)?.features ?? [];
    expect(of('country:NOR')).toContain('hl:condemnation');
    expect(of('country:NOR')).toContain('agent:from');
    expect(of('country:AUT')).toContain('poss');
    expect(of('country:NOR')).not.toContain('poss');
  });

  it('reads the verb each party is the subject of, past a list of names, and the rules\' readings', () => {
    const pairs = pairsOf(analysed());
    const of = (key: string) => pairs.find((p) => p.holderKey === key)!.features;
    expect(of('country:NOR')).toContain('hv:rejected');
    expect(of('country:NOR')).toContain('r:oppose');
    expect(of('country:IRL')).toContain('hv:welcomed');
    expect(of('country:AUT')).not.toContain('hv:rejected');
  });
});

describe('decide', () => {
  it('gives each pair the stance the model finds likely enough, with the sentence as evidence', () => {
    const doc = analysed();
    useDecisionModels(model({ bias: [2, 0, 0, 0], 'hv:rejected': [0, 0, 4, 0], 'hv:welcomed': [0, 4, 0, 0] }), null);
    decide.run(doc);
    const got = doc.stances.map((s) => `${doc.actors[s.holder].key} ${s.stance}`).sort();
    expect(got).toEqual(['country:AUT support', 'country:IRL support', 'country:NOR oppose']);
    const nor = doc.stances.find((s) => doc.actors[s.holder].key === 'country:NOR')!;
    expect(doc.text.slice(nor.evidence.start, nor.evidence.end)).toContain('Norway rejected');
    expect(nor.confidence).toBeGreaterThan(0.5);
    expect(nor.confidence).toBeLessThan(1);
  });

  it('shows the calibrated confidence, while the raw probabilities decide which stances are given', () => {
    const weights = { bias: [0.4, 0, 0, 0], 'hv:rejected': [0, 0, 1, 0], 'hv:welcomed': [0, 1, 0, 0] };
    const run = (maps: CalibrationFile | null) => {
      useCalibration(maps);
      useDecisionModels(model(weights), null);
      const doc = analysed();
      decide.run(doc);
      return doc.stances.map((s) => ({ who: doc.actors[s.holder].key, stance: s.stance, confidence: s.confidence }));
    };
    const raw = run(null);
    // A map that would put every confidence below the threshold gives the same stances, only lower confidences.
    const low = { a: 0.5, b: -2 };
    const mapped = run({ about: {}, model: low, rule: low });
    expect(raw.length).toBeGreaterThan(0);
    expect(mapped.map((s) => `${s.who} ${s.stance}`)).toEqual(raw.map((s) => `${s.who} ${s.stance}`));
    mapped.forEach((s, i) => {
      expect(s.confidence).toBeLessThan(0.5);
      expect(s.confidence).toBeCloseTo(applyPlatt(low, raw[i].confidence), 2);
    });
  });

  it('lowers the bar for a stance only on a proposal a trigger word named that the proposal model is sure of', () => {
    const p = Float64Array.from([0.6, 0.35, 0.05, 0]); // support at 0.35: below the usual bar, above the sure one
    expect(givenStance(p, null, false, 0.6, SETTINGS)).toBeNull();
    expect(givenStance(p, null, false, 0.9, SETTINGS)).toMatchObject({ label: 1, kind: 'model' });
    expect(givenStance(p, null, true, 0.9, SETTINGS)).toBeNull(); // found only as a phrase: the usual bar
    expect(givenStance(p, null, false, null, SETTINGS)).toBeNull(); // no proposal model: the usual bar
    expect(givenStance(p, null, false, 0.4, { ...SETTINGS, minProbability: 0.1 })).toBeNull(); // not a proposal
    expect(givenStance(p, 2, false, 0.1, SETTINGS)).toMatchObject({ label: 2, kind: 'rule' }); // a rule reading stands
  });

  it('drops the proposals nobody takes a position on', () => {
    const doc = analysed();
    useDecisionModels(model({ bias: [5, 0, 0, 0] }), null);
    decide.run(doc);
    expect(doc.stances).toHaveLength(0);
    expect(doc.proposals).toHaveLength(0);
  });

  it('keeps the rules\' readings when no model is loaded', () => {
    const doc = analysed();
    const before = doc.stances.map((s) => `${s.holder} ${s.proposal} ${s.stance}`);
    useDecisionModels(null, null);
    decide.run(doc);
    expect(doc.stances.map((s) => `${s.holder} ${s.proposal} ${s.stance}`)).toEqual(before);
    expect(doc.stances.length).toBeGreaterThan(0);
  });
});
