// Training of the parser's own tagger (averaged perceptron, greedy left to right), and its tags for the parser's
// training sentences by jackknifing: each tenth tagged by a tagger trained on the other nine, as at run time.
import { Atoms, lexiconTables, type Lexicon } from '../../analyze/parse/atoms.js';
import type { IntTable } from '../../analyze/parse/hash.js';
import { MAX_TAG_FEATURES, tagFeatures, Tagger, type TagWeights } from '../../analyze/parse/tagger.js';
import { HashedPerceptron } from './perceptron.js';
import { rng } from './random.js';
import type { TreebankSentence } from './treebank.js';

/** A treebank tag pair ("AUX|VBZ") kept as a class when seen this often in training; rarer ones read "UPOS|*". */
const MIN_CLASS_COUNT = 20;

/** The tagger's classes, from the training sentences: frequent tag pairs, then one "UPOS|*" per universal tag. */
export function tagClasses(sentences: readonly TreebankSentence[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) for (let i = 0; i < s.forms.length; i++) { const k = `${s.goldTags[i]}|${s.goldXpos[i]}`; counts.set(k, (counts.get(k) ?? 0) + 1); }
  const frequent = [...counts].filter(([, c]) => c >= MIN_CLASS_COUNT).map(([k]) => k).sort();
  const rest = [...new Set([...counts.keys()].map((k) => `${k.split('|')[0]}|*`))].sort();
  return [...frequent, ...rest];
}

/** Each word's class index for the tagger. */
export function goldClasses(s: TreebankSentence, classes: readonly string[]): Int32Array {
  const index = new Map(classes.map((c, i) => [c, i]));
  return Int32Array.from(s.forms, (_, i) => index.get(`${s.goldTags[i]}|${s.goldXpos[i]}`) ?? index.get(`${s.goldTags[i]}|*`)!);
}

/** A word seen this often, with one tag class this much of the time, is tagged from the dictionary. */
const DICTIONARY_MIN_COUNT = 20;
const DICTIONARY_MIN_SHARE = 0.97;

/** The frequent words that have (almost) always one tag class → that class. */
export function tagDictionary(sentences: readonly TreebankSentence[], classes: readonly string[]): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sentences) {
    const g = goldClasses(s, classes);
    s.forms.forEach((w, i) => {
      let m = counts.get(w);
      if (!m) counts.set(w, (m = new Map()));
      m.set(g[i], (m.get(g[i]) ?? 0) + 1);
    });
  }
  const out = new Map<string, number>();
  for (const w of [...counts.keys()].sort()) {
    const m = counts.get(w)!;
    let total = 0;
    let best = -1;
    for (const [c, n] of [...m].sort((x, y) => x[0] - y[0])) { total += n; if (best < 0 || n > m.get(best)!) best = c; }
    if (total >= DICTIONARY_MIN_COUNT && m.get(best)! / total >= DICTIONARY_MIN_SHARE) out.set(w, best);
  }
  return out;
}

export class DenseTagWeights implements TagWeights, Lexicon {
  private readonly shift: number;
  readonly tagCount: number;
  readonly clusters: IntTable | null;
  readonly dictionary: IntTable;
  constructor(
    readonly weights: Float32Array, readonly bits: number, readonly classes: readonly string[],
    readonly clusterWords: ReadonlyMap<string, number> | null, readonly dictionaryWords: ReadonlyMap<string, number>,
  ) {
    this.shift = 32 - bits;
    this.tagCount = classes.length;
    const tables = lexiconTables(clusterWords, dictionaryWords);
    this.clusters = tables.clusters;
    this.dictionary = tables.dictionary!;
  }
  scoreTags(feats: Int32Array, count: number, scores: Float64Array): void {
    const w = this.weights;
    const C = this.tagCount;
    for (let f = 0; f < count; f++) {
      const base = (feats[f] >>> this.shift) * C;
      for (let c = 0; c < C; c++) scores[c] += w[base + c];
    }
  }
}

export interface TaggerOptions { epochs: number; seed: number; bits: number; clusters: ReadonlyMap<string, number> | null }

/** Memory to train in again: a perceptron and a buffer for its average (fresh memory is slow on some machines). */
export interface TaggerMemory { perceptron: HashedPerceptron; average: Float32Array }

export function taggerMemory(bits: number, classes: number): TaggerMemory {
  const perceptron = new HashedPerceptron(bits, classes);
  return { perceptron, average: new Float32Array(perceptron.w.length) };
}

/** Trains a tagger on the sentences; returns its averaged weights (in `memory`'s buffer when given: valid until its next use). */
export function trainTagger(sentences: readonly TreebankSentence[], classes: readonly string[], options: TaggerOptions, memory?: TaggerMemory): DenseTagWeights {
  const C = classes.length;
  const p = memory?.perceptron ?? new HashedPerceptron(options.bits, C);
  p.reset();
  const dictionary = tagDictionary(sentences, classes);
  const live = new DenseTagWeights(p.w, options.bits, classes, options.clusters, dictionary);
  const gold = sentences.map((s) => goldClasses(s, classes));
  const order = sentences.map((_, i) => i);
  const random = rng(options.seed);
  const atoms = new Atoms();
  const feats = new Int32Array(MAX_TAG_FEATURES);
  const scores = new Float64Array(C);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    for (const e of order) {
      const s = sentences[e];
      atoms.fill(s.forms, s.tags, live);
      for (let i = 1; i <= s.forms.length; i++) {
        if (atoms.known[i] > 0) { atoms.setTag(i, atoms.known[i]); continue; }
        scores.fill(0);
        const count = tagFeatures(atoms, i, feats);
        live.scoreTags(feats, count, scores);
        let best = 0;
        for (let t = 1; t < C; t++) if (scores[t] > scores[best]) best = t;
        const want = gold[e][i - 1];
        if (best !== want) { p.update(feats, count, want, 1); p.update(feats, count, best, -1); }
        p.time++;
        atoms.setTag(i, best + 1);
      }
    }
  }
  let average: Float32Array;
  if (memory) { average = memory.average; average.fill(0); p.addAveraged(average, 1); } else average = p.averaged();
  return new DenseTagWeights(average, options.bits, classes, options.clusters, dictionary);
}

/** The tagger's tags (1..classes) for each sentence. */
export function tagAll(sentences: readonly TreebankSentence[], weights: DenseTagWeights): Int32Array[] {
  const atoms = new Atoms();
  const tagger = new Tagger(weights);
  return sentences.map((s) => {
    atoms.fill(s.forms, s.tags, weights);
    tagger.tag(atoms);
    return atoms.tag.slice(1, s.forms.length + 1);
  });
}

/** Tags for each sentence from a tagger that did not see it: `folds` taggers, each trained without one fold. */
export function jackknife(
  sentences: readonly TreebankSentence[], classes: readonly string[], folds: number, options: TaggerOptions, log: (line: string) => void,
  memory: TaggerMemory = taggerMemory(options.bits, classes.length),
): Int32Array[] {
  const out: Int32Array[] = new Array(sentences.length);
  for (let f = 0; f < folds; f++) {
    const held = sentences.filter((_, i) => i % folds === f);
    const rest = sentences.filter((_, i) => i % folds !== f);
    const weights = trainTagger(rest, classes, { ...options, seed: options.seed + f + 1 }, memory);
    const tags = tagAll(held, weights);
    let k = 0;
    for (let i = f; i < sentences.length; i += folds) out[i] = tags[k++];
    log(`tagger: fold ${f + 1}/${folds}`);
  }
  return out;
}

/** Share of words whose tag class is right. */
export function tagAccuracy(sentences: readonly TreebankSentence[], tags: readonly Int32Array[], classes: readonly string[]): number {
  let right = 0;
  let all = 0;
  sentences.forEach((s, k) => { const g = goldClasses(s, classes); for (let i = 0; i < g.length; i++) { all++; if (tags[k][i] === g[i] + 1) right++; } });
  return right / all;
}
