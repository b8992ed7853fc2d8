// Parser benchmark: sentences per second of the parse stage alone (one core, warmed up) over news sentences split by
// the analyser's tokenizer, beside the tokenizer's own speed on the same articles; weights size and load time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { newDoc } from '../dist/analyze/doc.js';
import { EMPTY_KNOWLEDGE } from '../dist/analyze/knowledge.js';
import { parse } from '../dist/analyze/parse/parse.js';
import { tokenize } from '../dist/analyze/tokenize/tokenize.js';
import { evalArticles } from './bench-corpus.mjs';

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const WEIGHTS = new URL('../dist/analyze/parse/parser.bin', import.meta.url);

/** Tokenized documents of `n` articles (the tokenizer timed too). */
function tokenized(n, seed) {
  const docs = evalArticles(n, { seed }).map((a) => newDoc(a, a.text, EMPTY_KNOWLEDGE));
  const c0 = cpuMs();
  for (const doc of docs) tokenize.run(doc);
  return { docs, tokenizeMs: cpuMs() - c0 };
}

/** Load time of the weights in a fresh process (the median of `reps`), in ms. */
function loadMs(reps = 5) {
  const code = `const t0 = performance.now(); const m = await import(${JSON.stringify(new URL('../dist/analyze/parse/parse.js', import.meta.url).href)}); const t1 = performance.now(); m.parser(); console.log(performance.now() - t1);`;
  const times = [];
  for (let r = 0; r < reps; r++) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`parser load benchmark failed: ${run.stderr}`);
    times.push(Number(run.stdout.trim()));
  }
  return times.sort((a, b) => a - b)[reps >> 1];
}

export function benchParse({ n = 500, warmup = 200, log = () => {} } = {}) {
  log('parser: warming up…');
  for (const doc of tokenized(warmup, 71).docs) parse.run(doc);
  const { docs, tokenizeMs } = tokenized(n, 13);
  const sentences = docs.reduce((s, d) => s + d.sentences.length, 0);
  const words = docs.reduce((s, d) => s + d.tokens.filter((t) => t.pos !== 'SPACE').length, 0);
  log(`parser: ${sentences} sentences…`);
  const c0 = cpuMs();
  for (const doc of docs) parse.run(doc);
  const parseMs = cpuMs() - c0;
  return {
    articles: n, sentences, words,
    parseSeconds: parseMs / 1000, sentencesPerSecond: sentences / (parseMs / 1000), wordsPerSecond: words / (parseMs / 1000),
    tokenizeSeconds: tokenizeMs / 1000, tokenizeSentencesPerSecond: sentences / (tokenizeMs / 1000),
    weightsMb: fs.statSync(WEIGHTS).size / 1e6, loadMs: loadMs(),
  };
}
