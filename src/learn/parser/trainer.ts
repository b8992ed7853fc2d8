// Training of the parser: an averaged perceptron for the moves, trained with the arc-eager dynamic oracle and
// exploration (Goldberg and Nivre 2012), and one for the labels, trained on the arcs the parse gets right.
import { Atoms } from '../../analyze/parse/atoms.js';
import type { IntTable } from '../../analyze/parse/hash.js';
import type { Weights } from '../../analyze/parse/decode.js';
import { labelFeatures, MAX_FEATURES, moveFeatures } from '../../analyze/parse/features.js';
import { LEFT, MOVES, REDUCE, RIGHT, State } from '../../analyze/parse/state.js';
import { goldTree, moveCosts, type GoldTree } from './oracle.js';
import { HashedPerceptron } from './perceptron.js';
import { rng } from './random.js';
import type { DenseTagWeights } from './tagger-train.js';
import { projectivize, type TreebankSentence } from './treebank.js';

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Epoch (from 0) from which the parse follows its own wrong moves (with probability `explore`). */
  exploreFrom: number;
  explore: number;
  moveBits: number;
  labelBits: number;
  /** The tagger (for the weights), and its tags for the training sentences (jackknifed). */
  tagger: DenseTagWeights;
  ownTags: readonly Int32Array[];
  /** Perceptrons to train in (reset first) instead of new ones: several trainings in a row reuse their memory. */
  reuse?: { moves: HashedPerceptron; labels: HashedPerceptron };
}

/** Weights held whole in memory (training, and evaluation before they are written out). */
export class DenseWeights implements Weights {
  private readonly moveShift: number;
  private readonly labelShift: number;
  readonly rootLabel: number;

  constructor(
    readonly moves: Float32Array, readonly moveBits: number,
    readonly labelWeights: Float32Array, readonly labelBits: number,
    readonly labels: readonly string[], readonly leftLabels: Uint8Array, readonly rightLabels: Uint8Array,
    readonly tagger: DenseTagWeights,
  ) {
    this.moveShift = 32 - moveBits;
    this.labelShift = 32 - labelBits;
    this.rootLabel = labels.indexOf('root');
  }

  get tagCount(): number { return this.tagger.tagCount; }
  get clusters(): IntTable | null { return this.tagger.clusters; }
  get dictionary(): IntTable { return this.tagger.dictionary; }
  scoreTags(feats: Int32Array, count: number, scores: Float64Array): void { this.tagger.scoreTags(feats, count, scores); }

  scoreMoves(feats: Int32Array, count: number, scores: Float64Array): void {
    const w = this.moves;
    for (let f = 0; f < count; f++) {
      const base = (feats[f] >>> this.moveShift) * MOVES;
      scores[0] += w[base];
      scores[1] += w[base + 1];
      scores[2] += w[base + 2];
      scores[3] += w[base + 3];
    }
  }

  scoreLabels(feats: Int32Array, count: number, scores: Float64Array): void {
    const w = this.labelWeights;
    const C = this.labels.length;
    for (let f = 0; f < count; f++) {
      const base = (feats[f] >>> this.labelShift) * C;
      for (let c = 0; c < C; c++) scores[c] += w[base + c];
    }
  }
}

interface Example {
  s: TreebankSentence;
  tags: Int32Array;
  gold: GoldTree;
  labels: Int32Array;
}

export interface Trained {
  /** The perceptrons trained (their averages: `weights`). */
  moves: HashedPerceptron;
  labels: HashedPerceptron;
  /** Empty weights of the same shape (an ensemble's sum). */
  empty(): DenseWeights;
}

export function train(sentences: readonly TreebankSentence[], options: TrainOptions, log: (line: string) => void = () => {}): Trained {
  // Labels: the treebank's, sorted by name, and on which side of its head each is seen.
  const labels = [...new Set(sentences.flatMap((s) => s.rels.slice(1)))].sort();
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const L = labels.length;
  const leftLabels = new Uint8Array(L);
  const rightLabels = new Uint8Array(L);
  const examples: Example[] = sentences.map((s, k) => {
    const heads = projectivize(s.heads);
    const ids = Int32Array.from(s.rels, (r, i) => (i === 0 ? 0 : labelId.get(r)!));
    for (let i = 1; i < heads.length; i++) if (heads[i] !== 0) (heads[i] < i ? rightLabels : leftLabels)[ids[i]] = 1;
    return { s, tags: options.ownTags[k], gold: goldTree(heads), labels: ids };
  });
  const rootLabel = labelId.get('root')!;
  const fits = (p: HashedPerceptron | undefined, bits: number, classes: number) => p !== undefined && p.bits === bits && p.classes === classes;
  const moves = fits(options.reuse?.moves, options.moveBits, MOVES) ? options.reuse!.moves : new HashedPerceptron(options.moveBits, MOVES);
  const labeller = fits(options.reuse?.labels, options.labelBits, L) ? options.reuse!.labels : new HashedPerceptron(options.labelBits, L);
  moves.reset();
  labeller.reset();
  const live = new DenseWeights(moves.w, options.moveBits, labeller.w, options.labelBits, labels, leftLabels, rightLabels, options.tagger);
  const random = rng(options.seed);
  const state = new State();
  const atoms = new Atoms();
  const feats = new Int32Array(MAX_FEATURES);
  const scores = new Float64Array(MOVES);
  const costs = new Float64Array(MOVES);
  const labelScores = new Float64Array(L);
  const order = examples.map((_, i) => i);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const exploring = epoch >= options.exploreFrom;
    let correct = 0;
    let total = 0;
    for (const e of order) {
      const { s, tags, gold, labels: goldLabels } = examples[e];
      atoms.fill(s.forms, s.tags, live);
      for (let i = 1; i <= s.forms.length; i++) atoms.setTag(i, tags[i - 1]);
      state.init(s.forms.length, L);
      while (!state.done) {
        const mask = state.legal();
        moveCosts(state, gold, mask, costs);
        let move: number;
        if ((mask & (mask - 1)) === 0) {
          move = 31 - Math.clz32(mask);
        } else {
          scores.fill(0);
          const count = moveFeatures(state, atoms, feats);
          live.scoreMoves(feats, count, scores);
          let pred = -1;
          let best = -1;
          let minCost = Infinity;
          for (let m = 0; m < MOVES; m++) if (costs[m] < minCost) minCost = costs[m];
          for (let m = 0; m < MOVES; m++) {
            if (!((mask >> m) & 1)) continue;
            if (pred < 0 || scores[m] > scores[pred]) pred = m;
            if (costs[m] === minCost && (best < 0 || scores[m] > scores[best])) best = m;
          }
          total++;
          if (costs[pred] > minCost) {
            moves.update(feats, count, best, 1);
            moves.update(feats, count, pred, -1);
            move = exploring && random() < options.explore ? pred : best;
          } else {
            correct++;
            move = pred;
          }
          moves.time++;
        }
        let label = 0;
        const repair = move === REDUCE && state.repairs;
        if (move === LEFT || move === RIGHT || repair) {
          const head = move === LEFT ? state.b0 : repair ? state.stack[state.depth - 2] : state.s0;
          const dep = move === RIGHT ? state.b0 : state.s0;
          if (head === 0) label = rootLabel;
          else {
            const right = dep > head;
            const allowed = right ? rightLabels : leftLabels;
            labelScores.fill(0);
            const count = labelFeatures(state, atoms, head, dep, right, feats);
            live.scoreLabels(feats, count, labelScores);
            let pred = -1;
            for (let l = 0; l < L; l++) if (allowed[l] && (pred < 0 || labelScores[l] > labelScores[pred])) pred = l;
            label = pred;
            if (gold.heads[dep] === head) {
              const want = goldLabels[dep];
              if (pred !== want) {
                labeller.update(feats, count, want, 1);
                labeller.update(feats, count, pred, -1);
              }
              labeller.time++;
              if (!exploring) label = want;
            }
          }
        }
        state.apply(move, label);
      }
    }
    log(`epoch ${epoch + 1}/${options.epochs}: ${(100 * correct / Math.max(total, 1)).toFixed(2)}% of moves right${exploring ? ' (exploring)' : ''}`);
  }
  return {
    moves, labels: labeller,
    empty: () => new DenseWeights(new Float32Array(moves.w.length), options.moveBits, new Float32Array(labeller.w.length), options.labelBits, labels, leftLabels, rightLabels, options.tagger),
  };
}
