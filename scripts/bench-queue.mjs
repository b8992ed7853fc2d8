// Queue benchmark: a batch through NATS JetStream to one `standpoint worker` process and to two, into PostgreSQL.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from 'nats';
import pg from 'pg';
import { writeCorpus } from './bench-corpus.mjs';

const CLI = path.resolve('dist/cli/main.js');

const worker = (args) => new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [CLI, 'worker', '--json', '--drain', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`worker exited ${code}`))));
});

/** Rows: seconds for one and for two worker processes on the same batch, and the store counts of each (null when NATS or PostgreSQL is not reachable). */
export async function benchQueue({ n = 500, queue = 'nats://127.0.0.1:4222', pgBase = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test', log = () => {} } = {}) {
  const admin = new pg.Client({ connectionString: pgBase, connectionTimeoutMillis: 3000 });
  const nc = await connect({ servers: queue.replace(/^nats:\/\//, ''), timeout: 2000 }).catch(() => null);
  if (!nc || !(await admin.connect().then(() => true, () => false))) { log('queue: NATS or PostgreSQL not reachable: skipped'); await nc?.close(); return null; }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-bench-queue-'));
  const jsm = await nc.jetstreamManager();
  const rows = [];
  try {
    const corpus = path.join(dir, 'corpus.jsonl');
    writeCorpus(corpus, n, { seed: 5 });
    for (const count of [1, 2]) {
      const name = `sp_bench_q_${process.pid}_${count}`;
      await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE; CREATE SCHEMA ${name}`);
      const db = `${pgBase}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
      const pub = spawnSync(process.execPath, [CLI, 'ingest', '--queue', queue, '--stream', name, corpus], { encoding: 'utf8' });
      if (pub.status !== 0) throw new Error(pub.stderr);
      spawnSync(process.execPath, [CLI, 'proposals', '--db', db, '--json'], { encoding: 'utf8' }); // creates the schema before the clock starts
      log(`queue: ${n} jobs, ${count} worker(s)…`);
      const t = performance.now();
      const sums = await Promise.all(Array.from({ length: count }, () => worker(['--queue', queue, '--stream', name, '--db', db])));
      const seconds = (performance.now() - t) / 1000;
      const counts = (await admin.query(`SELECT (SELECT COUNT(*) FROM ${name}.articles) AS articles, (SELECT COUNT(*) FROM ${name}.observations) AS observations, (SELECT COUNT(*) FROM ${name}.proposals) AS proposals`)).rows[0];
      rows.push({ workers: count, articles: n, seconds, perSecond: n / seconds, stored: sums.reduce((s, x) => s + x.new + x.copies, 0), counts: { articles: Number(counts.articles), observations: Number(counts.observations), proposals: Number(counts.proposals) }, load: os.loadavg()[0] });
      await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      for (const s of [name, `${name}_dead`]) await jsm.streams.delete(s).catch(() => undefined);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await admin.end();
    await nc.close();
  }
  return rows;
}
