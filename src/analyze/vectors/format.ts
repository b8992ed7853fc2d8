// The word-vector file's layout (vectors.bin), shared by its writer in src/learn and its reader here.
//
// Little-endian, in this order:
//   header (32 bytes): magic "SPVECTOR", then uint32 fields: version, word count, dimensions, vocabulary bytes,
//                      offset of the norms, offset of the vectors;
//   vocabulary:        the words as one UTF-8 block, separated by "\n", in index order (the package's frequency
//                      order), padded with zeros to a multiple of 8 bytes;
//   norms:             count float32, 1 / the length of each int8 vector (so the reader need not compute them);
//   vectors:           count × dimensions int8, one unit vector per word scaled so its largest component is ±127.
// The reader decodes the vocabulary with one call and views the norms and vectors in place: nothing is copied.

export const MAGIC = 'SPVECTOR';
export const VERSION = 1;
export const HEADER_BYTES = 32;

export interface VectorTable {
  words: string[];
  dims: number;
  /** count × dims, row i the (scaled) unit vector of words[i]. */
  vectors: Int8Array;
  /** 1 / the length of each row, so that a row times it is the word's unit vector. */
  inverseNorms: Float32Array;
}

/** Where each part of the file starts, given the word count and the vocabulary's byte length. */
export function layout(count: number, vocabBytes: number): { vocabStart: number; normsStart: number; vectorsStart: number } {
  const normsStart = HEADER_BYTES + Math.ceil(vocabBytes / 8) * 8;
  return { vocabStart: HEADER_BYTES, normsStart, vectorsStart: normsStart + 4 * count };
}

/** The inverse length of an int8 row, as stored (float32). */
export function inverseNorm(row: ArrayLike<number>): number {
  let sum = 0;
  for (let d = 0; d < row.length; d++) sum += row[d] * row[d];
  return sum > 0 ? Math.fround(1 / Math.sqrt(sum)) : 0;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reads a vectors.bin image; throws on a foreign or damaged file. The vectors view the given bytes. */
export function decodeVectors(bytes: Uint8Array): VectorTable {
  const fail = (why: string) => { throw new Error(`word vectors: ${why}`); };
  if (bytes.length < HEADER_BYTES) fail('file too short for a header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== MAGIC) fail(`not a vector file (magic "${magic}")`);
  const version = view.getUint32(8, true);
  if (version !== VERSION) fail(`version ${version}, expected ${VERSION}`);
  const count = view.getUint32(12, true);
  const dims = view.getUint32(16, true);
  const vocabBytes = view.getUint32(20, true);
  const normsStart = view.getUint32(24, true);
  const vectorsStart = view.getUint32(28, true);
  const expected = layout(count, vocabBytes);
  if (normsStart !== expected.normsStart || vectorsStart !== expected.vectorsStart) fail('offsets do not follow the vocabulary');
  if (bytes.length !== vectorsStart + count * dims) fail(`${bytes.length} bytes, expected ${vectorsStart + count * dims}`);
  const words = count === 0 ? [] : new TextDecoder().decode(bytes.subarray(HEADER_BYTES, HEADER_BYTES + vocabBytes)).split('\n');
  if (words.length !== count) fail(`${words.length} words in the vocabulary, header says ${count}`);
  const vectors = new Int8Array(bytes.buffer, bytes.byteOffset + vectorsStart, count * dims);
  let inverseNorms: Float32Array;
  if (LITTLE_ENDIAN && (bytes.byteOffset + normsStart) % 4 === 0) inverseNorms = new Float32Array(bytes.buffer, bytes.byteOffset + normsStart, count);
  else {
    inverseNorms = new Float32Array(count);
    for (let i = 0; i < count; i++) inverseNorms[i] = view.getFloat32(normsStart + 4 * i, true);
  }
  return { words, dims, vectors, inverseNorms };
}
