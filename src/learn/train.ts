#!/usr/bin/env node
// `npm run train`: rebuilds the analyser's learned decisions from the labelled sets and prints their leave-one-story-out scores.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { readLabelled } from './corpus.js';
import { calibrationText, type Reliability } from './calibrate.js';
import { modelText } from './logistic.js';
import { trainPhrases } from './train-phrases.js';
import { trainStances, type StanceTrainingReport } from './train-stances.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_SETS = ['../shared/train', '../shared/eval/dev', '../shared/eval/news-2'];

const program = new Command('train')
  .description('Train the learned stance decisions on labelled sets (NAME.txt beside NAME.gold.json); print leave-one-story-out scores')
  .option('--sets <dirs...>', 'labelled sets to train and score on', DEFAULT_SETS)
  .option('--held-out <dirs...>', 'sets scored leave-one-story-out but left out of the shipped models, so `npm run eval` measures them unseen', ['../shared/eval/news-2'])
  .option('--seed <n>', 'seed of the example order', '1')
  .option('--epochs <n>', 'passes over the examples', '5')
  .option('--keep <dir>', 'keep the leave-one-story-out records in this folder (DIR/SET/NAME.json), for error analysis')
  .option('--no-write', 'score only: do not write the models and the confidence maps into src/analyze/')
  .option('--check', 'write nothing; fail, naming the file, when a committed model or map differs from what this run makes (CI)')
  .option('--json', 'print the report as JSON')
  .action(async (opts: { sets: string[]; heldOut: string[]; seed: string; epochs: string; write: boolean; keep?: string; check?: boolean; json?: boolean }) => {
    const sets = opts.sets.map((s) => path.resolve(ROOT, s));
    for (const s of sets) {
      if (fs.existsSync(s)) continue;
      // As scripts/eval-check.mjs: without the shared sets beside the project there is nothing to check against.
      if (opts.check) { console.log(`train --check: SKIPPED: ${s} not found (the labelled sets live in ../shared beside the project)`); return; }
      console.error(`train: ${s}: no such folder`);
      process.exit(1);
    }
    const scorer = path.resolve(ROOT, '../shared/eval/score.mjs');
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const items = await readLabelled(sets);
    const seed = Number(opts.seed);
    const heldOut = new Set(opts.heldOut.map((s) => path.resolve(ROOT, s)));
    const shipped = (item: { set: string }) => !heldOut.has(item.set);
    const phrases = trainPhrases(items, shipped, seed, log);
    const report = trainStances({
      sets, items, phraseFolds: phrases.folds, shipped, seed, epochs: Number(opts.epochs),
      scorer: fs.existsSync(scorer) ? scorer : null, keep: opts.keep, log,
    });
    const files: [string, string][] = [
      ['src/analyze/phrases/phrase-model.json', modelText(phrases.final)],
      ['src/analyze/decide/stance-model.json', modelText(report.stance)],
      ['src/analyze/decide/proposal-model.json', modelText(report.proposal)],
      ['src/analyze/decide/calibration.json', calibrationText(report.calibration.file)],
    ];
    if (opts.json) console.log(JSON.stringify({ ...report, stance: undefined, proposal: undefined }, null, 1));
    else console.log(renderReport(report));
    if (opts.check) process.exitCode = check(files);
    else if (opts.write) for (const [file, text] of files) fs.writeFileSync(path.join(ROOT, file), text);
  });

/** 1 when a file differs from the text this run makes (each named), else 0. */
function check(files: readonly [string, string][]): number {
  const differ = files.filter(([file, text]) => !fs.existsSync(path.join(ROOT, file)) || fs.readFileSync(path.join(ROOT, file), 'utf8') !== text);
  for (const [file] of differ) console.error(`train --check: ${file} differs from what \`npm run train\` makes: retrain and commit it`);
  if (!differ.length) console.error(`train --check: ok: ${files.map(([f]) => path.basename(f)).join(', ')} are what \`npm run train\` makes`);
  return differ.length ? 1 : 0;
}

const thresholds = (s: StanceTrainingReport['settings']): string =>
  `stance ${s.minProbability} (named by trigger words; ${s.minProbabilitySure} on a proposal at ${s.sureProposal} or more), ` +
  `${s.minProbabilityPhrase} (found as phrases); proposal ${s.minProposal}`;

function renderReport(r: StanceTrainingReport): string {
  const lines = [`decisions: ${r.examples.stances} pairs, ${r.examples.proposals} proposals, ${r.folds} story folds, ${r.seconds.toFixed(0)} s`,
    `thresholds: ${thresholds(r.settings)}`, `(best pair-level F1 on the held-out folds would be at ${thresholds(r.tuned)})`, '',
    'leave-one-story-out (official scorer)', 'set              layer            precision  recall  f1'];
  for (const [set, layers] of Object.entries(r.loso)) {
    for (const [layer, s] of Object.entries(layers)) {
      lines.push(`${path.basename(set).padEnd(16)} ${layer.padEnd(16)} ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${s.f1.toFixed(3)}`);
    }
  }
  const c = r.calibration;
  lines.push('', `calibration of the stances given on the held-out folds (${c.stances.model} by the model, ${c.stances.rule} rules' readings it let stand)`,
    'nested: each story\'s stances mapped by the map fitted on the other stories\' stances', 'map                ECE    Brier  ECE of the model\'s / the rules\'');
  for (const [name, rel] of Object.entries(c.nested)) {
    lines.push(`${name.padEnd(16)} ${rel.ece.toFixed(3)}  ${rel.brier.toFixed(3)}  ${rel.eceByKind.model.toFixed(3)} / ${rel.eceByKind.rule.toFixed(3)}${name === 'platt' ? '  (shipped)' : ''}`);
  }
  lines.push(`shipped maps (Platt): model a ${c.file.model.a} b ${c.file.model.b}; rule a ${c.file.rule.a} b ${c.file.rule.b}`);
  lines.push(...reliabilityLines('raw probabilities', c.nested.raw), ...reliabilityLines('calibrated (Platt, nested)', c.nested.platt));
  return lines.join('\n');
}

function reliabilityLines(title: string, r: Reliability): string[] {
  const lines = ['', `${title}: expected calibration error ${r.ece.toFixed(3)}`, 'confidence   n     mean   accuracy'];
  for (const b of r.bins) if (b.count) lines.push(`${b.from.toFixed(1)}-${b.to.toFixed(1)}  ${String(b.count).padStart(5)}  ${b.meanConfidence.toFixed(3)}  ${b.accuracy.toFixed(3)}`);
  return lines;
}

await program.parseAsync();
