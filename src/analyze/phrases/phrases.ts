// Stage: noun phrases that name a proposal the trigger words missed ("the levy", "a fast-track procedure"), found by a
// learned model over each noun and its context, grouped by their head word and added to the proposals.
import { objectList, type Doc, type Proposal } from '../doc.js';
import type { Span } from '../record.js';
import type { Stage } from '../stage.js';
import { slugify } from '../slug.js';
import { LinearModel, softmax, type LinearModelFile } from '../decide/linear-model.js';
import { scoredCandidates, singular, type ScoredCandidate } from './features.js';
import { cosine, phraseVector } from '../vectors/vectors.js';
import file from './phrase-model.json' with { type: 'json' };

const DEFAULT_MIN_PROBABILITY = 0.5;
const FOUND_HERE = new WeakMap<Proposal, number>();
/** True for a proposal this stage made (no trigger word named it). */
export const foundByPhrase = (p: Proposal): boolean => FOUND_HERE.has(p);
/** The model's probability for the likeliest phrase of a proposal this stage made; null for the others. */
export const phraseProbability = (p: Proposal): number | null => FOUND_HERE.get(p) ?? null;
let model: LinearModel | null = null;
let minProbability = DEFAULT_MIN_PROBABILITY;
let loaded = false;

/** Replaces the shipped model (training and held-out evaluation use this); null adds no phrase. */
export function usePhraseModel(next: LinearModelFile | null): void {
  model = next && next.classes.length ? new LinearModel(next) : null;
  minProbability = next?.settings?.minProbability ?? DEFAULT_MIN_PROBABILITY;
  loaded = true;
}

function current(): LinearModel | null {
  if (!loaded) usePhraseModel(file as LinearModelFile);
  return model;
}

export const phrases: Stage = {
  name: 'phrases',
  reads: ['tokens', 'sentences', 'actors', 'quotes', 'proposals'],
  adds: ['proposals'],
  run(doc: Doc) {
    const m = current();
    if (!m) return;
    const found: ScoredCandidate[] = [];
    const probability = new Map<ScoredCandidate, number>();
    for (const c of scoredCandidates(doc, m)) {
      const p = softmax(c.scores)[1];
      if (p < minProbability) continue;
      found.push(c);
      probability.set(c, p);
    }
    addPhrases(doc, found, probability);
  },
};

/** How alike a phrase and a proposal's name must be (cosine of their phrase vectors) for the phrase to restate it. */
export const RESTATES_AT = 0.5;

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? [];

/**
 * Groups the phrases by head word: a group joins the proposal whose mentions end in that word, or the proposal its
 * phrases restate in other words ("the troops" of a reassurance force); else it makes a new proposal.
 */
function addPhrases(doc: Doc, found: ScoredCandidate[], probability: Map<ScoredCandidate, number>): void {
  const byHead = new Map<string, ScoredCandidate[]>();
  for (const c of found) {
    const list = byHead.get(c.head) ?? [];
    list.push(c);
    byHead.set(c.head, list);
  }
  // Mentions' head words and proposals' phrase vectors, each worked out once for all the groups.
  const heads = new Map<Span, string>();
  const headOfMention = (m: Span): string => {
    let h = heads.get(m);
    if (h === undefined) { h = headWord(doc.text.slice(m.start, m.end)); heads.set(m, h); }
    return h;
  };
  const vectors = new Map<Proposal, Float32Array | null>();
  for (const [head, list] of byHead) {
    const spans = list.map((c) => c.span);
    const existing = doc.proposals.find((p) => p.mentions.some((m) => headOfMention(m) === head));
    const restated = existing ?? restatedProposal(doc, list, vectors);
    if (restated) {
      for (const s of spans) if (!restated.mentions.some((m) => m.start < s.end && s.start < m.end)) restated.mentions.push(s);
      continue;
    }
    const lead = list.reduce((a, b) => (b.span.end - b.span.start > a.span.end - a.span.start ? b : a));
    const summary = doc.text.slice(lead.span.start, lead.span.end).replace(/\s+/g, ' ').replace(/^(the|a|an) /i, '');
    let key = slugify(summary) || slugify(head) || 'proposal';
    for (let n = 2; doc.proposals.some((p) => p.key === key); n++) key = `${key.replace(/-\d+$/, '')}-${n}`;
    const mentions = objectList<Span>();
    for (const s of spans.sort((a, b) => a.start - b.start)) mentions.push(s);
    const p: Proposal = { summary, key, proposer: null, body: null, mentions };
    FOUND_HERE.set(p, Math.max(...list.map((c) => probability.get(c) ?? 0)));
    doc.proposals.push(p);
  }
}

/** The proposal (named by trigger words) that some phrase of the group restates, by the meaning of their words. */
function restatedProposal(doc: Doc, list: ScoredCandidate[], vectors: Map<Proposal, Float32Array | null>): Proposal | null {
  let best: Proposal | null = null;
  let bestSimilarity = RESTATES_AT;
  for (const c of list) {
    const v = phraseVector(wordsOf(doc.text.slice(c.span.start, c.span.end)));
    if (!v) continue;
    for (const p of doc.proposals) {
      if (FOUND_HERE.has(p)) continue;
      let pv = vectors.get(p);
      if (pv === undefined) { pv = phraseVector(wordsOf(p.summary)); vectors.set(p, pv); }
      const similarity = pv ? cosine(v, pv) : 0;
      if (similarity >= bestSimilarity) { bestSimilarity = similarity; best = p; }
    }
  }
  return best;
}

/** The head word of a phrase: its last word, lower case, a plural -s dropped. */
export function headWord(phrase: string): string {
  const words = phrase.toLowerCase().match(/[\p{L}\p{N}'-]+/gu) ?? [];
  return singular(words[words.length - 1] ?? '');
}
