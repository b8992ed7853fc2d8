// The store is a function of the articles and their order: whatever the entry, the driver, the split or the interruption.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/index.js';
import { openStore } from '../../src/store/open.js';
import { CLI, ROOT, standpoint, tempDir } from '../cli.js';
import { rng } from '../synthetic-news.js';
import { peopleArticle } from './people-news.js';
import { rounds } from './rounds.js';

const KINDS = ['proposals', 'stances', 'observations', 'quotes', 'actors', 'articles'] as const;
/** 45 articles, then the rest: people introduced in the first part (some only in republished copies) are named in the second. */
const FIRST = 45;
const TOTAL = rounds(75, 150);

const PG = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const QUEUE = process.env.STANDPOINT_TEST_NATS ?? 'nats://127.0.0.1:4222';
const admin = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 3000 });
const pgUp = await admin.connect().then(() => true, (err: Error) => {
  console.warn(`same-store tests on PostgreSQL skipped: cannot reach ${PG} (${err.message}); set STANDPOINT_TEST_PG or start the server`);
  return false;
});
const nc: NatsConnection | null = pgUp ? await connect({ servers: QUEUE.replace(/^nats:\/\//, ''), timeout: 2000 }).catch((err: Error) => {
  console.warn(`same-store test through the queue skipped: cannot reach NATS at ${QUEUE} (${err.message}); set STANDPOINT_TEST_NATS or start nats-server -js`);
  return null;
}) : null;

const t = tempDir('standpoint-same-store-');
const corpus = path.join(t.dir, 'corpus');
const lines = Array.from({ length: TOTAL }, (_, i) => JSON.stringify(peopleArticle(i)));
const partA = t.put('corpus/a.jsonl', `${lines.slice(0, FIRST).join('\n')}\n`);
t.put('corpus/b.jsonl', `${lines.slice(FIRST).join('\n')}\n`);
const schemas: string[] = [];
const streams: string[] = [];

afterAll(async () => {
  t.remove();
  if (nc) {
    const jsm = await nc.jetstreamManager();
    for (const s of streams) for (const name of [s, `${s}_dead`]) await jsm.streams.delete(name).catch(() => undefined);
    await nc.close();
  }
  if (pgUp) {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await admin.end();
  }
});

/** Every export of a store (the CLI's), each line as written; `withoutFiles` drops the articles' file (an HTTP or queue entry has none). */
function exportsOf(db: string, withoutFiles = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const what of KINDS) {
    const run = standpoint(['export', '--db', db, '--what', what]);
    expect(run.status, run.stderr).toBe(0);
    out[what] = withoutFiles && what === 'articles'
      ? run.stdout.split('\n').filter(Boolean).map((l) => JSON.stringify({ ...JSON.parse(l), file: null })).join('\n')
      : run.stdout;
  }
  return out;
}

function ingest(db: string, paths: string[], extra: string[] = []) {
  const run = standpoint(['ingest', '--json', '--db', db, ...extra, ...paths]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { new: number; known: number; copies: number };
}

async function freshSchema(): Promise<string> {
  const schema = `sp_same_${process.pid}_${schemas.length}`;
  schemas.push(schema);
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  return `${PG}${PG.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** Ingests the corpus into `db`, killing the process (SIGKILL) `kills` times after some part of a whole run, then runs it to the end. */
async function killAndResume(db: string, kills: number, random: () => number): Promise<void> {
  for (let kill = 0; kill < kills; kill++) {
    const child = spawn(process.execPath, [CLI, 'ingest', '--db', db, corpus], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise((r) => setTimeout(r, 300 + random() * Math.max(500, referenceMs * 0.8)));
    child.kill('SIGKILL');
    await exited;
  }
  ingest(db, [corpus]);
}

let reference: Record<string, string>;
let referenceMs = 0;

beforeAll(() => {
  const started = Date.now();
  const db = path.join(t.dir, 'reference.db');
  const sum = ingest(db, [corpus]);
  referenceMs = Date.now() - started;
  expect(sum.new + sum.copies).toBe(TOTAL);
  expect(sum.copies).toBeGreaterThan(0); // the corpus has republished copies, which teach people too
  reference = exportsOf(db);
}, 120_000);

describe('the same articles in the same order make the same store', () => {
  it('ingested in two parts', () => {
    const db = path.join(t.dir, 'two-parts.db');
    ingest(db, [partA]);
    ingest(db, [corpus]); // the first part again is "known"
    expect(exportsOf(db)).toEqual(reference);
  });

  it('with one analyser thread instead of one per core', () => {
    const db = path.join(t.dir, 'one-thread.db');
    ingest(db, [corpus], ['--workers', '1']);
    expect(exportsOf(db)).toEqual(reference);
  });

  it('killed (SIGKILL) at any moment and run again', async () => {
    const random = rng(20261207);
    const n = rounds(2, 8);
    for (let round = 0; round < n; round++) {
      const db = path.join(t.dir, `killed-${round}.db`);
      await killAndResume(db, 1 + (round % 2), random);
      expect(exportsOf(db), `round ${round}`).toEqual(reference);
    }
  }, 600_000);

  it('through POST /api/articles, one article a request', async () => {
    const file = path.join(t.dir, 'http.db');
    const store = await openStore(file);
    const token = 'same-store-token';
    try {
      const app = createApp({ store, token });
      for (const line of lines) {
        const res = await app.request('/api/articles', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: line });
        expect(res.status, await res.clone().text()).toBe(201);
      }
    } finally {
      await store.close();
    }
    expect(exportsOf(file, true)).toEqual(exportsOf(path.join(t.dir, 'reference.db'), true));
  }, 300_000);

  describe.skipIf(!pgUp)('on PostgreSQL', () => {
    it('as on SQLite', async () => {
      const db = await freshSchema();
      ingest(db, [corpus]);
      expect(exportsOf(db)).toEqual(reference);
    }, 300_000);

    it('killed (SIGKILL) at any moment and run again', async () => {
      const random = rng(7);
      for (let round = 0; round < rounds(1, 4); round++) {
        const db = await freshSchema();
        await killAndResume(db, 1, random);
        expect(exportsOf(db), `round ${round}`).toEqual(reference);
      }
    }, 600_000);

    it.skipIf(!nc)('through the queue, one worker taking the jobs in order', async () => {
      const db = await freshSchema();
      const stream = `sp_same_${process.pid}_${streams.length}`;
      streams.push(stream);
      const pub = standpoint(['ingest', '--json', '--queue', QUEUE, '--stream', stream, corpus]);
      expect(pub.status, pub.stderr).toBe(0);
      const worker = standpoint(['worker', '--json', '--queue', QUEUE, '--stream', stream, '--db', db, '--drain']);
      expect(worker.status, worker.stderr).toBe(0);
      expect(exportsOf(db, true)).toEqual(exportsOf(path.join(t.dir, 'reference.db'), true));
    }, 300_000);
  });
});

// Fails early, with the reason, if the corpus does not exercise what the tests are for.
it('the corpus teaches people in its first part that its second part names by surname alone', () => {
  const second = lines.slice(FIRST).join('\n');
  for (const surname of ['Vidal', 'Dimou', 'Berzina', 'Dubois']) {
    expect(lines.slice(0, FIRST).some((l) => l.includes(`trade minister`) && l.includes(surname)), surname).toBe(true);
    expect(second).toMatch(new RegExp(`(Mr|Ms) ${surname} backed`));
  }
  expect(fs.existsSync(partA)).toBe(true);
});
