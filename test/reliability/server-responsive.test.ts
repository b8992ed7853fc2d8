// A large article posted to the server is analysed in a worker thread: readers are answered while it is analysed.
import { spawn } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { CLI, ROOT, tempDir } from '../cli.js';
import { syntheticArticle } from '../synthetic-news.js';

const t = tempDir('standpoint-responsive-');
afterAll(() => t.remove());

it('answers readers while a large posted article is analysed, and stores the article', async () => {
  // The server in a process of its own, as it runs: the test's own requests must not share its event loop.
  const child = spawn(process.execPath, [CLI, 'serve', '--db', `${t.dir}/store.db`, '--port', '0', '--token', 'tok'], { cwd: ROOT });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => { out += d; const m = /listening on (http:\/\/\S+?) /.exec(out); if (m) resolve(m[1]); });
      child.once('exit', (code) => reject(new Error(`standpoint serve exited (${code})`)));
    });
    const server = { url };
    // About 800,000 characters: the longest analysis a post can ask for (the analyser stops at a million).
    const paragraphs = Array.from({ length: 1200 }, (_, i) => syntheticArticle(9000 + i).text.split('\n\n')[0]);
    const big = { id: 'big-one', date: '2025-03-01', title: 'A long report', text: paragraphs.join('\n\n') };
    const headers = { authorization: 'Bearer tok', 'content-type': 'application/json' };
    // A first small article: the analyser is loaded and warm before the large one comes.
    const warm = await fetch(`${server.url}/api/articles`, { method: 'POST', headers, body: JSON.stringify(syntheticArticle(1)) });
    expect(warm.status).toBe(201);
    let pending = true;
    const sent = Date.now();
    const post = fetch(`${server.url}/api/articles`, { method: 'POST', headers, body: JSON.stringify(big) })
      .then(async (res) => ({ status: res.status, body: await res.json() as { articles: Array<{ status: string }> } }))
      .finally(() => { pending = false; });
    // Readers, one after another, while the post is pending. With the analysis on the event loop, no reader is answered
    // while it runs: the longest wait between two answers is most of the post's time. Measured against the post's own
    // time, not in seconds, so that a slow machine does not change the verdict.
    const answered: number[] = [sent];
    while (pending) {
      const res = await fetch(`${server.url}/api`);
      expect(res.status).toBe(200);
      await res.json();
      if (pending) answered.push(Date.now());
    }
    const posted = await post;
    const took = Date.now() - sent;
    expect(posted.status).toBe(201);
    expect(posted.body.articles[0].status).toBe('new');
    const waits = [...answered, sent + took].slice(1).map((at, i) => at - answered[i]);
    const longestWait = Math.max(...waits);
    expect(answered.length - 1, `readers answered during a post of ${took} ms`).toBeGreaterThanOrEqual(5);
    expect(longestWait, `the longest a reader waited, during a post of ${took} ms`).toBeLessThan(took / 2);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  const store = await openStore(`${t.dir}/store.db`);
  try {
    expect((await store.counts()).articles).toBe(2);
  } finally {
    await store.close();
  }
}, 120_000);
