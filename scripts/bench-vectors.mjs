// Word-vector benchmark: vectors.bin's load time and memory in fresh processes, then look-ups, similarities,
// phrase vectors and proposal-likeness per second over the words of the evaluation texts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { evalParagraphs } from './bench-corpus.mjs';

const VECTORS = fileURLToPath(new URL('../dist/analyze/vectors/vectors.js', import.meta.url));
const LIKENESS = fileURLToPath(new URL('../dist/analyze/vectors/proposal-likeness.js', import.meta.url));

/** Run in a fresh process: the first wordVectors() call timed, and what the loaded table adds to memory. */
const CHILD = `
  const mb = (n) => n / 1048576;
  globalThis.gc(); globalThis.gc();
  const before = process.memoryUsage();
  const started = performance.now();
  const v = await import(${JSON.stringify(VECTORS)});
  const imported = performance.now();
  const cpu = process.cpuUsage();
  const table = v.wordVectors();
  const loaded = performance.now();
  const used = process.cpuUsage(cpu);
  globalThis.gc(); globalThis.gc();
  const after = process.memoryUsage();
  console.log(JSON.stringify({
    importMs: imported - started, loadMs: loaded - imported, loadCpuMs: (used.user + used.system) / 1000, words: table.words.length, dims: table.dims,
    rssMb: mb(after.rss - before.rss), heapMb: mb(after.heapUsed - before.heapUsed), externalMb: mb(after.external - before.external),
  }));`;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Median load time and memory of `runs` fresh processes (and the fastest load: the least disturbed by other work). */
export function benchVectorsLoad({ runs = 9 } = {}) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', CHILD], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench-vectors: the load run failed: ${r.stderr}`);
    results.push(JSON.parse(r.stdout));
  }
  const pick = (k) => median(results.map((r) => r[k]));
  return { runs, words: results[0].words, dims: results[0].dims, importMs: pick('importMs'), loadMs: pick('loadMs'), loadMsMin: Math.min(...results.map((r) => r.loadMs)), loadCpuMs: pick('loadCpuMs'), rssMb: pick('rssMb'), heapMb: pick('heapMb'), externalMb: pick('externalMb') };
}

/** Calls of `fn` over `items` per second, the loop repeated until a second has passed. */
function rate(what, items, fn) {
  let calls = 0;
  let sink = 0;
  const started = performance.now();
  do { for (const x of items) sink += fn(x); calls += items.length; } while (performance.now() - started < 1000);
  const seconds = (performance.now() - started) / 1000;
  return { what, calls, seconds, perSecond: calls / seconds, sink };
}

/** Operations per second in this process, over the words of the evaluation texts as they are written. */
export async function benchVectorsSpeed() {
  const v = await import(VECTORS);
  const { proposalLikeness } = await import(LIKENESS);
  const table = v.wordVectors();
  const words = evalParagraphs().join(' ').split(/[^\p{L}'’-]+/u).filter(Boolean);
  if (!words.length) throw new Error('bench: no evaluation texts in ../shared/eval to take words from');
  const known = words.filter((w) => v.rowOf(w, table) >= 0).length;
  const pairs = words.slice(0, -1).map((w, i) => [w, words[i + 1]]);
  const phrases = words.slice(0, -2).map((w, i) => [w, words[i + 1], words[i + 2]]);
  const rows = [
    rate('rowOf (word → row, fallbacks included)', words, (w) => v.rowOf(w, table)),
    rate('vectorOf', words, (w) => (v.vectorOf(w, table) ? 1 : 0)),
    rate('similarity (two words)', pairs, ([a, b]) => v.similarity(a, b, table)),
    rate('phraseVector (three words)', phrases, (p) => (v.phraseVector(p, table) ? 1 : 0)),
    rate('proposalLikeness', words, (w) => proposalLikeness(w, table)),
    rate('nearest (k = 10, whole vocabulary)', words.slice(0, 50), (w) => v.nearest(w, 10, table).length),
  ];
  return { words: words.length, known: known / words.length, rows: rows.map(({ sink, ...r }) => r) };
}

export async function benchVectors({ runs = 9, log = () => {} } = {}) {
  log('word vectors: load in fresh processes…');
  const load = benchVectorsLoad({ runs });
  log('word vectors: operations per second…');
  return { load, speed: await benchVectorsSpeed() };
}
