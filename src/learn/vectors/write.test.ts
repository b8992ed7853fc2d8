// Building vectors.bin from a tiny invented embeddings package: the selection, the bytes, and that a rerun gives the same.
import { describe, expect, it } from 'vitest';
import { decodeVectors } from '../../analyze/vectors/format.js';
import { cosine, loadVectors, rowOf, similarity } from '../../analyze/vectors/vectors.js';
import { buildVectors } from './build.js';
import { readEmbeddings } from './embeddings.js';
import { encodeVectors, quantise } from './write.js';

const DIMS = 6;

/** A seeded generator (xorshift), so the invented vectors are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
}
/** Frequency order, as the package gives it: punctuation, numbers and a zero vector among the words. */
const WORDS = ['the', ',', 'zerovector', 'embargo', '1999', 'treaty', "o'neill", 'g7', 'weather', 'no-fly', 'harbour', 'sanctions'];

/** The package's JSON format, with seeded random vectors ("zerovector" all zeros). */
function syntheticPackage(seed = 7, words = WORDS): string {
  const random = rng(seed);
  const vectors: Record<string, number[]> = {};
  words.forEach((w, i) => {
    const v = Array.from({ length: DIMS }, () => (w === 'zerovector' ? 0 : Number((random() * 2 - 1).toFixed(5))));
    vectors[w] = [...v, Math.hypot(...v), i];
  });
  return JSON.stringify({ precision: 5, l2NormIndex: DIMS, wordIndex: DIMS + 1, size: words.length, dimensions: DIMS, words, vectors, unkVector: [...Array(DIMS).fill(0), -1] });
}

describe('buildVectors', () => {
  const lexicon = new Set(['g7', 'nofly', 'absent']);

  it('keeps the lexicon\'s words and the most frequent plain words, in frequency order', () => {
    const built = buildVectors(readEmbeddings(syntheticPackage()), lexicon, 5);
    // g7 and no-fly (the lexicon writes it "nofly") come from the lexicon; ",", "1999" and the zero vector are left out.
    expect(built.words).toEqual(['the', 'embargo', 'treaty', 'g7', 'no-fly']);
    expect(built.fromLexicon).toBe(2);
    expect(decodeVectors(built.bytes).words).toEqual(built.words);
    expect(buildVectors(readEmbeddings(syntheticPackage()), lexicon, 100).words).toEqual(
      ['the', 'embargo', 'treaty', "o'neill", 'g7', 'weather', 'no-fly', 'harbour', 'sanctions']);
  });

  it('gives the same bytes when run again', () => {
    const a = buildVectors(readEmbeddings(syntheticPackage()), lexicon, 8).bytes;
    const b = buildVectors(readEmbeddings(syntheticPackage()), new Set([...lexicon].reverse()), 8).bytes;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = buildVectors(readEmbeddings(syntheticPackage(8)), lexicon, 8).bytes;
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });

  it('stores each vector\'s direction in int8, which the run time reads back', () => {
    const embeddings = readEmbeddings(syntheticPackage());
    const v = loadVectors(buildVectors(embeddings, lexicon, 100).bytes);
    expect(v.dims).toBe(DIMS);
    for (const word of v.words) {
      const row = v.vectors.subarray(rowOf(word, v) * DIMS, (rowOf(word, v) + 1) * DIMS);
      expect(Math.max(...Array.from(row, Math.abs))).toBe(127);
      expect(cosine(row, embeddings.vector(word)!)).toBeGreaterThan(0.999);
    }
    const [a, b] = [embeddings.vector('embargo')!, embeddings.vector('treaty')!];
    expect(similarity('embargo', 'treaty', v)).toBeCloseTo(cosine(a, b), 2);
    expect(similarity('Embargo', 'embargo', v)).toBeCloseTo(1, 5);
  });
});

describe('readEmbeddings', () => {
  it('rejects a package of another shape', () => {
    const data = JSON.parse(syntheticPackage());
    expect(() => readEmbeddings(JSON.stringify({ ...data, size: 3 }))).toThrow(/words, "size" says 3/);
    expect(() => readEmbeddings(JSON.stringify({ ...data, wordIndex: 3 }))).toThrow(/index at 3/);
    data.vectors.treaty[DIMS + 1] = 0;
    expect(() => readEmbeddings(JSON.stringify(data)).vector('treaty')).toThrow(/wrong index/);
    expect(readEmbeddings(JSON.stringify(data)).vector('toString')).toBeUndefined();
  });
});

describe('encodeVectors', () => {
  const row = quantise([0.5, -1, 0.25, 0, 0, 0], DIMS)!;

  it('quantises to ±127 at the largest component and refuses zero vectors', () => {
    expect(Array.from(row)).toEqual([64, -127, 32, 0, 0, 0]);
    expect(quantise([0, 0, 0, 0, 0, 0], DIMS)).toBeNull();
  });

  it('refuses words it could not read back', () => {
    expect(() => encodeVectors(['a', 'a'], [row, row], DIMS)).toThrow(/twice/);
    expect(() => encodeVectors(['a\nb'], [row], DIMS)).toThrow(/line break/);
    expect(() => encodeVectors(['a'], [row.subarray(1)], DIMS)).toThrow(/dimensions/);
    expect(decodeVectors(encodeVectors([], [], DIMS)).words).toEqual([]);
  });
});
