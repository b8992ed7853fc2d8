// Writes the word-vector file (src/analyze/vectors/format.ts): each vector quantised to int8, the vocabulary as one block.
import { HEADER_BYTES, MAGIC, VERSION, inverseNorm, layout } from '../../analyze/vectors/format.js';

/**
 * The int8 form of a vector: its direction, scaled so that the largest component is ±127 (the unit vector at the
 * best precision int8 gives; the scale is dropped, since only directions are compared). Null for a zero vector.
 */
export function quantise(vector: ArrayLike<number>, dims: number): Int8Array | null {
  let max = 0;
  for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(vector[d]));
  if (!(max > 0) || !Number.isFinite(max)) return null;
  const q = new Int8Array(dims);
  for (let d = 0; d < dims; d++) q[d] = Math.round((vector[d] / max) * 127);
  return q;
}

/** The file's bytes for words[i] with the int8 vector rows[i]; the same input always gives the same bytes. */
export function encodeVectors(words: readonly string[], rows: readonly Int8Array[], dims: number): Uint8Array {
  if (words.length !== rows.length) throw new Error(`${words.length} words but ${rows.length} vectors`);
  const seen = new Set<string>();
  for (const w of words) {
    if (!w || w.includes('\n')) throw new Error(`word ${JSON.stringify(w)} cannot be stored (empty or holds a line break)`);
    if (seen.has(w)) throw new Error(`word "${w}" twice in the vocabulary`);
    seen.add(w);
  }
  const vocab = new TextEncoder().encode(words.join('\n'));
  const { vocabStart, normsStart, vectorsStart } = layout(words.length, vocab.length);
  const bytes = new Uint8Array(vectorsStart + words.length * dims);
  const view = new DataView(bytes.buffer);
  for (let k = 0; k < MAGIC.length; k++) bytes[k] = MAGIC.charCodeAt(k);
  view.setUint32(8, VERSION, true);
  view.setUint32(12, words.length, true);
  view.setUint32(16, dims, true);
  view.setUint32(20, vocab.length, true);
  view.setUint32(24, normsStart, true);
  view.setUint32(28, vectorsStart, true);
  if (vocabStart !== HEADER_BYTES) throw new Error('vocabulary must follow the header');
  bytes.set(vocab, vocabStart);
  const vectors = new Int8Array(bytes.buffer, vectorsStart);
  rows.forEach((row, i) => {
    if (row.length !== dims) throw new Error(`vector of "${words[i]}" has ${row.length} dimensions, expected ${dims}`);
    vectors.set(row, i * dims);
    view.setFloat32(normsStart + 4 * i, inverseNorm(row), true);
  });
  return bytes;
}
