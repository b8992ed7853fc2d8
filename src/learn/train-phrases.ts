// Trains the proposal-phrase model: which noun phrases name a proposal, from the gold anchors; one model per story fold.
import { usePhraseModel } from '../analyze/phrases/phrases.js';
import { nounCandidates } from '../analyze/phrases/features.js';
import { LinearModel, type LinearModelFile } from '../analyze/decide/linear-model.js';
import { analysedUpTo, anchorSpans, type LabelledArticle } from './corpus.js';
import { trainLogistic, type Example } from './logistic.js';
import { prf } from './train-stances.js';

export interface PhraseTraining {
  /** The model trained without each story, for the held-out analysis of that story's articles. */
  folds: Map<string, LinearModelFile>;
  final: LinearModelFile;
  /** Held-out phrase decisions: precision, recall, F1 of phrases inside a gold anchor. */
  heldOut: { precision: number; recall: number; f1: number; candidates: number; positives: number };
}

const SETTINGS = { epochs: 6, rate: 0.1, l2: 1e-3 };
/** A phrase is a proposal when the model finds it more likely than not. */
const MIN_PROBABILITY = 0.5;

function examplesOf(item: LabelledArticle): Example[] {
  usePhraseModel(null);
  const doc = analysedUpTo(item.article, 'phrases');
  const spans = anchorSpans(doc.text, item.gold);
  const optional = new Set(item.gold.proposals.filter((p) => p.optional).map((p) => p.key));
  const out: Example[] = [];
  for (const c of nounCandidates(doc)) {
    let label = 0;
    for (const [key, list] of spans) {
      if (!list.some((s) => s.start < c.span.end && c.span.start < s.end)) continue;
      label = optional.has(key) ? -1 : 1;
      if (label === 1) break;
    }
    if (label >= 0) out.push({ features: c.features, label });
  }
  return out;
}

export function trainPhrases(items: readonly LabelledArticle[], shipped: (item: LabelledArticle) => boolean, seed: number, log: (line: string) => void): PhraseTraining {
  const byItem = items.map((item) => ({ story: item.story, shipped: shipped(item), examples: examplesOf(item) }));
  const stories = [...new Set(items.map((i) => i.story))].sort();
  const folds = new Map<string, LinearModelFile>();
  let tp = 0, fp = 0, fn = 0, candidates = 0, positives = 0;
  for (const story of stories) {
    const model = trainLogistic(byItem.filter((b) => b.story !== story).flatMap((b) => b.examples), { classes: ['other', 'proposal'], seed, ...SETTINGS });
    model.settings = { minProbability: MIN_PROBABILITY };
    folds.set(story, model);
    const m = new LinearModel(model);
    for (const b of byItem) {
      if (b.story !== story) continue;
      for (const e of b.examples) {
        const yes = m.probabilities(e.features)[1] >= MIN_PROBABILITY;
        candidates++;
        if (e.label === 1) positives++;
        if (yes && e.label === 1) tp++;
        else if (yes) fp++;
        else if (e.label === 1) fn++;
      }
    }
  }
  const heldOut = { ...prf(tp, fp, fn), candidates, positives };
  log(`phrases: ${candidates} noun phrases, ${positives} in a gold anchor; held out: precision ${heldOut.precision.toFixed(3)}, recall ${heldOut.recall.toFixed(3)}`);
  const final = trainLogistic(byItem.filter((b) => b.shipped).flatMap((b) => b.examples), {
    classes: ['other', 'proposal'], seed, ...SETTINGS,
    about: {
      decides: 'whether a noun phrase the trigger words missed names a proposal', command: 'npm run train', seed, ...SETTINGS,
      heldOut: { precision: Math.round(heldOut.precision * 1000) / 1000, recall: Math.round(heldOut.recall * 1000) / 1000 },
    },
  });
  final.settings = { minProbability: MIN_PROBABILITY };
  return { folds, final, heldOut };
}
