// `npm run eval:parser`: UAS/LAS of the shipped weights (src/analyze/parse/parser.bin) on UD English EWT dev and test,
// with wink-nlp's tags (as at run time) and with the treebank's own tags (for reference), and the parse speed.
//
//   npm run eval:parser -- [--data DIR] [--weights FILE] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { GreedyParser } from '../../analyze/parse/decode.js';
import { ModelWeights } from '../../analyze/parse/model.js';
import { findData, formatTable, scoreTable } from './evaluate.js';
import { readTreebank } from './treebank.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`Usage: npm run eval:parser -- [--data DIR] [--weights FILE] [--json]

UAS/LAS of the parser's weights on UD English EWT dev and test, with wink-nlp's tags and with the gold tags.
  --data DIR      the treebank's folder (default: ../shared/data/ud-english-ewt)
  --weights FILE  weights to score (default: src/analyze/parse/parser.bin)
  --json          print the scores as JSON
`);
  process.exit(0);
}
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const dir = findData(opt('--data'));
const file = opt('--weights') ?? path.resolve('src/analyze/parse/parser.bin');
process.stderr.write(`reading and tagging dev and test (wink-nlp)…\n`);
const sets = { dev: readTreebank(path.join(dir, 'en_ewt-ud-dev.conllu')), test: readTreebank(path.join(dir, 'en_ewt-ud-test.conllu')) };
const t0 = performance.now();
const weights = new ModelWeights(fs.readFileSync(file));
const loadMs = performance.now() - t0;
const scores = scoreTable(weights, sets);
// Speed: the test sentences parsed again, warm, CPU time of this thread (one core).
const parser = new GreedyParser(weights);
const sentences = sets.test.sentences;
for (const s of sentences) parser.parse(s.forms, s.tags);
const c0 = process.cpuUsage();
for (let r = 0; r < 3; r++) for (const s of sentences) parser.parse(s.forms, s.tags);
const c = process.cpuUsage(c0);
const perSecond = (3 * sentences.length) / ((c.user + c.system) / 1e6);
if (args.includes('--json')) console.log(JSON.stringify({ weights: file, bytes: fs.statSync(file).size, loadMs, sentencesPerSecond: perSecond, scores }, null, 2));
else console.log(`${formatTable(scores)}\nweights: ${file} (${(fs.statSync(file).size / 1e6).toFixed(2)} MB, loaded in ${loadMs.toFixed(0)} ms); ${perSecond.toFixed(0)} sentences/s (one core, tags given)`);
