// The greedy parse of one sentence: at each state the best-scoring legal move, and for each arc the best label.
import { Atoms, type Lexicon } from './atoms.js';
import { labelFeatures, MAX_FEATURES, moveFeatures } from './features.js';
import { LEFT, MOVES, REDUCE, RIGHT, State } from './state.js';
import { Tagger, type TagWeights } from './tagger.js';

/**
 * What the parse reads from a model: scores for tags, moves and labels, and its label set. A table's scores may be in
 * any unit of its own: the parse only compares them with each other.
 */
export interface Weights extends TagWeights, Lexicon {
  /** Adds each move's score over the features to scores[0..3]. */
  scoreMoves(feats: Int32Array, count: number, scores: Float64Array): void;
  /** Adds each label's score over the features to scores[0..labels.length-1]. */
  scoreLabels(feats: Int32Array, count: number, scores: Float64Array): void;
  readonly labels: readonly string[];
  /** Labels allowed for a dependent before its head (left) and after it (right): 1 where allowed. */
  readonly leftLabels: Uint8Array;
  readonly rightLabels: Uint8Array;
  readonly rootLabel: number;
}

/** A parse: for word i (from 1), heads[i] (0 for the root) and labels[i] (label id). */
export interface Parsed {
  heads: Int32Array;
  labels: Int32Array;
}

/** Parses sentences one after another with one model, reusing its buffers. */
export class GreedyParser {
  readonly state = new State();
  readonly atoms = new Atoms();
  private readonly tagger: Tagger;
  private readonly feats = new Int32Array(MAX_FEATURES);
  private readonly moveScores = new Float64Array(MOVES);
  private readonly labelScores: Float64Array;

  constructor(readonly weights: Weights) {
    this.labelScores = new Float64Array(weights.labels.length);
    this.tagger = new Tagger(weights);
  }

  /** Parses `forms` tagged `tags`; the result's arrays are fresh (index 0 unused). */
  parse(forms: readonly string[], tags: readonly string[]): Parsed {
    const n = forms.length;
    const { state, atoms } = this;
    atoms.fill(forms, tags, this.weights);
    this.tagger.tag(atoms);
    state.init(n, this.weights.labels.length);
    while (!state.done) {
      const mask = state.legal();
      const move = (mask & (mask - 1)) === 0 ? 31 - Math.clz32(mask) : this.bestMove(mask);
      this.apply(move);
    }
    const heads = new Int32Array(n + 1);
    const labels = new Int32Array(n + 1);
    for (let i = 1; i <= n; i++) { heads[i] = state.head[i]; labels[i] = state.label[i]; }
    return { heads, labels };
  }

  /** The best-scoring move among those allowed by `mask`. */
  bestMove(mask: number): number {
    const scores = this.moveScores;
    scores.fill(0);
    const count = moveFeatures(this.state, this.atoms, this.feats);
    this.weights.scoreMoves(this.feats, count, scores);
    let best = -1;
    for (let m = 0; m < MOVES; m++) if ((mask >> m) & 1 && (best < 0 || scores[m] > scores[best])) best = m;
    return best;
  }

  /** Makes a move, labelling its arc if it makes one. */
  apply(move: number): void {
    const s = this.state;
    let label = 0;
    if (move === LEFT) label = s.b0 === 0 ? this.weights.rootLabel : this.bestLabel(s.b0, s.s0);
    else if (move === RIGHT) label = this.bestLabel(s.s0, s.b0);
    else if (move === REDUCE && s.repairs) label = this.bestLabel(s.stack[s.depth - 2], s.s0);
    s.apply(move, label);
  }

  /** The best label for the arc head → dep. */
  bestLabel(head: number, dep: number): number {
    const right = dep > head;
    const allowed = right ? this.weights.rightLabels : this.weights.leftLabels;
    const scores = this.labelScores;
    scores.fill(0);
    const count = labelFeatures(this.state, this.atoms, head, dep, right, this.feats);
    this.weights.scoreLabels(this.feats, count, scores);
    let best = -1;
    for (let l = 0; l < scores.length; l++) if (allowed[l] && (best < 0 || scores[l] > scores[best])) best = l;
    return best;
  }
}
