import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../server/safe-fetch.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { htmlPage, newsArticle, rssFeed, startFeedServer, type FeedServer } from './test-feed-server.js';
import { parseWatchList, type WatchList } from './watch-list.js';
import { Watcher, type WatcherOptions } from './watcher.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-watch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Only 127.0.0.1 is let through of the private addresses: the test server is reachable, every other private address refused. */
const onlyLoopbackServer: WatcherOptions = { allowPrivate: false, isBlocked: (a) => a !== '127.0.0.1' && isPrivateAddress(a) };

const UA = 'Standpoint-Test/1.0 (+https://example.org/bot)';

function list(feeds: unknown[], extra: Record<string, unknown> = {}): WatchList {
  return parseWatchList(JSON.stringify({ feeds, polite: { userAgent: UA, hostInterval: 0, hostConcurrency: 4, retries: 1, backoff: '10ms', timeout: '2s' }, ...extra }), 'test-watch.json');
}

describe('watch: polling feeds into the store', () => {
  let server: FeedServer;
  let store: Store;
  const page = (i: number) => `/news/${i}.html`;
  const putPage = (i: number) => {
    const a = newsArticle(i);
    server.set(page(i), { body: htmlPage(a) });
    return { title: a.title, link: `${server.url}${page(i)}`, description: a.text.split('\n')[0], pubDate: 'Tue, 04 Mar 2025 08:00:00 GMT' };
  };

  beforeEach(async () => {
    server = await startFeedServer();
    store = await openStore(path.join(dir, `watch-${++n}.db`));
    server.set('/robots.txt', { body: 'User-agent: *\nDisallow: /private/\n', type: 'text/plain' });
  });
  afterEach(async () => {
    await store.close();
    await server.close();
  });

  it('stores every new item once; a second poll gets 304s and fetches no page again; a changed feed brings only its new item', async () => {
    server.set('/rss.xml', { body: rssFeed('World', [1, 2, 3].map(putPage)), type: 'application/rss+xml' });
    const json = [4, 5].map(putPage);
    server.set('/feed.json', { body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Briefs', items: json.map((j, k) => ({ id: String(k), url: j.link, title: j.title })) }), type: 'application/feed+json' });
    server.set('/sitemap.xml', { body: `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${putPage(6).link}</loc></url><url><loc>${server.url}/private/7.html</loc></url></urlset>`, type: 'application/xml' });
    server.set('/private/7.html', { body: htmlPage(newsArticle(7)) });
    const w = list([{ url: `${server.url}/rss.xml` }, { url: `${server.url}/feed.json` }, { url: `${server.url}/sitemap.xml`, name: 'Sitemap' }]);
    const watcher = new Watcher(store, w, onlyLoopbackServer);
    const first = await watcher.poll();
    expect(first).toMatchObject({ feeds: 3, read: 3, notModified: 0, failed: 0, items: 7, pages: 6, newArticles: 6, pageFailures: 1, pending: 0 });
    expect(first.errors).toEqual([{ url: `${server.url}/private/7.html`, message: expect.stringContaining('robots.txt disallows it') }]);
    expect(server.hits('/private/7.html')).toBe(0);
    expect((await store.counts()).articles).toBe(6);
    const [stored] = (await store.articles()).filter((a) => a.url === `${server.url}${page(1)}`);
    expect(stored).toMatchObject({ title: newsArticle(1).title, date: newsArticle(1).date, source: 'The Test Courier', file: null });
    expect(server.log.every((l) => l.userAgent === UA)).toBe(true);
    expect(server.hits('/robots.txt')).toBe(1);

    const second = await watcher.poll();
    expect(second).toMatchObject({ read: 0, notModified: 3, failed: 0, items: 0, pages: 0, newArticles: 0 });
    for (const i of [1, 2, 3, 4, 5, 6]) expect(server.hits(page(i)), page(i)).toBe(1);

    server.set('/rss.xml', { body: rssFeed('World', [1, 2, 3, 8].map(putPage)), type: 'application/rss+xml' });
    const third = await new Watcher(store, w, onlyLoopbackServer).poll(); // a new process: the state is the store's
    expect(third).toMatchObject({ read: 1, notModified: 2, items: 1, pages: 1, newArticles: 1 });
    expect(server.hits(page(8))).toBe(1);
    expect(server.hits(page(1))).toBe(1);
    expect((await store.counts()).articles).toBe(7);
  });

  it('reports a feed that times out and a malformed feed, and ingests the others', async () => {
    server.set('/good.xml', { body: rssFeed('Good', [1, 2].map(putPage)) });
    server.set('/slow.xml', { body: rssFeed('Slow', [3].map(putPage)), delayMs: 5000 });
    server.set('/broken.xml', { body: '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>cut</title>\n<link>x</item></channel></rss>' });
    const w = list([{ url: `${server.url}/slow.xml` }, { url: `${server.url}/broken.xml`, name: 'Broken desk' }, { url: `${server.url}/good.xml` }],
      { polite: { userAgent: UA, hostInterval: 0, retries: 1, backoff: '10ms', timeout: '300ms' } });
    const sum = await new Watcher(store, w, onlyLoopbackServer).poll();
    expect(sum).toMatchObject({ feeds: 3, read: 1, failed: 2, newArticles: 2 });
    expect(sum.errors.map((e) => e.message).sort()).toEqual([
      expect.stringMatching(/^feed Broken desk: not well-formed XML: line 4, column \d+/),
      expect.stringMatching(new RegExp(`^feed ${server.url}/slow.xml: ${server.url}/slow.xml did not answer within 300 ms \\(after 2 tries\\)`)),
    ]);
    expect(server.hits('/slow.xml')).toBe(2);
    expect(server.hits(page(3))).toBe(0);
    const state = await store.watch.feed(`${server.url}/broken.xml`);
    expect(state?.error).toMatch(/not well-formed XML/);
    expect(await store.watch.feed(`${server.url}/good.xml`)).toMatchObject({ error: null, etag: expect.stringMatching(/^"/) });
  });

  it('refuses a page that redirects to a private address, and gives the item up', async () => {
    const items = [1, 2].map(putPage);
    server.set('/jump.html', (_req, res) => { res.writeHead(302, { location: 'http://10.1.2.3/admin' }).end(); });
    server.set('/rss.xml', { body: rssFeed('World', [...items, { title: 'A jump', link: `${server.url}/jump.html` }]) });
    const sum = await new Watcher(store, list([{ url: `${server.url}/rss.xml` }]), onlyLoopbackServer).poll();
    expect(sum).toMatchObject({ read: 1, failed: 0, newArticles: 2, pageFailures: 1, pending: 0 });
    expect(sum.errors[0].message).toMatch(/10\.1\.2\.3.* is a loopback or private address: not fetched \(allow it with --allow-private-urls\)/);
    const [jump] = await store.watch.items({ urls: [`${server.url}/jump.html`] });
    expect(jump).toMatchObject({ state: 'failed', attempts: 1 });
    expect(server.hits('/jump.html')).toBe(1);
    await new Watcher(store, list([{ url: `${server.url}/rss.xml` }]), onlyLoopbackServer).poll();
    expect(server.hits('/jump.html')).toBe(1); // given up: not fetched again
  });

  it('tries a page that fails for now again (at once with backoff, then at the next poll)', async () => {
    const items = [1, 2].map(putPage);
    let calls = 0;
    server.set('/flaky.html', (_req, res) => {
      calls++;
      if (calls <= 2) res.writeHead(503, { 'retry-after': '0' }).end('busy');
      else res.writeHead(200, { 'content-type': 'text/html' }).end(htmlPage(newsArticle(9)));
    });
    server.set('/rss.xml', { body: rssFeed('World', [...items, { title: 'Flaky', link: `${server.url}/flaky.html` }]) });
    const w = list([{ url: `${server.url}/rss.xml` }]);
    const first = await new Watcher(store, w, onlyLoopbackServer).poll();
    expect(first).toMatchObject({ newArticles: 2, pageFailures: 1, pending: 1 });
    expect(calls).toBe(2); // the first try and one retry
    const second = await new Watcher(store, w, onlyLoopbackServer).poll();
    expect(second).toMatchObject({ notModified: 1, newArticles: 1, pending: 0 });
    expect(calls).toBe(3);
  });

  it('ingests only the items about the feed\'s keywords: the feed\'s words decide, or the page\'s when the feed has none', async () => {
    const on = putPage(1); // "… proposes a …"
    const off = { title: 'Weather: a sunny week ahead', link: `${server.url}/weather.html` };
    server.set('/weather.html', { body: htmlPage({ title: off.title, date: '2025-03-04', text: 'Sunshine all week across the valley, forecasters said on Monday.' }) });
    server.set('/rss.xml', { body: rssFeed('World', [on, off]) });
    server.set('/urls.txt', { body: `${server.url}/weather.html\n${server.url}${page(2)}\n`, type: 'text/plain' });
    putPage(2);
    const w = list([{ url: `${server.url}/rss.xml`, keywords: ['proposes', 'proposed'] }, { url: `${server.url}/urls.txt`, keywords: ['proposed'] }]);
    const sum = await new Watcher(store, w, onlyLoopbackServer).poll();
    expect(sum).toMatchObject({ read: 2, items: 3, pages: 3, newArticles: 2, skipped: 1 });
    expect(server.hits('/weather.html')).toBe(1); // met in the URL list only, where the page decides
    const [weather] = await store.watch.items({ urls: [`${server.url}/weather.html`] });
    expect(weather).toMatchObject({ state: 'skipped', feedUrl: `${server.url}/urls.txt` });
  });

  it('honours Crawl-delay: requests to the host start at least that far apart', async () => {
    server.set('/robots.txt', { body: 'User-agent: *\nCrawl-delay: 0.5\n', type: 'text/plain' });
    server.set('/rss.xml', { body: rssFeed('World', [1, 2, 3].map(putPage)) });
    const watcher = new Watcher(store, list([{ url: `${server.url}/rss.xml` }]), onlyLoopbackServer);
    await watcher.poll();
    expect(watcher.fetcher.requests).toBe(5); // robots.txt, the feed, three pages
    const starts = server.log.filter((l) => l.path !== '/robots.txt').map((l) => l.at).sort((a, b) => a - b);
    expect(starts).toHaveLength(4);
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(400); // sent 500 ms apart; a margin for the way there
  });

  it('asks one host for at most hostConcurrency pages at once', async () => {
    const items = [1, 2, 3, 4, 5, 6].map(putPage);
    for (const i of [1, 2, 3, 4, 5, 6]) server.set(page(i), { body: htmlPage(newsArticle(i)), delayMs: 80 });
    server.set('/rss.xml', { body: rssFeed('World', items) });
    const w = list([{ url: `${server.url}/rss.xml` }], { polite: { userAgent: UA, hostInterval: 0, hostConcurrency: 2 } });
    expect((await new Watcher(store, w, onlyLoopbackServer).poll()).newArticles).toBe(6);
    expect(server.maxInFlight()).toBe(2);
  });
});
