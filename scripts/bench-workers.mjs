// Worker-thread benchmark: the same batch through `analyze` and `ingest` with one worker and with two; outputs compared.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus } from './bench-corpus.mjs';

const CLI = path.resolve('dist/cli/main.js');

function run(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`standpoint ${args.join(' ')} failed: ${r.stderr.split('\n').slice(-5).join('\n')}`);
  return { seconds: (performance.now() - t) / 1000, stdout: r.stdout };
}

const digest = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const storeDigest = (db) => digest(['proposals', 'stances', 'observations', 'quotes', 'actors', 'articles'].map((what) => run(['export', '--db', db, '--what', what]).stdout).join(''));

/** Rows: analyze and ingest (SQLite) of `n` articles with --workers 1 and 2, wall seconds, speed-up, and whether outputs are identical. */
export function benchWorkers({ n = 1000, log = () => {} } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-bench-workers-'));
  try {
    const corpus = path.join(dir, 'corpus.jsonl');
    writeCorpus(corpus, n, { seed: 3 });
    const rows = [];
    const a = [1, 2].map((w) => { log(`workers: analyze --workers ${w}`); const r = run(['analyze', '--json', '--workers', String(w), corpus]); return { ...r, digest: digest(r.stdout) }; });
    rows.push({ what: 'analyze', articles: n, oneWorker: a[0].seconds, twoWorkers: a[1].seconds, speedUp: a[0].seconds / a[1].seconds, identical: a[0].digest === a[1].digest, cores: os.availableParallelism(), load: os.loadavg()[0] });
    const i = [1, 2].map((w) => {
      log(`workers: ingest --workers ${w}`);
      const db = path.join(dir, `w${w}.db`);
      const r = run(['ingest', '--json', '--db', db, '--workers', String(w), corpus]);
      return { ...r, digest: storeDigest(db), reanalysed: JSON.parse(r.stdout).reanalysed };
    });
    rows.push({ what: 'ingest (SQLite)', articles: n, oneWorker: i[0].seconds, twoWorkers: i[1].seconds, speedUp: i[0].seconds / i[1].seconds, identical: i[0].digest === i[1].digest, cores: os.availableParallelism(), load: os.loadavg()[0], reanalysed: i[1].reanalysed });
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
