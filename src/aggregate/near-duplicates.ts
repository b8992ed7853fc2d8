// Content identity of articles: an exact hash of the normalised text, and MinHash signatures for near-duplicates.
import { createHash } from 'node:crypto';

const HASHES = 64;
const ROWS_PER_BAND = 4; // 16 bands: pairs with Jaccard 0.8 share a band with probability > 0.999
/** Articles whose estimated word-shingle Jaccard similarity reaches this are copies of one another. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/** Normalises text so that whitespace, case and quote styles do not make two copies differ. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

const hashOf = (normalized: string): string => createHash('sha256').update(normalized).digest('hex').slice(0, 32);

export const contentHash = (text: string): string => hashOf(normalizeText(text));

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a(s: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

// Fixed odd multipliers and offsets derive 64 hash functions from one (deterministic across runs and machines).
const MUL = Uint32Array.from({ length: HASHES }, (_, i) => (fnv1a(`m${i}`) | 1) >>> 0);
const ADD = Uint32Array.from({ length: HASHES }, (_, i) => fnv1a(`a${i}`));

/**
 * MinHash signature over word 5-shingles, as 64 unsigned 32-bit values. A shingle's hash is FNV-1a of its words
 * joined by single spaces, computed over the words in place (no joined string is built). `normalized` is
 * `normalizeText(text)`, when the caller has it already.
 */
export function minhash(text: string, normalized = normalizeText(text)): Uint32Array {
  const words = normalized.replace(/[^\p{L}\p{N}' ]+/gu, ' ').split(' ').filter(Boolean);
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const k = Math.min(5, Math.max(1, words.length));
  for (let i = 0; i + k <= words.length; i++) {
    let h = FNV_BASIS;
    for (let m = 0; m < k; m++) {
      if (m > 0) h = Math.imul(h ^ 32, FNV_PRIME); // the space between two words
      const w = words[i + m];
      for (let c = 0; c < w.length; c++) h = Math.imul(h ^ w.charCodeAt(c), FNV_PRIME);
    }
    h >>>= 0;
    for (let j = 0; j < HASHES; j++) {
      const v = (Math.imul(h, MUL[j]) + ADD[j]) >>> 0;
      if (v < sig[j]) sig[j] = v;
    }
  }
  return sig;
}

/** What identifies an article's content: its exact hash and its MinHash signature (computable away from the store). */
export interface Fingerprint { contentHash: string; signature: Uint32Array }

export function fingerprint(text: string): Fingerprint {
  const normalized = normalizeText(text);
  return { contentHash: hashOf(normalized), signature: minhash(text, normalized) };
}

export const signatureHex = (sig: Uint32Array): string => Array.from(sig, (v) => v.toString(16).padStart(8, '0')).join('');

export function parseSignature(hex: string): Uint32Array {
  const sig = new Uint32Array(HASHES);
  for (let j = 0; j < HASHES; j++) sig[j] = parseInt(hex.slice(j * 8, j * 8 + 8), 16) >>> 0;
  return sig;
}

/** LSH bands of a signature: articles sharing a band are candidates for near-duplicates. */
export function bands(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < HASHES / ROWS_PER_BAND; b++) {
    const part = Array.from(sig.subarray(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND), (v) => v.toString(36)).join('.');
    out.push(`${b}:${part}`);
  }
  return out;
}

/** Estimated Jaccard similarity of the two texts' shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let j = 0; j < HASHES; j++) if (a[j] === b[j]) same++;
  return same / HASHES;
}
