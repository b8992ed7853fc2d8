// Words' meaning as a few short codes (signs of random projections of their vectors), so that sparse learned models
// treat words with near vectors alike: "rejected" and "dismissed" share most codes, "welcomed" few of them.
import { rowOf, wordVectors, type WordVectors } from './vectors.js';

/** Projection tables and bits per table: 4 × 6 bits, each table splitting the vectors into 64 regions. */
const TABLES = 4;
const BITS = 6;
/** The seed of the projections: changing it changes every learned weight that reads codes (retrain). */
const SEED = 20261207;

let planes: Float64Array | null = null;
/** Codes by word as asked (a word's look-up, with its fallbacks, costs more than the codes); cleared when large. */
const cache = new Map<string, readonly string[]>();

/** Gaussian random hyperplanes from a fixed seed (mulberry32 and Box–Muller): the same on every machine. */
function hyperplanes(dims: number): Float64Array {
  let a = SEED >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const out = new Float64Array(TABLES * BITS * dims);
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return out;
}

const NONE: readonly string[] = [];

/** The word's codes ("0:37", "1:5", …, one per table), or none when the vocabulary lacks the word. */
export function meaningCodes(word: string, v: WordVectors = wordVectors()): readonly string[] {
  const hit = cache.get(word);
  if (hit) return hit;
  if (cache.size >= 100_000) cache.clear();
  const row = rowOf(word, v);
  if (row < 0) { cache.set(word, NONE); return NONE; }
  const { dims, vectors } = v;
  planes ??= hyperplanes(dims);
  const codes: string[] = [];
  for (let t = 0; t < TABLES; t++) {
    let code = 0;
    for (let b = 0; b < BITS; b++) {
      const plane = (t * BITS + b) * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += planes[plane + d] * vectors[row * dims + d];
      code = (code << 1) | (dot > 0 ? 1 : 0);
    }
    codes.push(`${t}:${code}`);
  }
  cache.set(word, codes);
  return codes;
}
