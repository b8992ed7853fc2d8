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

export const contentHash = (text: string): string => createHash('sha256').update(normalizeText(text)).digest('hex').slice(0, 32);

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed odd multipliers and offsets derive 64 hash functions from one (deterministic across runs and machines).
const MUL = Array.from({ length: HASHES }, (_, i) => (fnv1a(`m${i}`) | 1) >>> 0);
const ADD = Array.from({ length: HASHES }, (_, i) => fnv1a(`a${i}`));

/** MinHash signature over word 5-shingles, as 64 unsigned 32-bit values. */
export function minhash(text: string): Uint32Array {
  const words = normalizeText(text).replace(/[^\p{L}\p{N}' ]+/gu, ' ').split(' ').filter(Boolean);
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const k = Math.min(5, Math.max(1, words.length));
  for (let i = 0; i + k <= words.length; i++) {
    const h = fnv1a(words.slice(i, i + k).join(' '));
    for (let j = 0; j < HASHES; j++) {
      const v = (Math.imul(h, MUL[j]) + ADD[j]) >>> 0;
      if (v < sig[j]) sig[j] = v;
    }
  }
  return sig;
}

/** What identifies an article's content: its exact hash and its MinHash signature (computable away from the store). */
export interface Fingerprint { contentHash: string; signature: Uint32Array }

export const fingerprint = (text: string): Fingerprint => ({ contentHash: contentHash(text), signature: minhash(text) });

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
