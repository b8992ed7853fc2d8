// End to end: `standpoint watch --once` against a local feed server: the summary, the exit codes, and a watcher killed mid-poll.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmlPage, newsArticle, rssFeed, startFeedServer, type FeedServer } from '../src/watch/test-feed-server.js';
import { CLI } from './cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-watch-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the built CLI without blocking this process (whose event loop serves the feeds). */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const PG = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgAdmin = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 3000 });
const pgUp = await pgAdmin.connect().then(() => true, (err: Error) => {
  console.warn(`watch: the PostgreSQL kill test skipped: cannot reach ${PG} (${err.message}); set STANDPOINT_TEST_PG or start the server`);
  return false;
});
const pgSchemas: string[] = [];
afterAll(async () => {
  if (!pgUp) return;
  for (const schema of pgSchemas) await pgAdmin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pgAdmin.end();
});

/** Rows of a query on the store (SQLite file or PostgreSQL URL); none while it is not there yet. */
async function query<T>(db: string, sql: string): Promise<T[]> {
  if (db.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: db });
    try {
      await client.connect();
      return (await client.query(sql)).rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) && k === 'n' ? Number(v) : v]))) as T[];
    } catch {
      return [];
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  if (!fs.existsSync(db)) return [];
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try { return conn.prepare(sql).all() as T[]; } finally { conn.close(); }
  } catch { return []; }
}

describe('standpoint watch', () => {
  let server: FeedServer;
  let db: string;
  let file: string;
  const writeList = (feeds: unknown[], polite: Record<string, unknown> = {}) => {
    fs.writeFileSync(file, JSON.stringify({ feeds, polite: { hostInterval: 0, retries: 0, timeout: '1s', ...polite } }));
  };
  const pages = (from: number, count: number, delayMs = 0) => Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const a = newsArticle(i);
    server.set(`/p/${i}.html`, { body: htmlPage(a), delayMs });
    return { title: a.title, link: `${server.url}/p/${i}.html` };
  });

  beforeEach(async () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    server = await startFeedServer();
    db = path.join(dir, `watch-${++n}.db`);
    file = path.join(dir, `watch-${n}.json`);
  });
  afterEach(() => server.close());

  it('polls once: 0 and a summary when every feed was read; 1 when one failed, the others still stored; --json', async () => {
    server.set('/a.xml', { body: rssFeed('A', pages(1, 3)) });
    writeList([{ url: `${server.url}/a.xml` }]);
    const ok = await run(['watch', '--once', '--allow-private-urls', '--db', db, file]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^watched: 1 feeds \(1 read, 0 not modified, 0 failed\); 3 new items, 3 pages fetched: 3 new articles, .*\(\d+\.\d s\)\n$/);

    server.set('/b.xml', { body: 'this is not a feed <' });
    writeList([{ url: `${server.url}/a.xml` }, { url: `${server.url}/b.xml` }, { url: `${server.url}/c.xml` }]);
    server.set('/c.xml', { body: rssFeed('C', pages(4, 2)) });
    const failed = await run(['watch', '--once', '--json', '--allow-private-urls', '--db', db, file]);
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ feeds: 3, read: 1, notModified: 1, failed: 1, items: 2, newArticles: 2 });
    expect(failed.stderr).toContain(`feed ${server.url}/b.xml: line 1: not an http(s) URL`);
  });

  it('refuses feeds on private addresses unless allowed, and names the watch list when it is wrong', async () => {
    server.set('/a.xml', { body: rssFeed('A', pages(1, 1)) });
    writeList([{ url: `${server.url}/a.xml` }]);
    const refused = await run(['watch', '--once', '--db', db, file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/127\.0\.0\.1:\d+ is a loopback or private address: not fetched \(allow it with --allow-private-urls\)/);
    expect(server.hits('/a.xml')).toBe(0);
    fs.writeFileSync(file, '{"feeds": [{"url": "https://news.example/rss", "keyword": ["x"]}]}');
    const wrong = await run(['watch', '--once', '--db', db, file]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(new RegExp(`^standpoint: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 1: feeds\\[0\\]: .*"keyword"`));
  });

  const killTest = (where: () => Promise<string>) => async () => {
    db = await where();
    const N = 24;
    server.set('/a.xml', { body: rssFeed('A', pages(100, N / 2, 60)) });
    server.set('/b.xml', { body: rssFeed('B', pages(100 + N / 2, N / 2, 60)) });
    writeList([{ url: `${server.url}/a.xml` }, { url: `${server.url}/b.xml` }], { hostConcurrency: 2 });
    const child = spawn(process.execPath, [CLI, 'watch', '--once', '--allow-private-urls', '--db', db, file], { stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    let stored = 0;
    for (let t = 0; t < 1200 && stored < 4; t++) {
      await sleep(25);
      stored = (await query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM articles'))[0]?.n ?? 0;
    }
    child.kill('SIGKILL');
    await exited;
    const before = await query<{ url: string; article_id: string }>(db, "SELECT url, article_id FROM watch_items WHERE state = 'done'");
    const articles = await query<{ id: string }>(db, 'SELECT id FROM articles');
    expect(articles.length).toBeGreaterThanOrEqual(4);
    expect(articles.length).toBeLessThan(N);
    // Done exactly when stored: every done item's article is there, and every article has its item done.
    expect(before.map((i) => i.article_id).sort()).toEqual(articles.map((a) => a.id).sort());

    const again = await run(['watch', '--once', '--json', '--allow-private-urls', '--db', db, file]);
    expect(again.status, again.stderr).toBe(0);
    const sum = JSON.parse(again.stdout);
    expect(sum.newArticles).toBe(N - before.length);
    expect((await query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM articles'))[0].n).toBe(N);
    expect((await query<{ n: number }>(db, "SELECT COUNT(*) AS n FROM watch_items WHERE state = 'done'"))[0].n).toBe(N);
    for (const item of before) expect(server.hits(new URL(item.url).pathname), item.url).toBe(1);
    const third = await run(['watch', '--once', '--json', '--allow-private-urls', '--db', db, file]);
    expect(JSON.parse(third.stdout)).toMatchObject({ notModified: 2, pages: 0, newArticles: 0 });
  };

  it('killed mid-poll and run again (SQLite): no article lost, none stored twice, no stored page fetched again', killTest(async () => db));
  it.skipIf(!pgUp)('killed mid-poll and run again (PostgreSQL): no article lost, none stored twice, no stored page fetched again', killTest(async () => {
    const schema = `sp_watch_kill_${process.pid}`;
    pgSchemas.push(schema);
    await pgAdmin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    return `${PG}${PG.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }));

  it('serve --watch polls in the server and serves what it stored, and the alerts feed', async () => {
    server.set('/a.xml', { body: rssFeed('A', pages(300, 2)) });
    fs.writeFileSync(file, JSON.stringify({ feeds: [{ url: `${server.url}/a.xml` }], interval: '1h', polite: { hostInterval: 0 } }));
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--allow-private-urls', '--db', db, '--watch', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    try {
      for (let t = 0; t < 1200 && !/watched: /.test(stderr); t++) await sleep(25);
      expect(stderr).toMatch(/watched: 1 feeds \(1 read, 0 not modified, 0 failed\); 2 new items, 2 pages fetched: 2 new articles/);
      const base = /listening on (http:\/\/\S+) /.exec(stdout)![1];
      const articles = await (await fetch(`${base}/api/articles`)).json();
      expect(articles.map((a: { url: string }) => a.url).sort()).toEqual([`${server.url}/p/300.html`, `${server.url}/p/301.html`]);
      const atom = await fetch(`${base}/api/alerts.atom`);
      expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
      expect(await atom.text()).toContain('<title>Standpoint: what changed</title>');
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
