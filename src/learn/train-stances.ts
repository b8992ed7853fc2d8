// Trains the stance decision model: leave-one-story-out scores on every labelled set, then the model on all of them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { STANCE_CLASSES, useStanceModel } from '../analyze/decide/decide.js';
import { LinearModel, type LinearModelFile } from '../analyze/decide/linear-model.js';
import { analyze } from '../analyze/index.js';
import type { LabelledArticle } from './corpus.js';
import { usePhraseModel } from '../analyze/phrases/phrases.js';
import { trainLogistic } from './logistic.js';
import { examplesOf, pairsWithGold, type ArticlePairs } from './stance-data.js';

export interface StanceTrainingOptions {
  sets: string[];
  items: LabelledArticle[];
  /** The phrase model of each story's fold, used when that story's articles are analysed (cross-fitted). */
  phraseFolds: Map<string, LinearModelFile>;
  seed: number;
  epochs: number;
  /** Where the model is written (null: not written). */
  out: string | null;
  /** The official scorer (../shared/eval/score.mjs); null scores with the internal count only. */
  scorer: string | null;
  log: (line: string) => void;
}

export interface LayerScore { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }
export interface StanceTrainingReport {
  folds: number;
  examples: number;
  minProbability: number;
  minProbabilityPhrase: number;
  /** Leave-one-story-out, per set and all together, from the official scorer. */
  loso: Record<string, Record<string, LayerScore>>;
  calibration: { bins: { from: number; to: number; count: number; meanConfidence: number; accuracy: number }[]; ece: number };
  seconds: number;
}

const TRAIN = { rate: Number(process.env.SP_RATE ?? 0.1), l2: Number(process.env.SP_L2 ?? 1e-3) };
const LAYERS = ['proposals', 'stances', 'stance-holders'];

function trainOn(articles: readonly ArticlePairs[], options: StanceTrainingOptions, about: Record<string, unknown> = {}): LinearModelFile {
  return trainLogistic(examplesOf(articles), { classes: [...STANCE_CLASSES], epochs: options.epochs, seed: options.seed, ...TRAIN, about });
}

export function trainStances(options: StanceTrainingOptions): StanceTrainingReport {
  const started = Date.now();
  const { log } = options;
  const { items } = options;
  log(`stances: ${items.length} labelled articles in ${options.sets.length} sets; reading their candidate pairs`);
  useStanceModel(null);
  const articles = items.map((item) => {
    usePhraseModel(options.phraseFolds.get(item.story) ?? null);
    return pairsWithGold(item);
  });
  const stories = [...new Set(items.map((i) => i.story))].sort();
  log(`stances: ${articles.reduce((n, a) => n + a.pairs.length, 0)} pairs; ${stories.length} stories, one fold each`);
  // Held-out probabilities of every pair, for the threshold and the calibration table.
  const heldOut: { p: Float64Array; label: number; phrase: boolean }[] = [];
  const foldModels = new Map<string, LinearModelFile>();
  stories.forEach((story, n) => {
    const model = trainOn(articles.filter((a) => a.item.story !== story), options);
    foldModels.set(story, model);
    const m = new LinearModel(model);
    for (const a of articles) {
      if (a.item.story !== story) continue;
      a.pairs.forEach((p, i) => {
        const label = a.labels[i];
        if (label !== null && label >= 0) heldOut.push({ p: m.probabilities(p.features), label, phrase: p.features.includes('src:phrase') });
      });
    }
    if ((n + 1) % 10 === 0 || n + 1 === stories.length) log(`stances: fold ${n + 1}/${stories.length}`);
  });
  const minProbability = bestThreshold(heldOut.filter((h) => !h.phrase));
  const minProbabilityPhrase = bestThreshold(heldOut.filter((h) => h.phrase));
  const settings = { minProbability, minProbabilityPhrase };
  log(`stances: thresholds ${minProbability} (proposals named by trigger words), ${minProbabilityPhrase} (found as phrases): best pair-level F1 over the held-out folds`);
  // The official scores: each held-out article analysed whole with its fold's model.
  const loso: Record<string, Record<string, LayerScore>> = {};
  if (options.scorer) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-loso-'));
    try {
      for (const item of items) {
        const model = foldModels.get(item.story)!;
        useStanceModel({ ...model, settings });
        usePhraseModel(options.phraseFolds.get(item.story) ?? null);
        const dir = path.join(tmp, path.basename(item.set));
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${item.name}.json`), JSON.stringify(analyze(item.article).record));
      }
      const all: Record<string, LayerScore> = {};
      for (const set of options.sets) {
        const run = spawnSync(process.execPath, [options.scorer, '--gold', set, '--pred', path.join(tmp, path.basename(set)), '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
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
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  const calibration = calibrationTable(heldOut, settings);
  const final = trainOn(articles, options, {
    decides: 'the stance of each (party, proposal) pair of an article: none, support, oppose or undecided',
    command: 'npm run train', sets: options.sets.map((s) => path.basename(s)), seed: options.seed, epochs: options.epochs, ...TRAIN,
    examples: examplesOf(articles).length,
    loso: Object.fromEntries(Object.entries(loso).map(([set, layers]) => [path.basename(set), Object.fromEntries(Object.entries(layers).map(([l, s]) => [l, round(s.f1)]))])),
    ece: round(calibration.ece),
  });
  final.settings = settings;
  useStanceModel(null);
  usePhraseModel(null);
  if (options.out) fs.writeFileSync(options.out, `${JSON.stringify(final, null, 1)}\n`);
  return { folds: stories.length, examples: examplesOf(articles).length, minProbability, minProbabilityPhrase, loso, calibration, seconds: (Date.now() - started) / 1000 };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** The likeliest stance of a pair and its probability (class 0, none, when no stance is likely enough). */
function decision(p: Float64Array, minProbability: number): [number, number] {
  let best = 1;
  for (let c = 2; c < p.length; c++) if (p[c] > p[best]) best = c;
  return p[best] >= minProbability ? [best, p[best]] : [0, p[0]];
}

/** The threshold (0.10 … 0.96) with the best F1 of labelled pairs over the held-out predictions. */
function bestThreshold(heldOut: readonly { p: Float64Array; label: number }[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 10; t <= 96; t += 2) {
    let tp = 0, fp = 0, fn = 0;
    for (const { p, label } of heldOut) {
      const [c] = decision(p, t / 100);
      if (c !== 0 && c === label) tp++;
      else {
        if (c !== 0) fp++;
        if (label !== 0) fn++;
      }
    }
    const { f1 } = prf(tp, fp, fn);
    if (f1 > bestF1 + 1e-9) { bestF1 = f1; best = t / 100; }
  }
  return best;
}

/** Reliability of the stances the model gives (10 bins of confidence): how often the given label is right. */
function calibrationTable(heldOut: readonly { p: Float64Array; label: number; phrase: boolean }[], settings: { minProbability: number; minProbabilityPhrase: number }): StanceTrainingReport['calibration'] {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 0, meanConfidence: 0, accuracy: 0 }));
  let n = 0;
  for (const { p, label, phrase } of heldOut) {
    const [c, prob] = decision(p, phrase ? settings.minProbabilityPhrase : settings.minProbability);
    if (c === 0) continue;
    const b = bins[Math.min(9, Math.floor(prob * 10))];
    b.count++;
    b.meanConfidence += prob;
    b.accuracy += c === label ? 1 : 0;
    n++;
  }
  let ece = 0;
  for (const b of bins) {
    if (!b.count) continue;
    b.meanConfidence /= b.count;
    b.accuracy /= b.count;
    ece += (b.count / Math.max(1, n)) * Math.abs(b.meanConfidence - b.accuracy);
  }
  for (const b of bins) { b.meanConfidence = round(b.meanConfidence); b.accuracy = round(b.accuracy); }
  return { bins, ece };
}
