// Attachment scores, CoNLL 2018 style: every word counts, punctuation included; LAS compares the universal relation
// (the part before ':'), full LAS the whole label.
import { GreedyParser, type Weights } from '../../analyze/parse/decode.js';
import type { TreebankSentence } from './treebank.js';

export interface Scores {
  words: number;
  sentences: number;
  uas: number;
  las: number;
  lasFull: number;
  /** Sentences parsed per second (this thread, parse only). */
  perSecond: number;
}

const universal = (rel: string) => { const k = rel.indexOf(':'); return k < 0 ? rel : rel.slice(0, k); };

/** Parses the sentences with their wink-nlp tags (or the treebank's, with `goldTags`) and scores the trees. */
export function score(weights: Weights, sentences: readonly TreebankSentence[], options: { goldTags?: boolean } = {}): Scores {
  const parser = new GreedyParser(weights);
  let words = 0;
  let heads = 0;
  let labelled = 0;
  let full = 0;
  let ms = 0;
  for (const s of sentences) {
    const t0 = performance.now();
    const parsed = parser.parse(s.forms, options.goldTags ? s.goldTags : s.tags);
    ms += performance.now() - t0;
    for (let i = 1; i <= s.forms.length; i++) {
      words++;
      if (parsed.heads[i] !== s.heads[i]) continue;
      heads++;
      const rel = weights.labels[parsed.labels[i]];
      if (universal(rel) === universal(s.rels[i])) labelled++;
      if (rel === s.rels[i]) full++;
    }
  }
  return { words, sentences: sentences.length, uas: heads / words, las: labelled / words, lasFull: full / words, perSecond: sentences.length / (ms / 1000) };
}
