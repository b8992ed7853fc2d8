#!/usr/bin/env node
// A first benchmark of the analyser: articles and characters per second, in-process, on the given PATHs.
//
//   node scripts/bench.mjs [--rounds N] [PATH...]     (default: examples/, 20 rounds; run `npm run build` first)
import { analyze } from '../dist/analyze/index.js';
import { readInputs } from '../dist/ingest/read-inputs.js';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 20;
const paths = args.length ? args : ['examples'];

const articles = [];
for await (const input of readInputs(paths)) if (input.kind === 'article') articles.push(input.article);
if (!articles.length) {
  console.error(`bench: no articles in ${paths.join(' ')}`);
  process.exit(1);
}
const chars = articles.reduce((n, a) => n + a.text.length, 0);

analyze(articles[0]); // warm-up: lexicons and models load on first use
const started = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) for (const a of articles) analyze(a);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const n = rounds * articles.length;
console.log(`${n} analyses of ${articles.length} articles (${chars} characters) in ${seconds.toFixed(2)} s: ${(n / seconds).toFixed(1)} articles/s, ${((rounds * chars) / seconds / 1000).toFixed(0)} k characters/s, ${((seconds / n) * 1000).toFixed(1)} ms per article`);
