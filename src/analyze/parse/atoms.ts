// What the parser knows of each word, as small integers computed once per sentence: word, tag, cluster, suffix, shape.
import { IntTable } from './hash.js';

/** The part-of-speech tags the parser knows (wink-nlp's universal tags); any other tag reads as unknown (0). */
export const TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'] as const;
const TAG_ID = new Map<string, number>(TAGS.map((t, i) => [t, i + 1]));
/** Tag ids of the root and of a missing position, above any tag id (wink's or the parser's tagger's). */
export const ROOT_TAG = 254;
export const NONE_TAG = 255;

export const tagId = (tag: string): number => TAG_ID.get(tag) ?? 0;

/**
 * What the parser knows of words apart from its weights, by word hash: each lower-cased word's cluster (wordHash →
 * 1..1024), and the words whose tag the tagger need not guess (formHash of the word as written → tag class + 1).
 */
export interface Lexicon {
  readonly clusters: IntTable | null;
  readonly dictionary: IntTable | null;
}

/** The lexicon's tables made from words: clusters by lower-cased word, dictionary classes (from 0) by word as written. */
export function lexiconTables(clusters: ReadonlyMap<string, number> | null, dictionary: ReadonlyMap<string, number>): Lexicon {
  return {
    clusters: clusters && new IntTable([...clusters.keys()].map((w) => wordHash(w.toLowerCase())), [...clusters.values()]),
    dictionary: new IntTable([...dictionary.keys()].map(formHash), [...dictionary.values()].map((c) => c + 1)),
  };
}

/** Hashes stand for words that are no word: the root and a missing position. */
const ROOT_WORD = 0x5f3759df;
const NONE_WORD = 0x2545f491;

/**
 * The atoms of one sentence, indexed 0 (the root), 1..n (the words), n+1 (no word: a missing position). Arrays are
 * reused from sentence to sentence and grow as needed.
 */
export class Atoms {
  n = 0;
  /** Hash of the normalised word (lower case, digits as 0). */
  word = new Int32Array(64);
  /** wink-nlp's tag (tagId). */
  wink = new Int32Array(64);
  /** The parser's own finer tag (class of its tagger, from 1), set by setTag; wink's until then. */
  tag = new Int32Array(64);
  /** Hash of word and tag together. */
  wordTag = new Int32Array(64);
  /** Word cluster, fine (1..1024) and coarse (1..16); 0 for none. */
  cluster = new Int32Array(64);
  coarse = new Int32Array(64);
  /** Hash of the last three characters, lower case; the first character. */
  suffix = new Int32Array(64);
  prefix = new Int32Array(64);
  /** Hashes of the last two and four characters and of the first three, lower case (for the tagger). */
  suffix2 = new Int32Array(64);
  suffix4 = new Int32Array(64);
  prefix3 = new Int32Array(64);
  shape = new Int32Array(64);
  /** The tag class the dictionary gives the word, plus one; 0 when it gives none. */
  known = new Int32Array(64);

  /** Fills the atoms for `forms` tagged `tags` by wink-nlp (the same length). */
  fill(forms: readonly string[], tags: readonly string[], lexicon: Lexicon): void {
    const { clusters, dictionary } = lexicon;
    const n = forms.length;
    this.n = n;
    if (this.word.length < n + 2) this.grow(n + 2);
    this.set(0, ROOT_WORD, ROOT_TAG, 0, 0, 0, 0);
    this.set(n + 1, NONE_WORD, NONE_TAG, 0, 0, 0, 0);
    for (const i of [0, n + 1]) { this.suffix2[i] = 0; this.suffix4[i] = 0; this.prefix3[i] = 0; this.known[i] = 0; }
    for (let i = 0; i < n; i++) {
      const form = forms[i];
      const lower = form.toLowerCase();
      const word = wordHash(lower);
      const cluster = clusters === null ? 0 : clusters.get(word);
      this.set(i + 1, word, tagId(tags[i]), cluster, suffixHash(lower), lower.charCodeAt(0) | 0, shapeOf(form));
      this.known[i + 1] = dictionary === null ? 0 : dictionary.get(formHash(form));
      this.suffix2[i + 1] = affixHash(lower, lower.length - 2, lower.length, 0x3b9aca07);
      this.suffix4[i + 1] = affixHash(lower, lower.length - 4, lower.length, 0x5bd1e995);
      this.prefix3[i + 1] = affixHash(lower, 0, 3, 0x1b873593);
    }
  }

  /** Sets word i's own tag (and the word-and-tag hash). */
  setTag(i: number, tag: number): void {
    this.tag[i] = tag;
    this.wordTag[i] = Math.imul(this.word[i] ^ Math.imul(tag, 0x2c1b3c6d), 0x297a2d39) ^ tag;
  }

  private set(i: number, word: number, wink: number, cluster: number, suffix: number, prefix: number, shape: number): void {
    this.word[i] = word;
    this.wink[i] = wink;
    this.setTag(i, wink);
    this.cluster[i] = cluster;
    this.coarse[i] = cluster === 0 ? 0 : 1 + ((cluster - 1) >> 6);
    this.suffix[i] = suffix;
    this.prefix[i] = prefix;
    this.shape[i] = shape;
  }

  private grow(size: number): void {
    const cap = Math.max(size, this.word.length * 2);
    for (const key of ['word', 'wink', 'tag', 'wordTag', 'cluster', 'coarse', 'suffix', 'prefix', 'suffix2', 'suffix4', 'prefix3', 'shape', 'known'] as const) this[key] = new Int32Array(cap);
  }
}

/** FNV-1a over the word's characters, digits all read as 0. */
export function wordHash(lower: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < lower.length; k++) {
    let c = lower.charCodeAt(k);
    if (c >= 49 && c <= 57) c = 48;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

/** Hash of the characters from..to of the word (clipped to it). */
function affixHash(lower: string, from: number, to: number, seed: number): number {
  let h = seed;
  for (let k = Math.max(0, from); k < Math.min(to, lower.length); k++) h = Math.imul(h ^ lower.charCodeAt(k), 0x01000193);
  return h;
}

/** FNV-1a over the word as written. */
export function formHash(form: string): number {
  let h = 0x2f8e7d31;
  for (let k = 0; k < form.length; k++) h = Math.imul(h ^ form.charCodeAt(k), 0x01000193);
  return h;
}

function suffixHash(lower: string): number {
  let h = 0x1b873593;
  for (let k = Math.max(0, lower.length - 3); k < lower.length; k++) h = Math.imul(h ^ lower.charCodeAt(k), 0x01000193);
  return h;
}

/**
 * The word's look: lower case, Capitalised, ALL CAPS, with digits, punctuation only, or other; times two, plus one
 * when it holds a hyphen; plus 16 for a single character.
 */
export function shapeOf(form: string): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  let hyphen = 0;
  for (let k = 0; k < form.length; k++) {
    const c = form.charCodeAt(k);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else if (c === 45) hyphen = 1;
    else if (c > 127) {
      const ch = form[k];
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
      else other++;
    } else other++;
  }
  let kind: number;
  if (digit > 0) kind = 3;
  else if (upper === 0 && lower === 0) kind = 4;
  else if (upper === 0) kind = 0;
  else if (lower === 0) kind = upper > 1 ? 2 : 1;
  else if (isUpperAt(form, 0)) kind = 1;
  else kind = 5;
  return kind * 2 + hyphen + (form.length === 1 ? 16 : 0);
}

const isUpperAt = (s: string, k: number) => { const ch = s[k]; return ch !== ch.toLowerCase(); };
