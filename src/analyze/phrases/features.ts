// The noun phrases of an article that may name a proposal, each with the features the phrase model reads.
import { isSpaceToken, tokenAt, type Doc } from '../doc.js';
import type { Span } from '../record.js';
import { addWeights, type FeatureWeights, type LinearModel } from '../decide/linear-model.js';
import { meaningCodes } from '../vectors/codes.js';
import { ByLexeme, lexemesOf } from '../tokenize/lexemes.js';
import { proposalLikeness } from '../vectors/proposal-likeness.js';

export interface NounCandidate {
  /** Token index of the phrase's last noun. */
  token: number;
  /** The phrase: its modifiers and nouns up to the head. */
  span: Span;
  /** The head word, lower case, a plural -s dropped (phrases are grouped on it). */
  head: string;
  features: string[];
}

/** A candidate as the phrases stage reads it: the model's scores of its features (one per class) instead of the features. */
export interface ScoredCandidate extends Omit<NounCandidate, 'features'> {
  scores: Float64Array;
}

const isNounish = (pos: string): boolean => pos === 'NOUN' || pos === 'PROPN';
const isModifier = (pos: string): boolean => pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ' || pos === 'NUM';

/** A word without a plural -s ("sanctions" → "sanction"; not "press"). */
export const singular = (w: string): string => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** The places of a phrase where a word gives a feature, as indices of WordFeatures.places. */
const [W, H, SUF, M, P1, P2, N1, N2, V] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

/**
 * A word's features, made once per word and kept with the model's weights for them: building these strings and
 * looking them up in the model anew for every phrase cost more than all the rest of the stage.
 */
interface WordFeatures {
  lower: string;
  singular: string;
  /** The word has a letter; it begins with a capital. */
  letter: boolean;
  capital: boolean;
  /** The feature of each place: w:, h:, suf:, m:, p1:, p2:, n1:, n2:, v: (W … V). */
  places: string[];
  /** Proposal-likeness and meaning codes as a head (looking a word up, with its fallbacks, costs more than the model). */
  asHead: readonly string[] | null;
  /** Meaning codes as the verb before a phrase. */
  asVerb: readonly string[] | null;
  /** The model the weights below are of, and the weights of places, asHead and asVerb. */
  model: LinearModel | null;
  placeWeights: FeatureWeights | null;
  headWeights: FeatureWeights | null;
  /** Whether the model has a feature of this word modifying a head ("mh:"); when not, none is looked up. */
  modifiesHead: boolean;
  verbWeights: FeatureWeights | null;
}

/** Word features by word (wink-nlp lexeme). */
const WORDS = new ByLexeme<WordFeatures>(wordFeatures, 50_000);

function wordFeatures(text: string): WordFeatures {
  const lower = text.toLowerCase();
  const head = singular(lower);
  return {
    lower, singular: head, letter: /\p{L}/u.test(text), capital: /^\p{Lu}/u.test(text),
    places: [`w:${lower}`, `h:${head}`, `suf:${head.slice(-3)}`, `m:${lower}`, `p1:${lower}`, `p2:${lower}`, `n1:${lower}`, `n2:${lower}`, `v:${lower}`],
    asHead: null, asVerb: null, model: null, placeWeights: null, headWeights: null, verbWeights: null, modifiesHead: false,
  };
}

const headFeatures = (f: WordFeatures): readonly string[] =>
  (f.asHead ??= [`pl:${Math.min(9, Math.floor(proposalLikeness(f.lower) * 10))}`, ...meaningCodes(f.lower).map((c) => `hc:${c}`)]);
const verbFeatures = (f: WordFeatures): readonly string[] => (f.asVerb ??= meaningCodes(f.lower).map((c) => `vc:${c}`));

/** The word's feature weights in `model` (those of places; of its head and verb features on first need). */
function weightsFor(f: WordFeatures, model: LinearModel): WordFeatures {
  if (f.model !== model) {
    f.model = model;
    f.placeWeights = model.weightsOf(f.places);
    f.headWeights = null;
    f.verbWeights = null;
    f.modifiesHead = modifiersOf(model).has(f.lower);
  }
  return f;
}

/** The features that are not a word's: flags and counts, given to a sink by their index here. */
const FLAGS = ['bias', 'cap', 'pos:NOUN', 'pos:PROPN', 'p1:<s>', 'p2:<s>', 'n1:</s>', 'n2:</s>', 'poss', 'actor-before',
  'cnt:0', 'cnt:1', 'cnt:2', 'cnt:3', 'cnt:4+', 'lead', 'quoted', 'near-proposal', 'actor-in-sentence'] as const;
const flag = (x: typeof FLAGS[number]): number => FLAGS.indexOf(x);
const [BIAS, CAP, POS_NOUN, POS_PROPN, P1_START, P2_START, N1_END, N2_END, POSS, ACTOR_BEFORE, COUNT, LEAD, QUOTED, NEAR_PROPOSAL, ACTOR_IN] = [
  flag('bias'), flag('cap'), flag('pos:NOUN'), flag('pos:PROPN'), flag('p1:<s>'), flag('p2:<s>'), flag('n1:</s>'), flag('n2:</s>'),
  flag('poss'), flag('actor-before'), flag('cnt:0'), flag('lead'), flag('quoted'), flag('near-proposal'), flag('actor-in-sentence'),
];

/**
 * Where the features of a phrase go, in the order they are made: kept as strings (for training), or their weights
 * added to the model's scores (for the stage). One walk over the phrases feeds both, so they cannot drift apart.
 */
interface Sink {
  start(): void;
  /** A flag or count (an index of FLAGS). */
  flag(i: number): void;
  place(word: WordFeatures, p: number): void;
  /** A modifier ("m:"), given once however often the phrase repeats it. */
  modifier(word: WordFeatures): void;
  head(word: WordFeatures): void;
  verb(word: WordFeatures): void;
  /** The word before the head, with the head ("mh:"). */
  modifierHead(word: WordFeatures, head: string): void;
  end(token: number, span: Span, head: string): void;
}

/** Every noun phrase head not already inside a proposal or actor mention, with its phrase and features. */
export function nounCandidates(doc: Doc): NounCandidate[] {
  const sink = new FeatureList();
  walk(doc, sink);
  return sink.out;
}

/**
 * The same candidates with the model's scores of their features (softmax gives the probabilities; the same sums as
 * model.probabilities(features), added in the same order).
 */
export function scoredCandidates(doc: Doc, model: LinearModel): ScoredCandidate[] {
  const sink = new FeatureScores(model);
  walk(doc, sink);
  return sink.out;
}

/** The features of each phrase as strings. */
class FeatureList implements Sink {
  readonly out: NounCandidate[] = [];
  private f: string[] = [];
  private readonly modifiers: string[] = [];
  start(): void { this.f = []; this.modifiers.length = 0; }
  flag(i: number): void { this.f.push(FLAGS[i]); }
  place(word: WordFeatures, p: number): void { this.f.push(word.places[p]); }
  modifier(word: WordFeatures): void {
    const m = word.places[M];
    if (this.modifiers.includes(m)) return;
    this.modifiers.push(m);
    this.f.push(m);
  }
  head(word: WordFeatures): void { for (const x of headFeatures(word)) this.f.push(x); }
  verb(word: WordFeatures): void { for (const x of verbFeatures(word)) this.f.push(x); }
  modifierHead(word: WordFeatures, head: string): void { this.f.push(`mh:${word.lower}|${head}`); }
  end(token: number, span: Span, head: string): void { this.out.push({ token, span, head, features: this.f }); }
}

/** The words of a model's "mh:" features (modifier and head), as modifiers. */
const MODIFIERS = new WeakMap<LinearModel, Set<string>>();
function modifiersOf(model: LinearModel): Set<string> {
  let words = MODIFIERS.get(model);
  if (!words) {
    words = new Set();
    // Every split at a '|' (words may hold one): a superset of the modifiers, never one missing.
    for (const f of model.features()) {
      if (!f.startsWith('mh:')) continue;
      for (let bar = f.indexOf('|'); bar >= 0; bar = f.indexOf('|', bar + 1)) words.add(f.slice(3, bar));
    }
    MODIFIERS.set(model, words);
  }
  return words;
}

const FLAG_WEIGHTS = new WeakMap<LinearModel, FeatureWeights>();
function flagWeights(model: LinearModel): FeatureWeights {
  let w = FLAG_WEIGHTS.get(model);
  if (!w) {
    w = model.weightsOf(FLAGS);
    FLAG_WEIGHTS.set(model, w);
  }
  return w;
}

/** The model's scores of each phrase's features: each word's weights looked up once and kept with the word. */
class FeatureScores implements Sink {
  readonly out: ScoredCandidate[] = [];
  private score: Float64Array;
  private readonly modifiers: string[] = [];
  private readonly flags: FeatureWeights;
  constructor(private readonly model: LinearModel) {
    this.score = new Float64Array(model.classes.length);
    this.flags = flagWeights(model);
  }
  start(): void { this.score = new Float64Array(this.model.classes.length); this.modifiers.length = 0; }
  flag(i: number): void { addWeights(this.score, this.flags, i); }
  place(word: WordFeatures, p: number): void { addWeights(this.score, weightsFor(word, this.model).placeWeights!, p); }
  modifier(word: WordFeatures): void {
    const m = word.places[M];
    if (this.modifiers.includes(m)) return;
    this.modifiers.push(m);
    this.place(word, M);
  }
  head(word: WordFeatures): void {
    const w = (weightsFor(word, this.model).headWeights ??= this.model.weightsOf(headFeatures(word)));
    for (let i = 0; i < w.length / this.score.length; i++) addWeights(this.score, w, i);
  }
  verb(word: WordFeatures): void {
    const w = (weightsFor(word, this.model).verbWeights ??= this.model.weightsOf(verbFeatures(word)));
    for (let i = 0; i < w.length / this.score.length; i++) addWeights(this.score, w, i);
  }
  modifierHead(word: WordFeatures, head: string): void {
    if (weightsFor(word, this.model).modifiesHead) this.model.addFeature(this.score, `mh:${word.lower}|${head}`);
  }
  end(token: number, span: Span, head: string): void { this.out.push({ token, span, head, scores: this.score }); }
}

/** Walks the noun phrase heads of a document, giving each one's features to the sink. */
function walk(doc: Doc, sink: Sink): void {
  const toks = doc.tokens;
  const covered = new Uint8Array(toks.length); // 1: a proposal's mention, 2: an actor's mention
  const quoted = new Uint8Array(toks.length);
  const mark = (s: Span, into: Uint8Array, value: number) => {
    for (let t = tokenAt(doc, s.start); t < toks.length && toks[t].start < s.end; t++) into[t] = value;
  };
  for (const p of doc.proposals) for (const s of p.mentions) mark(s, covered, 1);
  const nearProposal = new Uint8Array(doc.sentences.length);
  for (let t = 0; t < toks.length; t++) if (covered[t] === 1) nearProposal[toks[t].sentence] = 1;
  for (const a of doc.actors) for (const s of a.mentions) mark(s, covered, 2);
  const actorIn = new Uint8Array(doc.sentences.length);
  for (let t = 0; t < toks.length; t++) if (covered[t] === 2) actorIn[toks[t].sentence] = 1;
  for (const q of doc.quotes) mark(q, quoted, 1);
  // Each token's word features, looked up when first needed (most tokens are never near a noun phrase).
  const wf: (WordFeatures | null)[] = [];
  for (let t = 0; t < toks.length; t++) wf.push(null);
  const lexemes = lexemesOf(toks);
  const featuresOf = (t: number): WordFeatures => (wf[t] ??= WORDS.of(toks, lexemes, t));
  // How often each head word is a noun in the article.
  const headCount = new Map<string, number>();
  for (let t = 0; t < toks.length; t++) {
    if (!isNounish(toks[t].pos)) continue;
    const head = featuresOf(t).singular;
    headCount.set(head, (headCount.get(head) ?? 0) + 1);
  }
  const words: number[] = [];
  for (const s of doc.sentences) {
    words.length = 0;
    for (let t = s.first; t <= s.last; t++) if (!isSpaceToken(toks[t])) words.push(t);
    for (let k = 0; k < words.length; k++) {
      const h = words[k];
      const tok = toks[h];
      if (!isNounish(tok.pos) || covered[h] || !featuresOf(h).letter) continue;
      if (k + 1 < words.length && isNounish(toks[words[k + 1]].pos) && !covered[words[k + 1]]) continue; // not the head yet
      let first = k;
      while (first > 0 && (isModifier(toks[words[first - 1]].pos) || toks[words[first - 1]].text === '-') && !covered[words[first - 1]]) first--;
      // Features of different kinds never collide (each has its own prefix before the first colon, or is a flag),
      // and a kind given once per phrase cannot repeat: only the modifiers are checked for repeats.
      const hf = featuresOf(h);
      const head = hf.singular;
      sink.start();
      sink.flag(BIAS);
      sink.place(hf, W);
      sink.place(hf, H);
      sink.place(hf, SUF);
      sink.flag(tok.pos === 'NOUN' ? POS_NOUN : POS_PROPN);
      if (k > 0 && hf.capital) sink.flag(CAP);
      sink.head(hf);
      for (let j = first; j < k; j++) sink.modifier(featuresOf(words[j]));
      if (k > first) sink.modifierHead(featuresOf(words[k - 1]), head);
      const before1 = first >= 1 ? toks[words[first - 1]] : null;
      if (before1) sink.place(featuresOf(words[first - 1]), P1); else sink.flag(P1_START);
      if (first >= 2) sink.place(featuresOf(words[first - 2]), P2); else sink.flag(P2_START);
      if (k + 1 < words.length) sink.place(featuresOf(words[k + 1]), N1); else sink.flag(N1_END);
      if (k + 2 < words.length) sink.place(featuresOf(words[k + 2]), N2); else sink.flag(N2_END);
      if (before1 && (before1.lower === "'s" || before1.lower === '’s')) sink.flag(POSS);
      if (before1 && covered[words[first - 1]] === 2) sink.flag(ACTOR_BEFORE);
      for (let j = first - 1; j >= 0 && j >= first - 6; j--) {
        if (toks[words[j]].pos === 'VERB') {
          const vf = featuresOf(words[j]);
          sink.place(vf, V);
          sink.verb(vf);
          break;
        }
      }
      sink.flag(COUNT + Math.min(4, headCount.get(head) ?? 0)); // cnt:0 … cnt:4+
      if (s.i <= 1) sink.flag(LEAD);
      if (quoted[h]) sink.flag(QUOTED);
      if (nearProposal[s.i]) sink.flag(NEAR_PROPOSAL);
      if (actorIn[s.i]) sink.flag(ACTOR_IN);
      sink.end(h, { start: toks[words[first]].start, end: tok.end }, head);
    }
  }
}
