// A large article posted to the server is analysed in a worker thread: readers are answered while it is analysed.
import { afterAll, expect, it } from 'vitest';
import { startServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/open.js';
import { tempDir } from '../cli.js';
import { syntheticArticle } from '../synthetic-news.js';

const t = tempDir('standpoint-responsive-');
afterAll(() => t.remove());

it('answers readers while a large posted article is analysed, and stores the article', async () => {
  const store = await openStore(`${t.dir}/store.db`);
  const server = await startServer({ store, host: '127.0.0.1', port: 0, token: 'tok', workers: 1 });
  try {
    // About 400,000 characters: seconds of analysis, during which the event loop must stay free.
    const paragraphs = Array.from({ length: 600 }, (_, i) => syntheticArticle(9000 + i).text.split('\n\n')[0]);
    const big = { id: 'big-one', date: '2025-03-01', title: 'A long report', text: paragraphs.join('\n\n') };
    const headers = { authorization: 'Bearer tok', 'content-type': 'application/json' };
    // A first small article: the analyser is loaded and warm before the large one comes.
    const warm = await fetch(`${server.url}/api/articles`, { method: 'POST', headers, body: JSON.stringify(syntheticArticle(1)) });
    expect(warm.status).toBe(201);
    const events: string[] = [];
    const post = fetch(`${server.url}/api/articles`, {
      method: 'POST', headers, body: JSON.stringify(big),
    }).then(async (res) => { events.push('post answered'); return { status: res.status, body: await res.json() as { articles: Array<{ status: string }> } }; });
    // Readers, one after another, while the post is analysed: each must be answered before the post is.
    await new Promise((r) => setTimeout(r, 500));
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api`);
      expect(res.status).toBe(200);
      await res.json();
      events.push('reader answered');
    }
    const posted = await post;
    expect(posted.status).toBe(201);
    expect(posted.body.articles[0].status).toBe('new');
    expect(events.slice(0, 5)).toEqual(Array(5).fill('reader answered'));
    expect((await store.counts()).articles).toBe(2);
  } finally {
    await server.close();
    await store.close();
  }
}, 120_000);
