import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open.js';
import { htmlPage, newsArticle, rssFeed, startFeedServer } from './test-feed-server.js';
import { readWatchList } from './watch-list.js';
import { watchLoop } from './watch-loop.js';
import type { PollSummary } from './watcher.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-watch-loop-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('watching unattended', () => {
  it('polls every interval, reads the edited watch list before each poll, keeps the last good one, and stops when asked', async () => {
    const server = await startFeedServer();
    const store = await openStore(path.join(dir, 'loop.db'));
    try {
      const item = (i: number) => {
        server.set(`/p/${i}.html`, { body: htmlPage(newsArticle(i)) });
        return { title: newsArticle(i).title, link: `${server.url}/p/${i}.html` };
      };
      server.set('/a.xml', { body: rssFeed('A', [item(1)]) });
      server.set('/b.xml', { body: rssFeed('B', [item(2)]) });
      const file = path.join(dir, 'watch.yaml');
      const write = (feeds: string[]) => fs.writeFileSync(file, `interval: 20ms\npolite: {hostInterval: 0}\nfeeds:\n${feeds.map((f) => `  - url: ${server.url}${f}\n`).join('')}`);
      write(['/a.xml']);
      const polls: PollSummary[] = [];
      const listErrors: string[] = [];
      const stop = new AbortController();
      await watchLoop(store, file, readWatchList(file), {
        allowPrivate: true, signal: stop.signal,
        onListError: (err) => listErrors.push(err.message),
        onPoll: (s) => {
          polls.push(s);
          if (polls.length === 1) write(['/a.xml', '/b.xml']); // the analyst adds a feed
          if (polls.length === 2) fs.writeFileSync(file, 'feeds: [{url: 42}]\n'); // then breaks the file
          if (polls.length === 3) stop.abort();
        },
      });
      expect(polls.map((p) => [p.feeds, p.newArticles, p.notModified])).toEqual([[1, 1, 0], [2, 1, 1], [2, 0, 2]]);
      expect(listErrors).toEqual([expect.stringMatching(/watch\.yaml: line 1: feeds\[0\]\.url: /)]);
      expect((await store.counts()).articles).toBe(2);
    } finally {
      await store.close();
      await server.close();
    }
  });
});
