// Worker-thread benchmark: the same batch through `analyze` and `ingest` with one worker and with two; outputs compared.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evalArticles, writeCorpus } from './bench-corpus.mjs';
import { cliNodeFlags } from './node-flags.mjs';

const CLI = path.resolve('dist/cli/main.js');
/** Node's arguments for running `standpoint ARGS` as the executable runs (with the flags of its first line). */
const cliArgs = (args) => [...cliNodeFlags(), CLI, ...args];

function run(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, cliArgs(args), { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`standpoint ${args.join(' ')} failed: ${r.stderr.split('\n').slice(-5).join('\n')}`);
  return { seconds: (performance.now() - t) / 1000, stdout: r.stdout };
}

/** Runs two commands at once; wall seconds until both have ended. */
function runBoth(argsA, argsB) {
  const t = performance.now();
  const one = (args) => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgs(args), { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err = (err + d).slice(-4000); });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`standpoint ${args.join(' ')} failed: ${err.split('\n').slice(-5).join('\n')}`))));
  });
  return Promise.all([one(argsA), one(argsB)]).then(() => (performance.now() - t) / 1000);
}

/** Writes the first and the second half of a JSON Lines file to two files; returns their paths. */
function halves(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const mid = Math.ceil(lines.length / 2);
  return [lines.slice(0, mid), lines.slice(mid)].map((part, i) => {
    const out = file.replace(/\.jsonl$/, `.half${i + 1}.jsonl`);
    fs.writeFileSync(out, `${part.join('\n')}\n`);
    return out;
  });
}

/** The knowledge lag of the ingest row that analyses no article twice: 4 per worker, as many as two workers run ahead. */
const LAG = 8;

const digest = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const storeDigest = (db) => digest(['proposals', 'stances', 'observations', 'quotes', 'actors', 'articles'].map((what) => run(['export', '--db', db, '--what', what]).stdout).join(''));

/**
 * Rows: analyze, ingest (SQLite) and ingest with a knowledge lag of `n` articles with --workers 1 and 2, wall seconds, speed-up, and whether outputs
 * are identical; beside them the bound of a perfect split on this machine: two independent one-thread processes, run
 * at once, each on half of the batch (for ingest each into a store of its own), with nothing shared, ordered or sent
 * between them. Two workers cannot beat that split by much; `ofBound` is how much of its speed-up they reach.
 */
export async function benchWorkers({ n = 1000, log = () => {} } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-bench-workers-'));
  try {
    const corpus = path.join(dir, 'corpus.jsonl');
    writeCorpus(corpus, n, { seed: 3 });
    const [h1, h2] = halves(corpus);
    const rows = [];
    const row = (what, one, two, split, identical, extra = {}) => ({
      what, articles: n, oneWorker: one, twoWorkers: two, speedUp: one / two, splitSeconds: split, splitSpeedUp: one / split,
      ofBound: (one / two) / (one / split), identical, cores: os.availableParallelism(), load: os.loadavg()[0], ...extra,
    });
    const a = [1, 2].map((w) => { log(`workers: analyze --workers ${w} (${n})`); const r = run(['analyze', '--json', '--workers', String(w), corpus]); return { ...r, digest: digest(r.stdout) }; });
    log(`workers: two one-thread analyze processes at once, each on half (${n})`);
    const aSplit = await runBoth(['analyze', '--json', '--workers', '1', h1], ['analyze', '--json', '--workers', '1', h2]);
    rows.push(row('analyze, cold', a[0].seconds, a[1].seconds, aSplit, a[0].digest === a[1].digest));
    const i = [1, 2].map((w) => {
      log(`workers: ingest --workers ${w} (${n})`);
      const db = path.join(dir, `w${w}.db`);
      const r = run(['ingest', '--json', '--db', db, '--workers', String(w), corpus]);
      return { ...r, digest: storeDigest(db), reanalysed: JSON.parse(r.stdout).reanalysed };
    });
    log(`workers: two one-thread ingest processes at once, each on half into a store of its own (${n})`);
    const iSplit = await runBoth(['ingest', '--json', '--db', path.join(dir, 'h1.db'), '--workers', '1', h1], ['ingest', '--json', '--db', path.join(dir, 'h2.db'), '--workers', '1', h2]);
    rows.push(row('ingest, cold', i[0].seconds, i[1].seconds, iSplit, i[0].digest === i[1].digest, { reanalysed: i[1].reanalysed }));
    // With a knowledge lag no article is analysed twice; the split is the same (one thread costs the same with a lag).
    const l = [1, 2].map((w) => {
      log(`workers: ingest --knowledge-lag ${LAG} --workers ${w} (${n})`);
      const db = path.join(dir, `lag-w${w}.db`);
      const r = run(['ingest', '--json', '--db', db, '--workers', String(w), '--knowledge-lag', String(LAG), corpus]);
      return { ...r, digest: storeDigest(db) };
    });
    rows.push(row(`ingest --knowledge-lag ${LAG}, cold`, l[0].seconds, l[1].seconds, iSplit, l[0].digest === l[1].digest, { reanalysed: 0 }));
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Steady state, as in a long batch: the analyser in this thread against a pool of two worker threads, each warmed up
 * first (V8 compiles the analyser's hot code during roughly the first thousand articles a thread analyses, several
 * CPU seconds per thread, which dominates a short batch), then timed over the same `n` articles; outputs compared.
 */
export async function benchWorkersWarm({ n = 3000, warm = 2000, log = () => {} } = {}) {
  const { analyze } = await import('../dist/analyze/index.js');
  const { AnalyzerPool } = await import('../dist/workers/pool.js');
  const warmup = evalArticles(warm, { seed: 77 });
  const articles = evalArticles(n, { seed: 3 });
  const runPool = async (pool, list) => {
    const out = new Array(list.length);
    const inflight = new Set();
    for (let i = 0; i < list.length; i++) {
      const p = pool.analyzeJson(list[i]).then((r) => { out[i] = r.json; inflight.delete(p); }); // as `analyze --json` does
      inflight.add(p);
      if (inflight.size >= pool.size * 4) await Promise.race(inflight);
    }
    await Promise.all(inflight);
    return out;
  };
  log(`workers (warm): one thread, ${warm} articles to warm up, ${n} timed`);
  for (const a of warmup) analyze(a);
  let t = performance.now();
  const one = articles.map((a) => JSON.stringify(analyze(a).record));
  const oneSeconds = (performance.now() - t) / 1000;
  log(`workers (warm): two worker threads, ${warm} articles to warm up, ${n} timed`);
  const pool = new AnalyzerPool(2);
  try {
    await runPool(pool, warmup);
    t = performance.now();
    const two = await runPool(pool, articles);
    const twoSeconds = (performance.now() - t) / 1000;
    return { what: 'analyze, warm', articles: n, oneWorker: oneSeconds, twoWorkers: twoSeconds, speedUp: oneSeconds / twoSeconds, identical: two.every((r, i) => r === one[i]), cores: os.availableParallelism(), load: os.loadavg()[0] };
  } finally {
    await pool.close();
  }
}
