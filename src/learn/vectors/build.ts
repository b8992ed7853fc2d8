// Builds vectors.bin from the package's embeddings: the chosen vocabulary, each vector quantised, in one image.
import type { Embeddings } from './embeddings.js';
import { selectVocabulary } from './vocabulary.js';
import { encodeVectors, quantise } from './write.js';

export interface VectorBuild {
  bytes: Uint8Array;
  words: string[];
  dims: number;
  /** Words kept because a lexicon names them. */
  fromLexicon: number;
}

/** The file image for `size` words of `embeddings` (the lexicon's words first, then the most frequent plain ones). */
export function buildVectors(embeddings: Embeddings, lexicon: ReadonlySet<string>, size: number): VectorBuild {
  const rows = new Map<string, Int8Array | null>();
  const row = (w: string) => {
    if (!rows.has(w)) { const v = embeddings.vector(w); rows.set(w, v ? quantise(v, embeddings.dims) : null); }
    return rows.get(w) ?? null;
  };
  const { words, fromLexicon } = selectVocabulary(embeddings.words, lexicon, size, (w) => row(w) !== null);
  const bytes = encodeVectors(words, words.map((w) => row(w)!), embeddings.dims);
  return { bytes, words, dims: embeddings.dims, fromLexicon };
}
