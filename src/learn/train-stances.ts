// Trains the decision models (which proposals, which stances): leave-one-story-out scores on every labelled set, then
// the models on all of them. Each story's articles are read with the phrase model trained without that story.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROPOSAL_CLASSES, SETTINGS, STANCE_CLASSES, givenStance, useDecisionModels, type DecisionSettings } from '../analyze/decide/decide.js';
import { LinearModel, type LinearModelFile } from '../analyze/decide/linear-model.js';
import { usePhraseModel } from '../analyze/phrases/phrases.js';
import { analyze } from '../analyze/index.js';
import { learnCalibration, type CalibrationReport, type HeldOutStance } from './calibrate.js';
import type { LabelledArticle } from './corpus.js';
import { trainLogistic } from './logistic.js';
import { decisionDoc, pairsWithGold, proposalExamples, stanceExamples, type ArticlePairs, type DecisionDoc } from './stance-data.js';

export interface StanceTrainingOptions {
  sets: string[];
  items: LabelledArticle[];
  /** The phrase model of each story's fold, used when that story's articles are analysed (cross-fitted). */
  phraseFolds: Map<string, LinearModelFile>;
  /** Whether an article trains the shipped models (the others are only scored, held out). */
  shipped: (item: LabelledArticle) => boolean;
  seed: number;
  epochs: number;
  /** The official scorer (../shared/eval/score.mjs); null: no official leave-one-story-out scores. */
  scorer: string | null;
  /** A folder to keep the held-out records in (one folder per set, as the scorer reads them); none: they are deleted. */
  keep?: string;
  log: (line: string) => void;
}

export interface LayerScore { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export interface StanceTrainingReport {
  folds: number;
  examples: { stances: number; proposals: number };
  settings: DecisionSettings;
  /** The thresholds that would give the best pair-level F1 on the held-out folds (for information). */
  tuned: DecisionSettings;
  /** Leave-one-story-out, per set and all together, from the official scorer. */
  loso: Record<string, Record<string, LayerScore>>;
  /** The confidence maps and the reliability of the stances given on held-out folds, before and after them. */
  calibration: CalibrationReport;
  stance: LinearModelFile;
  proposal: LinearModelFile;
  seconds: number;
}

const STANCE_TRAINING = { rate: 0.05, l2: 3e-3 };
const PROPOSAL_TRAINING = { rate: 0.1, l2: 1e-3 };
const LAYERS = ['proposals', 'stances', 'stance-holders'];

interface HeldOut { p: Float64Array; label: number; phrase: boolean; proposal: number; story: string; rule: number | null; shipped: boolean }

export function trainStances(options: StanceTrainingOptions): StanceTrainingReport {
  const started = Date.now();
  const { log, items, seed, epochs } = options;
  const stories = [...new Set(items.map((i) => i.story))].sort();
  log(`decisions: ${items.length} labelled articles, ${stories.length} stories; analysing each with its fold's phrase model`);
  useDecisionModels(null, null);
  const docs = items.map((item) => {
    usePhraseModel(options.phraseFolds.get(item.story) ?? null);
    return decisionDoc(item);
  });
  usePhraseModel(null);
  // 1. Proposals: one model per fold; every proposal gets its held-out probability.
  const proposalFolds = new Map<string, LinearModelFile>();
  const heldOutProposal = new Map<DecisionDoc, number[]>();
  const trainProposals = (from: readonly DecisionDoc[], about: Record<string, unknown> = {}) =>
    trainLogistic(proposalExamples(from), { classes: [...PROPOSAL_CLASSES], epochs, seed, ...PROPOSAL_TRAINING, about });
  for (const story of stories) {
    const model = trainProposals(docs.filter((d) => d.item.story !== story));
    proposalFolds.set(story, model);
    const m = new LinearModel(model);
    for (const d of docs) if (d.item.story === story) heldOutProposal.set(d, d.proposalFeatures.map((f) => m.probabilities(f)[1]));
  }
  // 2. Stances: pairs read with the held-out proposal probabilities; one model per fold.
  const articles = docs.map((d) => pairsWithGold(d, heldOutProposal.get(d)!));
  log(`decisions: ${articles.reduce((n, a) => n + a.pairs.length, 0)} pairs, ${proposalExamples(docs).length} proposals`);
  const trainStanceModel = (from: readonly ArticlePairs[], about: Record<string, unknown> = {}) =>
    trainLogistic(stanceExamples(from), { classes: [...STANCE_CLASSES], epochs, seed, ...STANCE_TRAINING, about });
  const stanceFolds = new Map<string, LinearModelFile>();
  const heldOut: HeldOut[] = [];
  stories.forEach((story, n) => {
    const model = trainStanceModel(articles.filter((a) => a.item.story !== story));
    stanceFolds.set(story, model);
    const m = new LinearModel(model);
    articles.forEach((a, ai) => {
      if (a.item.story !== story) return;
      const proposals = heldOutProposal.get(docs[ai])!;
      a.pairs.forEach((p, i) => {
        const label = a.labels[i];
        if (label !== null && label >= 0) heldOut.push({ p: m.probabilities(p.features), label, phrase: p.features.includes('src:phrase') || p.features.includes('src:clause'), proposal: proposals[p.proposal], story, rule: p.rules.length ? STANCE_CLASSES.indexOf(p.rules[0].stance) : null, shipped: options.shipped(a.item) });
      });
    });
    if ((n + 1) % 20 === 0 || n + 1 === stories.length) log(`decisions: fold ${n + 1}/${stories.length}`);
  });
  const settings = { ...SETTINGS };
  const tuned = chooseSettings(heldOut);
  log(`decisions: thresholds ${JSON.stringify(settings)}; best pair-level F1 over the held-out folds at ${JSON.stringify(tuned)}`);
  const loso = options.scorer ? officialScores(options, proposalFolds, stanceFolds, settings) : {};
  const shippedDocs = docs.filter((d) => options.shipped(d.item));
  const common = {
    command: 'npm run train', trainedOn: [...new Set(shippedDocs.map((d) => path.basename(d.item.set)))],
    scoredOn: options.sets.map((s) => path.basename(s)), seed, epochs,
  };
  const given = givenStances(heldOut, settings);
  const calibration = learnCalibration(given, (s) => s.shipped, common);
  const proposal = trainProposals(shippedDocs, { decides: 'whether a proposal found in an article is one it reports positions on', ...common, ...PROPOSAL_TRAINING });
  // The final stance model reads the proposals' held-out probabilities, as each fold's did (stacking).
  const stance = trainStanceModel(articles.filter((a) => options.shipped(a.item)), {
    decides: 'the stance of each (party, proposal) pair of an article: none, support, oppose or undecided', ...common, ...STANCE_TRAINING,
    loso: Object.fromEntries(Object.entries(loso).map(([set, layers]) => [path.basename(set), Object.fromEntries(Object.entries(layers).map(([l, s]) => [l, round(s.f1)]))])),
    ece: round(calibration.nested.raw.ece),
  });
  stance.settings = { ...settings };
  useDecisionModels(null, null);
  return {
    folds: stories.length, examples: { stances: stanceExamples(articles).length, proposals: proposalExamples(docs).length },
    settings, tuned, loso, calibration, stance, proposal, seconds: (Date.now() - started) / 1000,
  };
}

/** Each held-out article analysed whole with its fold's models, scored by the official scorer per set and together. */
function officialScores(
  options: StanceTrainingOptions, proposalFolds: Map<string, LinearModelFile>, stanceFolds: Map<string, LinearModelFile>, settings: DecisionSettings,
): Record<string, Record<string, LayerScore>> {
  const loso: Record<string, Record<string, LayerScore>> = {};
  const tmp = options.keep ? path.resolve(options.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-loso-'));
  try {
    for (const item of options.items) {
      useDecisionModels({ ...stanceFolds.get(item.story)!, settings: { ...settings } }, proposalFolds.get(item.story)!);
      usePhraseModel(options.phraseFolds.get(item.story) ?? null);
      const dir = path.join(tmp, path.basename(item.set));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${item.name}.json`), JSON.stringify(analyze(item.article).record));
    }
    const all: Record<string, LayerScore> = {};
    for (const set of options.sets) {
      const run = spawnSync(process.execPath, [options.scorer!, '--gold', set, '--pred', path.join(tmp, path.basename(set)), '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const layers = (JSON.parse(run.stdout) as { layers: Record<string, LayerScore> }).layers;
      loso[set] = Object.fromEntries(Object.entries(layers).filter(([k]) => LAYERS.includes(k)));
      for (const layer of LAYERS) {
        const s = layers[layer];
        if (!s) continue;
        const a = (all[layer] ??= { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 });
        a.tp += s.tp; a.fp += s.fp; a.fn += s.fn;
      }
    }
    for (const s of Object.values(all)) Object.assign(s, prf(s.tp, s.fp, s.fn));
    loso.all = all;
  } finally {
    if (!options.keep) fs.rmSync(tmp, { recursive: true, force: true });
    useDecisionModels(null, null);
    usePhraseModel(null);
  }
  return loso;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function pairF1(heldOut: readonly HeldOut[], s: DecisionSettings): number {
  let tp = 0, fp = 0, fn = 0;
  for (const h of heldOut) {
    const c = givenStance(h.p, h.rule, h.phrase, h.proposal, s)?.label ?? 0;
    if (c !== 0 && c === h.label) tp++;
    else {
      if (c !== 0) fp++;
      if (h.label !== 0) fn++;
    }
  }
  return prf(tp, fp, fn).f1;
}

/** The thresholds with the best pair-level F1 over the held-out predictions (a grid, coordinate by coordinate). */
function chooseSettings(heldOut: readonly HeldOut[]): DecisionSettings {
  const s: DecisionSettings = { ...SETTINGS };
  const grids: Record<keyof DecisionSettings, number[]> = {
    minProbability: range(0.1, 0.9, 0.02), minProbabilityPhrase: range(0.1, 0.96, 0.02), minProposal: range(0, 0.8, 0.05),
    sureProposal: range(0.5, 1, 0.05), minProbabilitySure: range(0.1, 0.9, 0.02),
  };
  for (let round = 0; round < 2; round++) {
    for (const key of Object.keys(grids) as (keyof DecisionSettings)[]) {
      let best = s[key];
      let bestF1 = -1;
      for (const v of grids[key]) {
        const f1 = pairF1(heldOut, { ...s, [key]: v });
        if (f1 > bestF1 + 1e-9) { bestF1 = f1; best = v; }
      }
      s[key] = best;
    }
  }
  return s;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
  return out;
}

/** The stances given on the held-out folds (as decide.ts gives them), and whether each is the gold one. */
function givenStances(heldOut: readonly HeldOut[], settings: DecisionSettings): (HeldOutStance & { shipped: boolean })[] {
  const out: (HeldOutStance & { shipped: boolean })[] = [];
  for (const h of heldOut) {
    const g = givenStance(h.p, h.rule, h.phrase, h.proposal, settings);
    if (g) out.push({ story: h.story, kind: g.kind, raw: g.raw, right: g.label === h.label, shipped: h.shipped });
  }
  return out;
}
