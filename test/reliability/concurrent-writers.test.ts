// A CLI ingest and HTTP writes on one SQLite file at once: no 500, every 201 durable, every 503 with Retry-After.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/index.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { CLI, tempDir } from '../cli.js';
import { syntheticArticle, syntheticJsonl } from '../synthetic-news.js';
import { rounds } from './rounds.js';

const TOKEN = 't';
const post = (app: ReturnType<typeof createApp>, article: object) => app.request('/api/articles', {
  method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(article),
});

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function openTemp(): Promise<{ file: string; store: Store; dir: ReturnType<typeof tempDir> }> {
  const dir = tempDir('standpoint-writers-');
  const file = path.join(dir.dir, 'store.db');
  const store = await openStore(file);
  cleanup.push(() => dir.remove(), () => store.close());
  return { file, store, dir };
}

/** Another process's write transaction, held by a second connection to the file until `release`. */
function holdWriteLock(file: string): { release(): void } {
  const other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
  return { release: () => { other.exec('ROLLBACK'); other.close(); } };
}

describe('writers on one SQLite file', () => {
  it('a write waits for another writer without stopping readers, and is stored once the lock is free', async () => {
    const { file, store } = await openTemp();
    const app = createApp({ store, token: TOKEN });
    const lock = holdWriteLock(file);
    setTimeout(() => lock.release(), 600);
    const started = Date.now();
    const write = post(app, syntheticArticle(1));
    // While the write waits for the lock, the server still answers reads at once.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const readStarted = Date.now();
    expect((await app.request('/api')).status).toBe(200);
    expect(Date.now() - readStarted).toBeLessThan(300);
    const res = await write;
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(await store.articlesByIds([syntheticArticle(1).id])).toHaveLength(1);
  });

  it('a write whose lock stays taken past the wait is a 503 with Retry-After, in the one error shape, and stores nothing', async () => {
    const { file, store } = await openTemp();
    const app = createApp({ store, token: TOKEN });
    const lock = holdWriteLock(file);
    try {
      const res = await post(app, syntheticArticle(2));
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toEqual({ error: { code: 'unavailable', message: expect.stringContaining('try again') } });
    } finally {
      lock.release();
    }
    expect(await store.articlesByIds([syntheticArticle(2).id])).toHaveLength(0);
    const again = await post(app, syntheticArticle(2)); // the client's retry
    expect(again.status).toBe(201);
  }, 20_000);

  it('HTTP writes during a CLI ingest of the same file: no 500, every 201 stored, every 503 retryable', async () => {
    const { file, store, dir } = await openTemp();
    const app = createApp({ store, token: TOKEN });
    const batch = rounds(300, 3000);
    const input = dir.put('batch.jsonl', syntheticJsonl(batch));
    const cli = spawn(process.execPath, [CLI, 'ingest', '--db', file, input], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    cli.stderr.on('data', (d: Buffer) => { stderr += d; });
    const exited = new Promise<number | null>((resolve) => cli.on('exit', resolve));
    let running = true;
    void exited.then(() => { running = false; });
    cleanup.push(() => { if (running) cli.kill('SIGKILL'); });

    const posts = rounds(30, 300);
    const statuses: number[] = [];
    const stored: string[] = [];
    const times: number[] = [];
    for (let i = 0; i < posts; i++) {
      const article = { ...syntheticArticle(1_000_000 + i), id: `http-${i}` };
      const started = Date.now();
      const res = await post(app, article);
      times.push(Date.now() - started);
      statuses.push(res.status);
      if (res.status === 201) stored.push(article.id);
      else {
        expect(res.status, await res.clone().text()).toBe(503);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(Object.keys(((await res.json()) as { error: object }).error).sort()).toEqual(['code', 'message']);
      }
    }
    expect(await exited, stderr).toBe(0);
    expect(statuses.filter((s) => s === 500)).toEqual([]);
    expect(stored.length).toBeGreaterThan(posts / 2);
    expect((await store.articlesByIds(stored)).map((a) => a.id).sort()).toEqual([...stored].sort());
    expect((await store.counts()).articles).toBe(batch + stored.length);
    times.sort((a, b) => a - b);
    if (posts >= 100) console.log(`${posts} POSTs during an ingest of ${batch}: p50 ${times[posts >> 1]} ms, p99 ${times[Math.floor(posts * 0.99)]} ms, ${statuses.filter((s) => s === 503).length} × 503`);
  }, 600_000);
});
