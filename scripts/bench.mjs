#!/usr/bin/env node
// `npm run bench`: the project's benchmarks in one table (or --json): analyser speed, ingest speed and memory, API latency.
//
//   node scripts/bench.mjs [--json] [--only analyze,ingest,api] [--articles N]   (run `npm run build` first)
//
// The corpus is built at run time from the texts in ../shared/eval and never committed.
import { analyze } from '../dist/analyze/index.js';
import { evalParagraphs } from './bench-corpus.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchApi } from './bench-api.mjs';
import { writeCorpus } from './bench-corpus.mjs';
import { benchIngest, ingest } from './bench-ingest.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const asJson = args.includes('--json');
const only = (opt('--only') ?? 'analyze,ingest,api').split(',');
const big = Number(opt('--articles') ?? 10000);
const log = (s) => { if (!asJson) process.stderr.write(`${s}\n`); };

function benchAnalyze() {
  const pool = evalParagraphs();
  if (!pool.length) throw new Error('bench: no evaluation texts in ../shared/eval');
  // Articles of eight paragraphs each, every paragraph used about once per round.
  const articles = [];
  for (let i = 0; i + 8 <= pool.length; i += 8) {
    articles.push({ id: `a${i}`, date: '2024-01-01', title: null, url: null, source: null, file: null, language: 'en', text: pool.slice(i, i + 8).join('\n\n') });
  }
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  analyze(articles[0]);
  let rounds = 0;
  const started = process.hrtime.bigint();
  let seconds = 0;
  do {
    for (const a of articles) analyze(a);
    rounds++;
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  } while (seconds < 5);
  const n = rounds * articles.length;
  return [{ what: 'analyser, one core', articles: n, seconds, perSecond: n / seconds, mbPerSecond: (rounds * chars) / seconds / 1e6 }];
}

const report = {};
if (only.includes('analyze')) { log('analyser…'); report.analyze = benchAnalyze(); }
// The API is timed over the largest SQLite store the ingest benchmark built (or one built here for --only api).
const timeApi = async (db, n) => { if (only.includes('api') && n === big) { log('api…'); report.api = await benchApi({ db, articles: n, log }); } };
if (only.includes('ingest')) report.ingest = await benchIngest({ sizes: [...new Set([Math.max(100, Math.round(big / 5)), big])], log, onSqlite: timeApi });
else if (only.includes('api')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-bench-api-'));
  try {
    writeCorpus(path.join(dir, 'corpus.jsonl'), big);
    log(`api: ingesting ${big} articles…`);
    ingest(path.join(dir, 'bench.db'), path.join(dir, 'corpus.jsonl'));
    await timeApi(path.join(dir, 'bench.db'), big);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const pad = (s, n) => String(s).padEnd(n);
  if (report.analyze) {
    console.log('\nANALYSER                articles   seconds   articles/s   MB/s');
    for (const r of report.analyze) console.log(`${pad(r.what, 24)}${pad(r.articles, 11)}${pad(r.seconds.toFixed(1), 10)}${pad(r.perSecond.toFixed(1), 13)}${r.mbPerSecond.toFixed(2)}`);
  }
  if (report.ingest) {
    console.log('\nINGEST      articles   seconds   articles/s   peak MB   new     copies');
    for (const r of report.ingest) console.log(`${pad(r.store, 12)}${pad(r.articles, 11)}${pad(r.seconds.toFixed(1), 10)}${pad(r.perSecond.toFixed(1), 13)}${pad(r.peakMemoryMb, 10)}${pad(r.new, 8)}${r.copies}`);
  }
  if (report.api) {
    console.log('\nAPI (in-process, SQLite)                                       articles  median ms  p95 ms');
    for (const r of report.api) console.log(`${pad(r.what, 63)}${pad(r.articles, 10)}${pad(r.median.toFixed(1), 11)}${r.p95.toFixed(1)}`);
  }
}
