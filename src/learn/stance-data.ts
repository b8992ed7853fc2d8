// Turns labelled articles into stance examples: every candidate (party, proposal) pair with its gold label.
import { pairsOf, type Pair } from '../analyze/decide/pairs.js';
import { STANCE_CLASSES } from '../analyze/decide/decide.js';
import { anchorSpans, analysedUpTo, goldKeyOf, type LabelledArticle } from './corpus.js';
import type { Example } from './logistic.js';

export interface ArticlePairs {
  item: LabelledArticle;
  pairs: Pair[];
  /** Per pair: the gold proposal key it stands for (null: none), and its label (null: optional, not trained on). */
  goldKeys: (string | null)[];
  labels: (number | null)[];
}

/** The candidate pairs of an article, labelled from its gold file the way the scorer matches them. */
export function pairsWithGold(item: LabelledArticle): ArticlePairs {
  const doc = analysedUpTo(item.article, 'decide');
  const pairs = pairsOf(doc);
  const spans = anchorSpans(doc.text, item.gold);
  const optionalProposals = new Set(item.gold.proposals.filter((p) => p.optional).map((p) => p.key));
  const keyOf = doc.proposals.map((p) => goldKeyOf(p.mentions, spans));
  const goldLabel = new Map<string, string>();
  const optional = new Set<string>();
  for (const s of item.gold.stances) {
    const k = `${s.holder}|${s.proposal}`;
    if (s.optional || optionalProposals.has(s.proposal)) optional.add(k);
    else if (!goldLabel.has(k)) goldLabel.set(k, s.stance);
  }
  const goldKeys: (string | null)[] = [];
  const labels: (number | null)[] = [];
  for (const pair of pairs) {
    const key = keyOf[pair.proposal];
    goldKeys.push(key);
    const k = `${pair.holderKey}|${key}`;
    const label = key === null ? 'none' : goldLabel.get(k) ?? (optional.has(k) ? null : 'none');
    labels.push(label === null ? null : STANCE_CLASSES.indexOf(label as (typeof STANCE_CLASSES)[number]));
  }
  return { item, pairs, goldKeys, labels };
}

export function examplesOf(articles: readonly ArticlePairs[]): Example[] {
  const out: Example[] = [];
  for (const a of articles) {
    a.pairs.forEach((p, i) => {
      const label = a.labels[i];
      if (label === null || label < 0) return;
      out.push({ features: p.features, label });
    });
  }
  return out;
}
