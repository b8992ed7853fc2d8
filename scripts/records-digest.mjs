#!/usr/bin/env node
// A digest of the analysis records of every article of the reference sets (and of generated benchmark articles), for
// changes that must not change the analyser's output (speed work): run it before and after, and compare. Prints one
// line per set (articles, SHA-256 of their records as `analyze --json` prints them) and, with --out DIR, writes the
// records there to diff. Run `npm run build` first.
//
//   node scripts/records-digest.mjs [--bench N] [--out DIR] [SET...]   (default sets: ../shared/train ../shared/eval/dev
//                                                                       ../shared/eval/news-2 test/gold; --bench 1500)
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus } from './bench-corpus.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const bench = Number(opt('--bench') ?? 1500);
const out = opt('--out');
const sets = args.length ? args : ['../shared/train', '../shared/eval/dev', '../shared/eval/news-2', 'test/gold'];
// A fixed path: records name their file, and two runs must name the same one.
const benchFile = path.join(os.tmpdir(), `standpoint-digest-bench-${bench}.jsonl`);
try {
  if (bench > 0) {
    writeCorpus(benchFile, bench, { seed: 5 });
    sets.push(benchFile);
  }
  const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
  for (const set of sets) {
    if (!fs.existsSync(set)) { console.log(`${set}: missing`); continue; }
    const r = spawnSync(process.execPath, ['--max-semi-space-size=32', cli, 'analyze', '--json', '--workers', '1', set], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const records = r.stdout;
    const name = path.basename(set);
    if (out) { fs.mkdirSync(out, { recursive: true }); fs.writeFileSync(path.join(out, `${name}.jsonl`), records); }
    const n = records.split('\n').filter(Boolean).length;
    console.log(`${name}: ${n} records, sha256 ${crypto.createHash('sha256').update(records).digest('hex')}`);
  }
} finally {
  fs.rmSync(benchFile, { force: true });
}
