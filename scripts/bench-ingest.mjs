// Ingest benchmark: articles/s and peak memory of `standpoint ingest` into SQLite and PostgreSQL, at two corpus sizes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { writeCorpus } from './bench-corpus.mjs';
import { cliNodeFlags } from './node-flags.mjs';

const CLI = path.resolve('dist/cli/main.js');

/**
 * Runs `standpoint ingest` in a process of its own, with the executable's Node flags (a child does not inherit this
 * process's); its summary's peakMemoryMb is that process's peak resident memory (worker threads included).
 */
export function ingest(db, corpus) {
  const run = spawnSync(process.execPath, [...cliNodeFlags(), CLI, 'ingest', '--json', '--db', db, corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`ingest into ${db} failed: ${run.stderr.split('\n').slice(-5).join('\n')}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

async function postgresUrl(pgBase, name) {
  const client = new pg.Client({ connectionString: pgBase, connectionTimeoutMillis: 3000 });
  try { await client.connect(); } catch { return null; }
  await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE; CREATE SCHEMA ${name}`);
  await client.end();
  return `${pgBase}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
}

async function dropSchema(pgBase, name) {
  const client = new pg.Client({ connectionString: pgBase });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await client.end();
}

/** Rows: one per (store, size) with articles/s and peak memory; `onStore(db, n, kind)` may use each store before it is removed. */
export async function benchIngest({ sizes = [2000, 10000], pgBase = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test', log = () => {}, onStore = async () => {} } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-bench-'));
  const rows = [];
  try {
    for (const n of sizes) {
      const corpus = path.join(dir, `corpus-${n}.jsonl`);
      const bytes = writeCorpus(corpus, n);
      log(`ingest: corpus of ${n} articles (${(bytes / 1e6).toFixed(1)} MB)`);
      const sqlite = ingest(path.join(dir, `bench-${n}.db`), corpus);
      rows.push({ store: 'sqlite', articles: n, seconds: sqlite.seconds, perSecond: n / sqlite.seconds, peakMemoryMb: sqlite.peakMemoryMb, new: sqlite.new, copies: sqlite.copies });
      log(`ingest: sqlite ${n} in ${sqlite.seconds.toFixed(1)} s`);
      await onStore(path.join(dir, `bench-${n}.db`), n, 'sqlite');
      const schema = `sp_bench_${process.pid}_${n}`;
      const url = await postgresUrl(pgBase, schema);
      if (url) {
        const res = ingest(url, corpus);
        rows.push({ store: 'postgres', articles: n, seconds: res.seconds, perSecond: n / res.seconds, peakMemoryMb: res.peakMemoryMb, new: res.new, copies: res.copies });
        log(`ingest: postgres ${n} in ${res.seconds.toFixed(1)} s`);
        await onStore(url, n, 'postgres');
        await dropSchema(pgBase, schema);
      } else {
        log(`ingest: PostgreSQL not reachable at ${pgBase}: skipped`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
