#!/usr/bin/env node
// `npm run eval`'s calibration table: how often the stances the analyser gives on a labelled set are right, by confidence.
//
//   node scripts/calibration.mjs [--cli PATH] [--json] DIR...
//
// For each DIR (NAME.txt beside NAME.gold.json) it runs `PATH analyze --json DIR` (PATH defaults to
// node_modules/.bin/standpoint, built by `npm run build`), counts a stance right when the official scorer counts its
// triple a true positive, wrong when a false positive (optional ones are neither), and prints the 10-bin reliability
// table and the expected calibration error. It checks its counts against ../shared/eval/score.mjs's and exits 1 when
// they differ or the analyser fails; it skips, with a message, when ../shared/eval is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reliability } from '../dist/learn/calibrate.js';
import { stanceOutcomes } from './stance-outcomes.mjs';

const args = process.argv.slice(2);
const cliAt = args.indexOf('--cli');
const cli = cliAt >= 0 ? args.splice(cliAt, 2)[1] : 'node_modules/.bin/standpoint';
const asJson = args.includes('--json');
const dirs = args.filter((a) => !a.startsWith('--'));
const scorer = path.resolve('../shared/eval/score.mjs');
if (!dirs.length) { console.error('usage: calibration.mjs [--cli PATH] [--json] DIR...'); process.exit(2); }
if (!fs.existsSync(scorer)) {
  console.log(`calibration: SKIPPED: ${scorer} not found (the shared evaluation sets live in ../shared/eval beside the project)`);
  process.exit(0);
}

let failed = false;
const reports = {};
for (const dir of dirs) {
  const run = spawnSync(cli, ['analyze', '--json', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0 || run.error) {
    console.error(`calibration: ${dir}: \`${cli} analyze --json\` failed (${run.error?.message ?? `exit ${run.status}`})`);
    failed = true;
    continue;
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-calibration-'));
  try {
    const stances = [];
    let right = 0, wrong = 0; // distinct triples per article, as the scorer counts them
    for (const line of run.stdout.split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line);
      // Named as ../shared/eval/evaluate.mjs names them, so the scorer reads the same records.
      const name = path.basename(String(record.article?.file ?? record.article?.id ?? '')).replace(/\.(txt|json|jsonl|html?)$/, '');
      fs.writeFileSync(path.join(out, `${name}.json`), line);
      const goldFile = path.join(dir, `${name}.gold.json`);
      if (!fs.existsSync(goldFile)) continue;
      const outcomes = stanceOutcomes(record, JSON.parse(fs.readFileSync(goldFile, 'utf8')));
      if (!outcomes) continue;
      const seen = new Set();
      for (const o of outcomes) {
        if (o.outcome === 'neither') continue;
        stances.push({ confidence: o.stance.confidence, right: o.outcome === 'right' });
        if (seen.has(o.triple)) continue;
        seen.add(o.triple);
        if (o.outcome === 'right') right++; else wrong++;
      }
    }
    const score = spawnSync(process.execPath, [scorer, '--gold', dir, '--pred', out, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const official = JSON.parse(score.stdout).layers.stances ?? { tp: 0, fp: 0 };
    const agrees = official.tp === right && official.fp === wrong;
    if (!agrees) failed = true;
    const r = reliability(stances);
    reports[dir] = { stances: stances.length, ece: r.ece, brier: r.brier, bins: r.bins, scorer: { tp: official.tp, fp: official.fp, agrees } };
    if (asJson) continue;
    console.log(`\n${dir}: calibration of the ${stances.length} stances given (right: the official scorer's true positives; optional ones left out)`);
    console.log('confidence   n     mean   accuracy');
    for (const b of r.bins) if (b.count) console.log(`${b.from.toFixed(1)}-${b.to.toFixed(1)}  ${String(b.count).padStart(5)}  ${b.meanConfidence.toFixed(3)}  ${b.accuracy.toFixed(3)}`);
    console.log(`expected calibration error ${r.ece.toFixed(3)}, Brier score ${r.brier.toFixed(3)}`);
    console.log(agrees
      ? `(the scorer agrees: ${right} right and ${wrong} wrong distinct stances)`
      : `calibration: the scorer counts ${official.tp} true and ${official.fp} false positives, this script ${right} and ${wrong}: its matching has drifted from score.mjs`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
if (asJson) console.log(JSON.stringify(reports, null, 1));
process.exit(failed ? 1 : 0);
