// The parser's own tagger: from the words and wink-nlp's tags, a finer tag for each word (universal tag and Penn
// Treebank tag together, "AUX|VBZ"), left to right, which the parse reads in place of wink-nlp's coarser, noisier one.
import type { Atoms } from './atoms.js';
import { f1, f2, f3 } from './hash.js';
import { ScoreMemory } from './score-memory.js';

/** Room for the features of one word. */
export const MAX_TAG_FEATURES = 40;

/** The features for tagging word i that read the word alone: its atoms, wink-nlp's tag, whether it opens the sentence. */
export function wordTagFeatures(a: Atoms, i: number, out: Int32Array): number {
  const w = a.word[i];
  const g = a.wink[i];
  const s = a.suffix[i];
  const c = a.cluster[i];
  const shape = a.shape[i];
  let k = 0;
  out[k++] = f1(500, 0);
  out[k++] = f1(501, w);
  out[k++] = f1(502, s);
  out[k++] = f1(503, a.prefix[i]);
  out[k++] = f1(504, shape);
  out[k++] = f1(505, c);
  out[k++] = f1(506, a.coarse[i]);
  out[k++] = f1(518, g);
  out[k++] = f2(519, g, w);
  out[k++] = f2(524, g, s);
  out[k++] = f2(525, shape, g);
  out[k++] = f1(528, a.suffix2[i]);
  out[k++] = f1(529, a.suffix4[i]);
  out[k++] = f1(530, a.prefix3[i]);
  out[k++] = f2(531, i === 1 ? 1 : 0, shape);
  out[k++] = f2(534, c, g);
  return k;
}

/** The other features for tagging word i, written from out[k] on: its neighbours, and the tags of the words before it. */
export function contextTagFeatures(a: Atoms, i: number, out: Int32Array, k: number): number {
  const none = a.n + 1;
  const W = a.word;
  const G = a.wink;
  const S = a.suffix;
  const C = a.cluster;
  const p1 = i - 1;
  const p2 = i > 1 ? i - 2 : none;
  const n1 = i < a.n ? i + 1 : none;
  const n2 = i + 1 < a.n ? i + 2 : none;
  const t1 = a.tag[p1];
  const t2 = a.tag[p2];
  const w = W[i];
  out[k++] = f1(507, t1);
  out[k++] = f2(508, t1, t2);
  out[k++] = f2(509, t1, w);
  out[k++] = f1(510, W[p1]);
  out[k++] = f1(511, S[p1]);
  out[k++] = f1(512, W[p2]);
  out[k++] = f1(513, W[n1]);
  out[k++] = f1(514, S[n1]);
  out[k++] = f1(515, W[n2]);
  out[k++] = f1(516, C[n1]);
  out[k++] = f1(517, C[p1]);
  // wink-nlp's tags around.
  out[k++] = f3(520, G[p1], G[i], G[n1]);
  out[k++] = f2(521, G[i], G[n1]);
  out[k++] = f2(522, t1, G[i]);
  out[k++] = f2(523, G[n1], G[n2]);
  out[k++] = f2(526, w, W[n1]);
  out[k++] = f2(527, W[p1], w);
  out[k++] = f2(532, G[n1], W[n1]);
  out[k++] = f2(533, t1, S[i]);
  out[k++] = f3(535, G[p1], G[i], w);
  return k;
}

/** The features for tagging word i, its left neighbours already tagged (atoms.tag): the word's own, then the rest. */
export function tagFeatures(a: Atoms, i: number, out: Int32Array): number {
  return contextTagFeatures(a, i, out, wordTagFeatures(a, i, out));
}

/** What the tagger reads from a model. */
export interface TagWeights {
  /** Adds each tag's score over the features to scores[0..tagCount-1] (tag t is class t-1). */
  scoreTags(feats: Int32Array, count: number, scores: Float64Array): void;
  readonly tagCount: number;
}
/** How many features wordTagFeatures writes. */
const WORD_FEATURES = 16;

/** Tags sentences with one model, reusing its buffers, and remembering the scores of words' own features. */
export class Tagger {
  private readonly feats = new Int32Array(MAX_TAG_FEATURES);
  private readonly scores: Float64Array;
  /** A word's own features are more than half the tagger's work, and most words come back: a word seen again, with the same wink-nlp tag, starts from its scores. */
  private readonly memory: ScoreMemory;

  constructor(readonly weights: TagWeights) {
    this.scores = new Float64Array(weights.tagCount);
    this.memory = new ScoreMemory(WORD_FEATURES, weights.tagCount);
  }

  /**
   * Tags words 1..n of the atoms left to right, each with its best-scoring tag (1..tagCount), or the dictionary's tag
   * for a frequent word that has always one.
   */
  tag(a: Atoms): void {
    const { feats, scores, memory, weights } = this;
    const C = weights.tagCount;
    for (let i = 1; i <= a.n; i++) {
      if (a.known[i] > 0) { a.setTag(i, a.known[i]); continue; }
      const k = wordTagFeatures(a, i, feats);
      if (!memory.recall(feats, scores)) {
        scores.fill(0);
        weights.scoreTags(feats, k, scores);
        memory.keep(feats, scores);
      }
      weights.scoreTags(feats, contextTagFeatures(a, i, feats, 0), scores);
      let best = 0;
      for (let t = 1; t < C; t++) if (scores[t] > scores[best]) best = t;
      a.setTag(i, best + 1);
    }
  }
}
