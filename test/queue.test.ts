// Past one machine: jobs through the real NATS JetStream to `standpoint worker` processes writing to the real PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type NatsConnection } from 'nats';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { CLI, ROOT, standpoint, tempDir } from './cli.js';
import { syntheticArticle } from './synthetic-news.js';

// Surnames used once each, so that no article's analysis depends on what another taught (the workers' knowledge
// depends on who stored what first; a one-process ingest's does not).
const SURNAMES = ('Abernathy Bergstrom Castellanos Dimitrov Eriksen Fitzgerald Gallagher Hakimi Ivanenko Jaramillo Kowalczyk Lindgren '
  + 'Montgomery Nakamura Oyelaran Petrakis Quintero Rasmussen Szabo Thorvaldsen Ulyanov Vasconcelos Wojcik Xenakis Yamashita Zeller '
  + 'Achterberg Bianchi Chukwu Delacroix Esposito Fonseca Grabowski Holmberg Iglesias Jankowski Kristiansen Laurent Mwangi Nieminen '
  + 'Okonkwo Pereira Rautio Sandoval Takahashi Uriarte Valdivia Whitfield Zimmermann Andersen').split(' ');

/** `n` invented articles from `from`, each naming a person no other article names. */
function uniqueJsonl(n: number, from: number): string {
  return Array.from({ length: n }, (_, k) => {
    const a = syntheticArticle(from + k);
    const person = /foreign minister (\S+ \S+) said/.exec(a.text)![1];
    const unique = `${person.split(' ')[0]} ${SURNAMES[(from + k) % SURNAMES.length]}`;
    return JSON.stringify({ ...a, text: a.text.split(person).join(unique) });
  }).join('\n') + '\n';
}

const QUEUE = process.env.STANDPOINT_TEST_NATS ?? 'nats://127.0.0.1:4222';
const BASE = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const nc: NatsConnection | null = await connect({ servers: QUEUE.replace(/^nats:\/\//, ''), timeout: 2000 }).catch((err: Error) => {
  console.warn(`queue tests skipped: cannot reach NATS at ${QUEUE} (${err.message}); set STANDPOINT_TEST_NATS or start nats-server -js`);
  return null;
});
const admin = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 3000 });
const pgUp = await admin.connect().then(() => true, (err: Error) => {
  console.warn(`queue tests skipped: cannot reach PostgreSQL at ${BASE} (${err.message}); set STANDPOINT_TEST_PG or start the server`);
  return false;
});
const reachable = Boolean(nc) && pgUp;

const t = tempDir('standpoint-queue-');
const schemas: string[] = [];
const streams: string[] = [];
let n = 0;

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

/** A fresh PostgreSQL schema (its store URL) and a fresh stream name for one test. */
async function fresh(): Promise<{ db: string; stream: string }> {
  const id = `${process.pid}_${++n}`;
  const schema = `sp_queue_${id}`;
  schemas.push(schema);
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const stream = `sp_test_${id}`;
  streams.push(stream);
  return { db: `${BASE}${BASE.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`, stream };
}

interface Worker { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> }

function startWorker(db: string, stream: string, extra: string[] = []): Worker {
  const child = spawn(process.execPath, [CLI, 'worker', '--queue', QUEUE, '--db', db, '--stream', stream, '--json', '--drain', ...extra], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

/** What a store holds, without the ids that depend on which article came first: nothing lost, nothing twice. */
async function contents(db: string) {
  const store = await openStore(db);
  try {
    const articles = (await store.articles({ limit: 100000 })).map((a) => a.id).sort();
    const proposals = await store.proposals({ limit: 100000 });
    const observations = (await store.observations({ proposalIds: proposals.map((p) => p.id) }))
      .map((o) => `${o.articleId} ${o.holder} ${o.actor} ${o.stance} ${o.evidenceStart}`).sort();
    const quotes = (await store.quotes()).map((q) => `${q.articleId} ${q.localId} ${q.speaker}`).sort();
    return { counts: await store.counts(), articles, observations, quotes };
  } finally {
    await store.close();
  }
}

async function counts(db: string) {
  const store = await openStore(db);
  try { return await store.counts(); } finally { await store.close(); }
}

function queueStatus(stream: string) {
  const run = standpoint(['queue', 'status', '--queue', QUEUE, '--stream', stream, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

/** The same batch ingested by one process. */
async function reference(batch: string) {
  const { db } = await fresh();
  const run = standpoint(['ingest', '--json', '--db', db, '--workers', '1', batch]);
  expect(run.status, run.stderr).toBe(0);
  return contents(db);
}

describe.skipIf(!reachable)('queue: ingest --queue, worker, queue status (real NATS and PostgreSQL)', () => {
  it('publishes a batch once (again: already queued) and two workers share it; the store equals a one-process ingest', async () => {
    const { db, stream } = await fresh();
    const batch = t.put('shared.jsonl', uniqueJsonl(30, 0));
    const pub = standpoint(['ingest', '--json', '--queue', QUEUE, '--stream', stream, batch]);
    expect(pub.status, pub.stderr).toBe(0);
    expect(JSON.parse(pub.stdout)).toMatchObject({ published: 30, duplicates: 0, failed: 0 });
    const again = standpoint(['ingest', '--json', '--queue', QUEUE, '--stream', stream, batch]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ published: 0, duplicates: 30 });
    expect(queueStatus(stream)).toMatchObject({ pending: 30, inFlight: 0, failed: 0 });

    const workers = [startWorker(db, stream, ['--batch', '2']), startWorker(db, stream, ['--batch', '2'])];
    const results = await Promise.all(workers.map((w) => w.done));
    const sums = results.map((r) => { expect(r.code, r.stderr).toBe(0); return JSON.parse(r.stdout); });
    expect(sums[0].new + sums[1].new).toBe(30);
    expect(sums[0].new).toBeGreaterThan(0);
    expect(sums[1].new).toBeGreaterThan(0);
    expect(queueStatus(stream)).toMatchObject({ pending: 0, inFlight: 0, failed: 0 });
    expect(await contents(db)).toEqual(await reference(batch));
  });

  it('a worker killed mid-batch loses nothing and duplicates nothing: its jobs go to another worker after the ack wait', async () => {
    const { db, stream } = await fresh();
    const batch = t.put('killed.jsonl', uniqueJsonl(40, 0));
    const pub = standpoint(['ingest', '--queue', QUEUE, '--stream', stream, batch]);
    expect(pub.status, pub.stderr).toBe(0);

    const doomed = startWorker(db, stream, ['--batch', '40', '--ack-wait', '2']);
    // It fetches all 40 jobs at once; killed (SIGKILL: no clean-up of any kind) once it has stored a few, the rest can reach
    // the survivor only by redelivery after the ack wait.
    for (let i = 0; i < 600 && (await counts(db)).articles < 3; i++) await new Promise((r) => setTimeout(r, 25));
    doomed.child.kill('SIGKILL');
    await doomed.done;
    const stored = (await counts(db)).articles;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(40);

    const survivor = startWorker(db, stream, ['--ack-wait', '2']);
    const res = await survivor.done;
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout).new).toBe(40 - stored);
    const status = queueStatus(stream);
    expect(status).toMatchObject({ pending: 0, inFlight: 0, failed: 0 });
    expect(await contents(db)).toEqual(await reference(batch));
  });

  it('a job that keeps failing goes to the dead-letter subject with its error, and queue status shows it', async () => {
    const { db, stream } = await fresh();
    const good = t.put('good.jsonl', uniqueJsonl(2, 45));
    expect(standpoint(['ingest', '--queue', QUEUE, '--stream', stream, good]).status).toBe(0);
    await nc!.jetstream().publish(`${stream}.jobs`, new TextEncoder().encode('{"id": "broken-job"}'));
    const w = startWorker(db, stream, ['--max-deliver', '2']);
    const res = await w.done;
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ new: 2, deadLettered: 1 });
    const status = queueStatus(stream);
    expect(status).toMatchObject({ pending: 0, inFlight: 0, failed: 1 });
    expect(status.recentFailures[0]).toMatchObject({ article: 'broken-job', deliveries: 2 });
    expect(status.recentFailures[0].error).toContain('needs "id" and "text"');
    const text = standpoint(['queue', 'status', '--queue', QUEUE, '--stream', stream]);
    expect(text.stdout).toContain('1 failed');
  });

  it('reports a queue it cannot reach, or a URL that is not nats://', () => {
    const bad = standpoint(['queue', 'status', '--queue', 'http://127.0.0.1:4222']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('nats://HOST:PORT');
  });
});

if (!reachable) describe.skip('queue (NATS or PostgreSQL not reachable)', () => { it('skipped', () => undefined); });
