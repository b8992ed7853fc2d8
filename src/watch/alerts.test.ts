import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { follows } from './alerts.js';
import { htmlPage, rssFeed, startFeedServer, type FeedServer } from './test-feed-server.js';
import { parseWatchList } from './watch-list.js';
import { Watcher } from './watcher.js';
import { signature } from './webhooks.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-alerts-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

const SECRET = 'a-secret-of-the-analyst-0123456789';

// Invented reports: Hungary objects to a mission Germany proposed, then comes round to it.
const FIRST = {
  title: 'Germany proposes a mission in Moldova', date: '2025-04-01',
  text: 'Germany proposed a NATO peacekeeping mission in Moldova on Monday. Hungary opposed the NATO peacekeeping mission in Moldova, and Italy said it was undecided about the peacekeeping mission.',
};
const SECOND = {
  title: 'Hungary comes round', date: '2025-04-20',
  text: 'Hungary said on Friday that it now backs the NATO peacekeeping mission in Moldova that Germany proposed. Officials in Budapest said Hungary supported the peacekeeping mission after talks with Berlin.',
};

/** What a webhook receiver checks: the signature is the HMAC-SHA256 of the body's bytes under the secret. */
function verified(body: Buffer, header: string | undefined): boolean {
  const want = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
  return !!header && header.length === want.length && timingSafeEqual(Buffer.from(header), want);
}

describe('watch: alerts', () => {
  let server: FeedServer;
  let store: Store;
  let received: Array<{ body: any; verified: boolean; delivery: string | undefined }>;
  let answers: number[];

  beforeEach(async () => {
    server = await startFeedServer();
    store = await openStore(path.join(dir, `alerts-${++n}.db`));
    received = [];
    answers = [];
    server.set('/robots.txt', { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' });
    server.set('/first.html', { body: htmlPage(FIRST) });
    server.set('/second.html', { body: htmlPage(SECOND) });
    // The receiver fails its first two requests, then takes every alert.
    server.set('/hook', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = answers.length < 2 ? 500 : 204;
        answers.push(status);
        if (status === 204) {
          const body = Buffer.concat(chunks);
          received.push({ body: JSON.parse(body.toString('utf8')), verified: verified(body, req.headers['x-standpoint-signature'] as string), delivery: req.headers['x-standpoint-delivery'] as string });
        }
        res.writeHead(status).end();
      });
    });
  });
  afterEach(async () => {
    await store.close();
    await server.close();
  });

  const watchList = (follow: string[] = []) => parseWatchList(JSON.stringify({
    feeds: [{ url: `${server.url}/rss.xml` }], follow, webhooks: [{ url: `${server.url}/hook`, secret: SECRET }],
    polite: { hostInterval: 0, retries: 2, backoff: '20ms', timeout: '5s' },
  }), 'alerts-watch.json');
  const feedOf = (...pages: Array<[string, typeof FIRST]>) => server.set('/rss.xml', { body: rssFeed('Desk', pages.map(([p, a]) => ({ title: a.title, link: `${server.url}${p}` }))) });

  it('sends new stances, then a changed stance and outlook, signed, through a receiver that fails twice; nothing twice after a restart', async () => {
    feedOf(['/first.html', FIRST]);
    const first = await new Watcher(store, watchList(), { allowPrivate: true }).poll();
    expect(first).toMatchObject({ newArticles: 1, deliveryFailures: 0 });
    expect(answers.slice(0, 3)).toEqual([500, 500, 204]); // the first alert: tried three times
    expect(first.alerts).toBeGreaterThanOrEqual(2);
    expect(first.delivered).toBe(first.alerts);
    expect(received.every((r) => r.verified)).toBe(true);
    const news = received.map((r) => r.body);
    expect(news.every((b) => b.kind === 'new-stance')).toBe(true); // the first outlook seen raises none
    expect(news.find((b) => b.holder === 'country:HUN')).toMatchObject({ newValue: 'oppose', oldValue: null, proposal: { body: 'org:NATO' }, holderName: 'Hungary', article: { url: `${server.url}/first.html` } });
    expect(received.map((r) => r.delivery)).toEqual(news.map((b) => String(b.id)));

    feedOf(['/first.html', FIRST], ['/second.html', SECOND]);
    const restarted = new Watcher(store, watchList(), { allowPrivate: true }); // as after a restart: all it knows is in the store
    const second = await restarted.poll();
    expect(second).toMatchObject({ newArticles: 1, delivered: second.alerts, deliveryFailures: 0 });
    const changes = received.slice(news.length).map((r) => r.body);
    expect(changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'stance-changed', holder: 'country:HUN', oldValue: 'oppose', newValue: 'support' }),
      expect.objectContaining({ kind: 'outlook-changed', holder: null, oldValue: 'blocked', newValue: 'open', outlook: expect.objectContaining({ status: 'open' }) }),
    ]));
    expect(changes.filter((c) => c.holder === 'country:DEU')).toEqual([]); // unchanged: no alert

    const third = await new Watcher(store, watchList(), { allowPrivate: true }).poll();
    expect(third).toMatchObject({ notModified: 1, alerts: 0, delivered: 0 });
    expect(received.length).toBe(news.length + changes.length);
    expect(new Set(received.map((r) => r.body.id)).size).toBe(received.length);
    const stored = await store.watch.alerts();
    expect(stored.map((a) => a.id).sort((a, b) => a - b)).toEqual(received.map((r) => r.body.id).sort((a, b) => a - b));
  });

  it('keeps an alert the receiver never took for the next poll, and raises none for proposals not followed', async () => {
    server.set('/hook', (_req, res) => { res.writeHead(503).end(); });
    feedOf(['/first.html', FIRST]);
    const sum = await new Watcher(store, watchList(['peacekeeping']), { allowPrivate: true }).poll();
    expect(sum.alerts).toBeGreaterThan(0);
    expect(sum).toMatchObject({ delivered: 0, deliveryFailures: 1 }); // the receiver is down: its other alerts wait, in order
    expect(server.hits('/hook')).toBe(3);
    const pending = await store.watch.pendingDeliveries();
    expect(pending).toHaveLength(sum.alerts);
    expect(pending[0]).toMatchObject({ attempts: 3, error: 'HTTP 503' });

    const other = await openStore(path.join(dir, `alerts-${++n}.db`));
    try {
      const none = await new Watcher(other, watchList(['fisheries treaty']), { allowPrivate: true }).poll();
      expect(none).toMatchObject({ newArticles: 1, alerts: 0 });
    } finally {
      await other.close();
    }
  });

  it('follows proposals by id, key or words of the summary', () => {
    const p = { id: 'P1', key: 'nato-mission-moldova', summary: 'NATO peacekeeping mission in Moldova' };
    expect(follows([], p)).toBe(true);
    expect(follows(['P1'], p)).toBe(true);
    expect(follows(['nato-mission-moldova'], p)).toBe(true);
    expect(follows(['peacekeeping MISSION'], p)).toBe(true);
    expect(follows(['embargo', 'P2'], p)).toBe(false);
  });

  it('signs with HMAC-SHA256 of the body', () => {
    expect(signature('key', 'The quick brown fox jumps over the lazy dog')).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });
});
