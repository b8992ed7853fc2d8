// Turns labelled articles into examples of the two decisions: is this proposal one the article reports positions on,
// and what is this party's stance on it.
import type { Doc } from '../analyze/doc.js';
import { pairsOf, type Pair } from '../analyze/decide/pairs.js';
import { proposalFeatures } from '../analyze/decide/proposal-features.js';
import { STANCE_CLASSES } from '../analyze/decide/decide.js';
import { anchorSpans, analysedUpTo, goldKeyOf, type LabelledArticle } from './corpus.js';
import type { Example } from './logistic.js';

/** An article analysed up to the decisions, with the gold key each of its proposals stands for. */
export interface DecisionDoc {
  item: LabelledArticle;
  doc: Doc;
  goldKeys: (string | null)[];
  /** Per proposal: 1 when it stands for a gold proposal, 0 when for none, null for an optional one (not trained on). */
  proposalLabels: (number | null)[];
  proposalFeatures: string[][];
}

export interface ArticlePairs {
  item: LabelledArticle;
  pairs: Pair[];
  /** Per pair: the gold proposal key it stands for (null: none), and its label (null: optional, not trained on). */
  goldKeys: (string | null)[];
  labels: (number | null)[];
}

export function decisionDoc(item: LabelledArticle): DecisionDoc {
  const doc = analysedUpTo(item.article, 'decide');
  const spans = anchorSpans(doc.text, item.gold);
  const optional = new Set(item.gold.proposals.filter((p) => p.optional).map((p) => p.key));
  const goldKeys = doc.proposals.map((p) => goldKeyOf(p.mentions, spans));
  const proposalLabels = goldKeys.map((k) => (k === null ? 0 : optional.has(k) ? null : 1));
  return { item, doc, goldKeys, proposalLabels, proposalFeatures: proposalFeatures(doc) };
}

/** The candidate pairs of an article, labelled from its gold file the way the scorer matches them. */
export function pairsWithGold(d: DecisionDoc, proposalProbabilities: readonly number[] | null): ArticlePairs {
  const { item, doc } = d;
  const pairs = pairsOf(doc, proposalProbabilities);
  const optionalProposals = new Set(item.gold.proposals.filter((p) => p.optional).map((p) => p.key));
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
    const key = d.goldKeys[pair.proposal];
    goldKeys.push(key);
    const k = `${pair.holderKey}|${key}`;
    const label = key === null ? 'none' : goldLabel.get(k) ?? (optional.has(k) ? null : 'none');
    labels.push(label === null ? null : STANCE_CLASSES.indexOf(label as (typeof STANCE_CLASSES)[number]));
  }
  return { item, pairs, goldKeys, labels };
}

export function stanceExamples(articles: readonly ArticlePairs[]): Example[] {
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

export function proposalExamples(docs: readonly DecisionDoc[]): Example[] {
  const out: Example[] = [];
  for (const d of docs) d.proposalFeatures.forEach((features, i) => {
    const label = d.proposalLabels[i];
    if (label !== null) out.push({ features, label });
  });
  return out;
}
