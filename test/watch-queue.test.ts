// `watch --queue`: one watch list's pages fetched and stored by two `standpoint worker`s through the real NATS JetStream, into PostgreSQL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { connect, type NatsConnection } from 'nats';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { htmlPage, newsArticle, rssFeed, startFeedServer } from '../src/watch/test-feed-server.js';
import { CLI, ROOT, tempDir } from './cli.js';

const QUEUE = process.env.STANDPOINT_TEST_NATS ?? 'nats://127.0.0.1:4222';
const BASE = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

const nc: NatsConnection | null = await connect({ servers: QUEUE.replace(/^nats:\/\//, ''), timeout: 2000 }).catch((err: Error) => {
  console.warn(`watch --queue tests skipped: cannot reach NATS at ${QUEUE} (${err.message}); set STANDPOINT_TEST_NATS or start nats-server -js`);
  return null;
});
const admin = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 3000 });
const pgUp = await admin.connect().then(() => true, (err: Error) => {
  console.warn(`watch --queue tests skipped: cannot reach PostgreSQL at ${BASE} (${err.message}); set STANDPOINT_TEST_PG or start the server`);
  return false;
});

const t = tempDir('standpoint-watch-queue-');
const id = `${process.pid}_w`;
const schema = `sp_watchq_${id}`;
const stream = `sp_watch_${id}`;

afterAll(async () => {
  t.remove();
  if (nc) {
    const jsm = await nc.jetstreamManager();
    for (const name of [stream, `${stream}_dead`]) await jsm.streams.delete(name).catch(() => undefined);
    await nc.close();
  }
  if (pgUp) {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
});

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(!nc || !pgUp)('standpoint watch --queue', () => {
  it('two workers fetch and store one watch list\'s pages: each page fetched once, each article stored once, every item done', async () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    const db = `${BASE}${BASE.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const server = await startFeedServer();
    try {
      const N = 12;
      const items = Array.from({ length: N }, (_, k) => {
        const a = newsArticle(500 + k);
        server.set(`/p/${k}.html`, { body: htmlPage(a), delayMs: 50 });
        return { title: a.title, link: `${server.url}/p/${k}.html` };
      });
      server.set('/a.xml', { body: rssFeed('A', items.slice(0, N / 2)) });
      server.set('/b.xml', { body: rssFeed('B', items.slice(N / 2)) });
      const file = t.put('watch.json', JSON.stringify({ feeds: [{ url: `${server.url}/a.xml` }, { url: `${server.url}/b.xml` }], polite: { hostInterval: 0, retries: 0 } }));
      const watch = ['watch', '--once', '--json', '--allow-private-urls', '--queue', QUEUE, '--stream', stream, '--db', db, file];

      const first = await run(watch);
      expect(first.code, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ read: 2, items: N, queued: N, pages: 0, newArticles: 0, pending: N });
      expect(server.log.filter((l) => l.path.startsWith('/p/'))).toEqual([]); // the watcher fetched no page itself

      const worker = () => run(['worker', '--queue', QUEUE, '--stream', stream, '--db', db, '--allow-private-urls', '--drain', '--batch', '2', '--json']);
      const [w1, w2] = await Promise.all([worker(), worker()]);
      expect(w1.code, w1.stderr).toBe(0);
      expect(w2.code, w2.stderr).toBe(0);
      const sums = [JSON.parse(w1.stdout), JSON.parse(w2.stdout)];
      expect(sums[0].pages + sums[1].pages).toBe(N);
      expect(sums[0].new + sums[1].new).toBe(N);
      for (let k = 0; k < N; k++) expect(server.hits(`/p/${k}.html`), `/p/${k}.html`).toBe(1);

      const store = await openStore(db);
      try {
        expect((await store.counts()).articles).toBe(N);
        const done = await store.watch.items({ state: 'done' });
        expect(done).toHaveLength(N);
        expect(new Set(done.map((i) => i.articleId)).size).toBe(N);
      } finally {
        await store.close();
      }

      const again = await run(watch);
      expect(JSON.parse(again.stdout)).toMatchObject({ notModified: 2, queued: 0, pending: 0 });
    } finally {
      await server.close();
    }
  });
});
