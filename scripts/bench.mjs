#!/usr/bin/env node
// `npm run bench`: the project's benchmarks in one table (or --json): analyser speed beside wink-nlp and compromise,
// where the analyser's time goes, time against article length, word vectors (load, memory, operations per second),
// worker threads, ingest speed and memory, API latency.
//
//   node scripts/bench.mjs [--json] [--only analyze,length,vectors,workers,queue,ingest,api] [--articles N] [--analyze-articles N]
//                          [--workers-articles N,N] [--queue-articles N] [--api-db FILE]   (run `npm run build` first)
//
// The corpus is built at run time from the texts in ../shared/eval and never committed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchApi } from './bench-api.mjs';
import { copyStore } from './bench-copy-store.mjs';
import { writeCorpus } from './bench-corpus.mjs';
import { benchAnalyze, benchAnalyzeIsolated, benchLength, benchStages, benchWarmup } from './bench-analyze.mjs';
import { benchIngest, ingest } from './bench-ingest.mjs';
import { benchParse } from './bench-parse.mjs';
import { benchQueue } from './bench-queue.mjs';
import { benchVectors } from './bench-vectors.mjs';
import { benchWorkers, benchWorkersWarm } from './bench-workers.mjs';
import { cliNodeFlags } from './node-flags.mjs';

// In-process sections (the warm worker comparison, ingest, the API) run with the Node flags of the `standpoint`
// executable, as a user's command does: this script starts itself again with them if it was started without.
const flags = cliNodeFlags();
if (!flags.every((f) => process.execArgv.includes(f))) {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, [...process.execArgv, ...flags, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`Usage: npm run bench -- [options]

Benchmarks of Standpoint in one table, over a corpus built at run time from the texts in ../shared/eval.

Options:
  --json                    print the report as JSON instead of tables
  --only LIST               sections, comma-separated (default: analyze,parse,length,vectors,workers,queue,ingest,api)
  --articles N              articles for the ingest and API sections (default: 10000; 1000 is also run)
  --analyze-articles N      articles for the analyser comparison (default: 3000)
  --workers-articles LIST   batch sizes for the worker-thread comparison of the CLI, comma-separated
                            (default: 1000,5000,20000; each also run as two independent processes on
                            halves, the bound of a perfect split; a warm comparison of 3000 articles
                            after 2000 to warm up is added)
  --queue-articles N        articles for the NATS queue comparison (default: 3000)
  --api-db FILE             with --only api: time the API over this SQLite store (migrated in place) instead of
                            ingesting --articles into a new one; either way its rows are then copied into a fresh
                            PostgreSQL schema (when the server answers) and the API is timed there too
  -h, --help                show this help
`);
  process.exit(0);
}
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const asJson = args.includes('--json');
const only = (opt('--only') ?? 'analyze,parse,length,vectors,workers,queue,ingest,api').split(',');
const big = Number(opt('--articles') ?? 10000);
const analyzeArticles = Number(opt('--analyze-articles') ?? 3000);
const workersArticles = (opt('--workers-articles') ?? '1000,5000,20000').split(',').map(Number);
const queueArticles = Number(opt('--queue-articles') ?? 3000);
const apiDb = opt('--api-db');
const log = (s) => { if (!asJson) process.stderr.write(`${s}\n`); };

const report = {};
if (only.includes('analyze')) {
  log('analyser, wink-nlp and compromise…');
  report.analyze = benchAnalyze({ n: analyzeArticles, log });
  log('analyser, wink-nlp and compromise, each alone in a fresh process (Node defaults, then the CLI\'s flags)…');
  report.analyzeIsolated = [benchAnalyzeIsolated({ n: analyzeArticles, log }), benchAnalyzeIsolated({ n: analyzeArticles, flags, compromise: false, log })];
  log('analyser stages…');
  report.stages = await benchStages({ n: Math.min(500, analyzeArticles) });
  log('analyser warm-up in a fresh process…');
  report.warmup = benchWarmup({ flags });
}
if (only.includes('parse')) { log('parser…'); report.parse = benchParse({ log }); }
if (only.includes('length')) { log('analyser time against article length…'); report.length = benchLength({ log }); }
if (only.includes('vectors')) report.vectors = await benchVectors({ log });
if (only.includes('workers')) {
  report.workers = [];
  for (const n of workersArticles) report.workers.push(...await benchWorkers({ n, log }));
  report.workers.push(await benchWorkersWarm({ log }));
}
if (only.includes('queue')) report.queue = await benchQueue({ n: queueArticles, log });
// The API is timed over each store the ingest benchmark built (query time against store size and kind), or a SQLite one built here for --only api.
const timeApi = async (db, n, store = 'sqlite') => {
  if (only.includes('api')) { log(`api over ${n} articles (${store})…`); (report.api ??= []).push(...(await benchApi({ db, articles: n, log })).map((r) => ({ store, ...r }))); }
};
if (only.includes('ingest')) report.ingest = await benchIngest({ sizes: [...new Set([Math.min(1000, big), big])], log, onStore: timeApi });
else if (only.includes('api')) {
  // SQLite, then the same rows copied into PostgreSQL: the API over both stores without analysing the articles twice.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-bench-api-'));
  try {
    let db = apiDb;
    if (!db) {
      writeCorpus(path.join(dir, 'corpus.jsonl'), big);
      log(`api: ingesting ${big} articles…`);
      db = path.join(dir, 'bench.db');
      const run = ingest(db, path.join(dir, 'corpus.jsonl'));
      log(`api: ingested ${big} articles in ${run.seconds.toFixed(0)} s`);
    }
    const { openStore } = await import('../dist/store/open.js');
    const t = performance.now();
    const store = await openStore(db); // migrations (a store made by an older build is brought up to date)
    const n = (await store.counts()).articles;
    await store.close();
    log(`api: SQLite store of ${n} articles opened in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await timeApi(db, n);
    const pgBase = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `sp_bench_api_${process.pid}`;
    const admin = new (await import('pg')).default.Client({ connectionString: pgBase, connectionTimeoutMillis: 3000 });
    if (await admin.connect().then(() => true, () => false)) {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
      const url = `${pgBase}${pgBase.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      try {
        const c = performance.now();
        const rows = await copyStore(db, url, { log });
        log(`api: ${rows} rows copied into PostgreSQL in ${((performance.now() - c) / 1000).toFixed(0)} s`);
        await timeApi(url, n, 'postgres');
      } finally {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
      }
    } else {
      log(`api: PostgreSQL not reachable at ${pgBase}: skipped`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const pad = (s, n) => String(s).padEnd(n);
  if (report.analyze) {
    console.log(`\n${pad('ANALYSER, one core, warmed up, same articles', 47)}articles   MB     CPU s    wall s   articles/s   MB/s`);
    for (const r of report.analyze.rows) console.log(`${pad(r.what, 47)}${pad(r.articles, 11)}${pad(r.mb.toFixed(1), 7)}${pad(r.cpuSeconds.toFixed(1), 9)}${pad(r.seconds.toFixed(1), 9)}${pad(r.perSecond.toFixed(1), 13)}${r.mbPerSecond.toFixed(2)}`);
    const { analyserOverWink: w, compromiseOverAnalyser: c } = report.analyze.ratios;
    console.log(`analyser / bare wink-nlp: ${w.toFixed(2)}x (target <= 4: ${w <= 4 ? 'met' : 'MISSED'}); compromise / analyser: ${c.toFixed(2)}x (target >= 5: ${c >= 5 ? 'met' : 'MISSED'})`);
  }
  for (const iso of report.analyzeIsolated ?? []) {
    const heading = `ANALYSER, each pass alone in a fresh process, ${iso.flags.length ? `node ${iso.flags.join(' ')}` : 'Node defaults'}`;
    console.log(`\n${pad(heading, 80)}runs   articles   MB     CPU s    wall s   articles/s   MB/s`);
    for (const r of iso.rows) console.log(`${pad(r.what, 80)}${pad(r.runs, 7)}${pad(r.articles, 11)}${pad(r.mb.toFixed(1), 7)}${pad(r.cpuSeconds.toFixed(1), 9)}${pad(r.seconds.toFixed(1), 9)}${pad(r.perSecond.toFixed(1), 13)}${r.mbPerSecond.toFixed(2)}`);
    const [mine, wink] = iso.rows;
    const { analyserOverWink: w, analyserOverWinkRange: [lo, hi], compromiseOverAnalyser: c } = iso.ratios;
    console.log(`analyser / bare wink-nlp: ${w.toFixed(2)}x CPU (runs ${lo.toFixed(2)}-${hi.toFixed(2)}), ${(mine.seconds / wink.seconds).toFixed(2)}x wall (target <= 4: ${w <= 4 ? 'met' : 'MISSED'} on CPU)${c === null ? '' : `; compromise / analyser: ${c.toFixed(2)}x (target >= 5: ${c >= 5 ? 'met' : 'MISSED'})`}`);
  }
  if (report.stages) {
    console.log('\nANALYSER STAGES   seconds   share');
    for (const r of report.stages) console.log(`${pad(r.stage, 18)}${pad(r.seconds.toFixed(2), 10)}${(100 * r.share).toFixed(1)}%`);
  }
  if (report.warmup?.length) {
    console.log('\nWARM-UP (fresh process)   CPU s analysing   CPU s V8 background   wall s');
    for (const r of report.warmup) console.log(`${pad(`articles ${r.articles - 999}-${r.articles}`, 26)}${pad(r.main.toFixed(2), 18)}${pad(r.background.toFixed(2), 22)}${r.seconds.toFixed(2)}`);
  }
  if (report.parse) {
    const p = report.parse;
    console.log('\nPARSER, one core, warmed up    sentences   words     CPU s    sentences/s   words/s    target');
    console.log(`${pad('parse stage (tags given)', 31)}${pad(p.sentences, 12)}${pad(p.words, 10)}${pad(p.parseSeconds.toFixed(2), 9)}${pad(p.sentencesPerSecond.toFixed(0), 14)}${pad(p.wordsPerSecond.toFixed(0), 11)}>= 5000 sentences/s: ${p.sentencesPerSecond >= 5000 ? 'met' : 'MISSED'}`);
    console.log(`${pad('tokenize stage (wink-nlp)', 31)}${pad(p.sentences, 12)}${pad(p.words, 10)}${pad(p.tokenizeSeconds.toFixed(2), 9)}${pad(p.tokenizeSentencesPerSecond.toFixed(0), 14)}${pad((p.words / p.tokenizeSeconds).toFixed(0), 11)}`);
    console.log(`weights: ${p.weightsMb.toFixed(2)} MB, loaded in ${p.loadMs.toFixed(0)} ms (fresh process, median of 5)`);
  }
  if (report.length) {
    console.log('\nARTICLE LENGTH   characters   ms per article   s per MB');
    for (const r of report.length) console.log(`${pad('', 17)}${pad(r.chars, 13)}${pad((r.seconds * 1000).toFixed(1), 17)}${r.secondsPerMb.toFixed(2)}`);
  }
  if (report.vectors) {
    const { load: l, speed: s } = report.vectors;
    console.log(`\nWORD VECTORS (vectors.bin: ${l.words} words × ${l.dims})   fresh process, median of ${l.runs} runs`);
    console.log(`load (first wordVectors() call): ${l.loadMs.toFixed(1)} ms wall (fastest run ${l.loadMsMin.toFixed(1)}), ${l.loadCpuMs.toFixed(1)} ms CPU (target < 100: ${l.loadMs < 100 ? 'met' : 'MISSED'}); module import ${l.importMs.toFixed(1)} ms`);
    console.log(`memory added: ${l.rssMb.toFixed(1)} MB resident, ${l.heapMb.toFixed(1)} MB JS heap, ${l.externalMb.toFixed(1)} MB outside the heap (the file)`);
    console.log(`${pad('operation', 42)}calls/s     (over ${s.words} words of the evaluation texts, ${(100 * s.known).toFixed(1)}% with a vector)`);
    for (const r of s.rows) console.log(`${pad(r.what, 42)}${Math.round(r.perSecond).toLocaleString('en')}`);
  }
  if (report.workers) {
    console.log('\nWORKER THREADS                  articles   1 worker s   2 workers s   speed-up   split s   split speed-up   of split   identical output   load (1 min)   analysed again');
    for (const r of report.workers) {
      const split = r.splitSeconds === undefined ? ['-', '-', '-'] : [r.splitSeconds.toFixed(1), `${r.splitSpeedUp.toFixed(2)}x`, `${Math.round(100 * r.ofBound)}%`];
      console.log(`${pad(r.what, 32)}${pad(r.articles, 11)}${pad(r.oneWorker.toFixed(1), 13)}${pad(r.twoWorkers.toFixed(1), 14)}${pad(`${r.speedUp.toFixed(2)}x`, 11)}${pad(split[0], 10)}${pad(split[1], 17)}${pad(split[2], 11)}${pad(r.identical ? 'yes' : 'NO', 19)}${pad(r.load.toFixed(1), 15)}${r.reanalysed ?? '-'}`);
    }
    console.log('split: two independent one-thread processes at once, each on half of the batch (nothing shared): the most two threads can gain here');
    for (const r of report.workers) console.log(`two workers / one, ${r.what}: ${r.speedUp.toFixed(2)}x (target >= 1.6: ${r.speedUp >= 1.6 ? 'met' : 'MISSED'})`);
    console.log(`identical output with one and two workers: ${report.workers.every((r) => r.identical) ? 'yes' : 'NO'}`);
  }
  if (report.queue) {
    console.log('\nQUEUE (NATS → worker processes → PostgreSQL)   articles   seconds   articles/s   stored   proposals   observations');
    for (const r of report.queue) console.log(`${pad(`${r.workers} worker${r.workers > 1 ? 's' : ''}`, 47)}${pad(r.articles, 11)}${pad(r.seconds.toFixed(1), 10)}${pad(r.perSecond.toFixed(1), 13)}${pad(r.counts.articles, 9)}${pad(r.counts.proposals, 12)}${r.counts.observations}`);
    if (report.queue.length === 2) console.log(`two workers / one: ${(report.queue[0].seconds / report.queue[1].seconds).toFixed(2)}x faster (target >= 1.6)`);
  }
  if (report.ingest) {
    console.log('\nINGEST      articles   seconds   articles/s   peak MB   new     copies');
    for (const r of report.ingest) console.log(`${pad(r.store, 12)}${pad(r.articles, 11)}${pad(r.seconds.toFixed(1), 10)}${pad(r.perSecond.toFixed(1), 13)}${pad(r.peakMemoryMb, 10)}${pad(r.new, 8)}${r.copies}`);
  }
  if (report.api) {
    console.log('\nAPI (in-process)  call                                                         articles  p50 ms     p95 ms   CPU ms (p50)');
    for (const r of report.api) console.log(`${pad(r.store, 18)}${pad(r.what, 61)}${pad(r.articles, 10)}${pad(r.median.toFixed(1), 11)}${pad(r.p95.toFixed(1), 9)}${r.cpu.toFixed(1)}`);
    // Targets (issue 18): the busiest proposal's page p50 <= 20 ms and the board's <= 50 ms, on each store.
    for (const r of report.api.filter((x) => x.target !== undefined)) {
      console.log(`${r.store}, ${r.articles} articles, ${r.what}: p50 ${r.median.toFixed(1)} ms (target <= ${r.target}: ${r.median <= r.target ? 'met' : 'MISSED'})`);
    }
  }
}
