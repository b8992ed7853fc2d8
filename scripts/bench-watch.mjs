#!/usr/bin/env node
// `npm run bench:watch`: the feed watcher on 50 local feeds of 20 items (invented articles): the first poll stores every
// new article once; the second fetches no page again, and its time is the target (under 2 s). A third poll against feeds
// that send no validators (no 304: every feed read whole again) shows items met before are still not fetched again.
//
//   node scripts/bench-watch.mjs [--feeds N] [--items N] [--workers N] [--db postgres://…] [--json]   (run `npm run build` first)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../dist/store/open.js';
import { htmlPage, newsArticle, rssFeed, startFeedServer } from '../dist/watch/test-feed-server.js';
import { parseWatchList } from '../dist/watch/watch-list.js';
import { Watcher } from '../dist/watch/watcher.js';

const { values: opts } = parseArgs({
  options: { feeds: { type: 'string', default: '50' }, items: { type: 'string', default: '20' }, workers: { type: 'string', default: '1' }, db: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const FEEDS = Number(opts.feeds);
const ITEMS = Number(opts.items);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-bench-watch-'));
const server = await startFeedServer();
server.set('/robots.txt', { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' });
for (let f = 0; f < FEEDS; f++) {
  const items = [];
  for (let k = 0; k < ITEMS; k++) {
    const i = 10_000 + f * ITEMS + k;
    const a = newsArticle(i);
    server.set(`/p/${i}.html`, { body: htmlPage(a) });
    items.push({ title: a.title, link: `${server.url}/p/${i}.html`, pubDate: 'Tue, 04 Mar 2025 08:00:00 GMT' });
  }
  server.set(`/feeds/${f}.xml`, { body: rssFeed(`Desk ${f}`, items), type: 'application/rss+xml' });
}
// One host serves them all here: its turns are opened wide (a real watch list spreads its feeds over many hosts).
const list = parseWatchList(JSON.stringify({
  feeds: Array.from({ length: FEEDS }, (_, f) => ({ url: `${server.url}/feeds/${f}.xml` })),
  polite: { hostInterval: 0, hostConcurrency: 8, retries: 0 },
}), 'bench-watch.json');

const store = await openStore(opts.db ?? path.join(dir, 'watch.db'));
const pageHits = () => server.log.filter((l) => l.path.startsWith('/p/')).length;
const poll = async () => {
  const watcher = new Watcher(store, list, { allowPrivate: true, workers: Number(opts.workers) });
  try {
    const before = pageHits();
    const t = performance.now();
    const sum = await watcher.poll();
    return { ...sum, ms: Math.round(performance.now() - t), pagesRequested: pageHits() - before, requests: watcher.fetcher.requests };
  } finally {
    await watcher.close();
  }
};

try {
  const first = await poll();
  const articles = (await store.counts()).articles;
  const second = await poll();
  for (let f = 0; f < FEEDS; f++) {
    const feed = `/feeds/${f}.xml`;
    const body = (await (await fetch(`${server.url}${feed}`)).text());
    server.set(feed, { body, type: 'application/rss+xml', validators: false });
  }
  const third = await poll();
  const result = {
    feeds: FEEDS, items: FEEDS * ITEMS, workers: Number(opts.workers), store: opts.db ? 'postgres' : 'sqlite',
    first: { ms: first.ms, newArticles: first.newArticles, pagesRequested: first.pagesRequested, stored: articles, failed: first.failed + first.pageFailures },
    second: { ms: second.ms, notModified: second.notModified, pagesRequested: second.pagesRequested, requests: second.requests, newArticles: second.newArticles },
    thirdNoValidators: { ms: third.ms, read: third.read, pagesRequested: third.pagesRequested, newArticles: third.newArticles },
    storedOnce: articles === FEEDS * ITEMS && (await store.counts()).articles === articles,
    secondUnder2s: second.ms < 2000 && second.pagesRequested === 0,
  };
  if (opts.json) console.log(JSON.stringify(result));
  else {
    console.log(`watch: ${FEEDS} local feeds × ${ITEMS} items (${result.store}, ${result.workers} analyser thread${result.workers === 1 ? '' : 's'})`);
    console.log(`  first poll:   ${(first.ms / 1000).toFixed(1)} s, ${first.pagesRequested} pages fetched, ${first.newArticles} new articles (${articles} stored), ${result.first.failed} failed`);
    console.log(`  second poll:  ${second.ms} ms, ${second.notModified} feeds not modified (304), ${second.pagesRequested} pages fetched, ${second.requests} requests  [target < 2000 ms: ${result.secondUnder2s ? 'met' : 'NOT MET'}]`);
    console.log(`  third poll, feeds without validators (read whole): ${third.ms} ms, ${third.read} feeds read, ${third.pagesRequested} pages fetched`);
    console.log(`  every article stored once: ${result.storedOnce ? 'yes' : 'NO'}`);
  }
  process.exitCode = result.storedOnce && result.secondUnder2s ? 0 : 1;
} finally {
  await store.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
