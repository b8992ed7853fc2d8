// The feed watcher: polls a watch list's feeds, fetches each new item's page once, and stores its article as `.html` input is stored.
import type { Article } from '../analyze/record.js';
import { decodeText } from '../ingest/sniff.js';
import { Ingestion } from '../ingestion/ingestion.js';
import { GROUP } from '../ingestion/ingest-stream.js';
import { GROUP_UNDONE } from '../store/db.js';
import type { FeedStateRow, Store, WatchItemRow } from '../store/store.js';
import type { PoolResult } from '../workers/pool.js';
import { AnalyzerPool } from '../workers/pool.js';
import { raiseAlerts } from './alerts.js';
import { readFeed, type FeedItem } from './feed-items.js';
import { FetchError, PoliteFetcher, type PoliteOptions } from './polite-fetch.js';
import { fetchPage, type PageItem } from './read-page.js';
import { topicFilter } from './topic-filter.js';
import type { WatchFeed, WatchList } from './watch-list.js';
import { deliverAlerts } from './webhooks.js';

export interface WatcherOptions {
  /** Fetch loopback and private addresses (feeds on the analyst's own network; tests). */
  allowPrivate?: boolean;
  /** For tests: which addresses count as private (see SafeFetchOptions.isBlocked). */
  isBlocked?: PoliteOptions['isBlocked'];
  /** Analyser worker threads (default 1: analyse in this thread). */
  workers?: number;
  /** Where lines about failures go (a feed, a page, a webhook). */
  report?: (line: string) => void;
  /** Told of each page done (`problem`: it failed), for a progress line on a terminal. */
  progress?: { tick(problem: boolean): void; clear(): void };
  /** Put pending items on this NATS JetStream queue as page jobs, for `standpoint worker`s to fetch and store, instead of doing it here. */
  queue?: { url: string; stream?: string };
  /** Ends a poll early: no feed or page is fetched once it aborts; what was fetched is still stored (the rest waits as pending). */
  signal?: AbortSignal;
}

/** What one poll came to. */
export interface PollSummary {
  /** Feeds in the watch list; read (new content), not modified (304), failed. */
  feeds: number;
  read: number;
  notModified: number;
  failed: number;
  /** Items met for the first time (those that pass the keywords). */
  items: number;
  /** Pages fetched and read, and what became of them: articles new, known already, near-duplicate copies, off topic; pages that failed. */
  pages: number;
  newArticles: number;
  knownArticles: number;
  copies: number;
  skipped: number;
  pageFailures: number;
  /** Items still waiting for their page (a later poll tries again; with a queue, the workers are on them). */
  pending: number;
  /** With a queue: page jobs published this poll (an item queued already within JetStream's duplicate window is not counted). */
  queued: number;
  alerts: number;
  delivered: number;
  deliveryFailures: number;
  errors: Array<{ url: string; message: string }>;
  seconds: number;
}

/** Items whose page failed this many times are given up on. */
export const MAX_ITEM_ATTEMPTS = 5;
/** Feeds read at once (each host's own limit applies too), and pages fetched at once. */
const FEEDS_AT_ONCE = 16;
const PAGES_AT_ONCE = 32;
/** Sitemaps of a sitemap index read at most. */
const MAX_SITEMAPS = 50;
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8, */*;q=0.5';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs fn on every element, at most `limit` at once. */
async function eachLimited<T>(list: T[], limit: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => { while (next < list.length) await fn(list[next++]); };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, run));
}

/** The text keywords are matched against in a feed item; empty when the feed says nothing but the URL. */
const itemText = (i: FeedItem) => [i.title, i.summary, ...i.categories].filter(Boolean).join('\n');

/** Why an item was skipped when its page holds none of the feed's keywords. */
export const OFF_TOPIC = "none of the feed's keywords in the page";

/** What reading an item's page needs of it and of its feed. */
export const pageItem = (item: WatchItemRow, feed: WatchFeed): PageItem => ({
  url: item.url, title: item.title, published: item.published, matched: item.matched, keywords: feed.keywords, feedName: feed.name ?? null,
});

/** A page read as `.html` input is, ready to be written. */
interface Ready { item: WatchItemRow; article: Article; analysed: Promise<PoolResult> }

const emptySummary = (feeds: number): PollSummary => ({
  feeds, read: 0, notModified: 0, failed: 0, items: 0, pages: 0, newArticles: 0, knownArticles: 0, copies: 0, skipped: 0,
  pageFailures: 0, pending: 0, queued: 0, alerts: 0, delivered: 0, deliveryFailures: 0, errors: [], seconds: 0,
});

/**
 * Polls a watch list into a store. What it has done lives in the store (store.watch): each feed's validators, each item
 * met; an item is marked done in the transaction that stores its article, so that a watcher killed at any point and
 * started again fetches again only the pages whose articles were not stored, and stores none twice.
 */
export class Watcher {
  readonly fetcher: PoliteFetcher;
  private ingestion: Promise<Ingestion> | null = null;
  private pool: AnalyzerPool | null = null;
  private readonly report: (line: string) => void;

  constructor(readonly store: Store, private list: WatchList, private readonly options: WatcherOptions = {}) {
    this.fetcher = new PoliteFetcher({ ...list.polite, allowPrivate: !!options.allowPrivate, isBlocked: options.isBlocked });
    this.report = options.report ?? (() => undefined);
  }

  get watchList(): WatchList { return this.list; }

  private open(): Promise<Ingestion> {
    this.ingestion ??= (async () => {
      if ((this.options.workers ?? 1) > 1) this.pool = new AnalyzerPool(this.options.workers!);
      return Ingestion.open(this.store, { pool: this.pool });
    })();
    return this.ingestion;
  }

  /** Polls every feed once, fetches and stores the pages of the items waiting, then raises and sends alerts. */
  async poll(): Promise<PollSummary> {
    const started = Date.now();
    const sum = emptySummary(this.list.feeds.length);
    const fail = (url: string, message: string) => { sum.errors.push({ url, message }); this.report(message); };
    await eachLimited(this.list.feeds, FEEDS_AT_ONCE, async (feed) => { if (!this.options.signal?.aborted) await this.pollFeed(feed, sum, fail); });
    if (this.options.queue) await this.queuePages(sum);
    else await this.fetchPages(sum, fail);
    const alerts = await raiseAlerts(this.store, this.list);
    sum.alerts = alerts.length;
    const delivery = await deliverAlerts(this.store, this.list, { userAgent: this.list.polite.userAgent, report: this.report });
    sum.delivered = delivery.delivered;
    sum.deliveryFailures = delivery.failed;
    sum.pending = (await this.store.watch.items({ state: 'pending' })).filter((i) => this.feedOf(i)).length;
    sum.seconds = (Date.now() - started) / 1000;
    return sum;
  }

  private feedOf(item: WatchItemRow): WatchFeed | undefined {
    return this.list.feeds.find((f) => f.url === item.feedUrl);
  }

  /** Reads one feed (a conditional GET) and records the items it lists that pass its keywords; then its validators. */
  private async pollFeed(feed: WatchFeed, sum: PollSummary, fail: (url: string, message: string) => void): Promise<void> {
    const state = await this.store.watch.feed(feed.url);
    const checkedAt = new Date().toISOString();
    const keep: FeedStateRow = state ?? { url: feed.url, etag: null, lastModified: null, checkedAt: null, okAt: null, error: null };
    try {
      const res = await this.fetcher.get(feed.url, { etag: keep.etag, lastModified: keep.lastModified }, FEED_ACCEPT);
      if (res.status === 304) {
        sum.notModified++;
        await this.store.watch.saveFeed({ ...keep, checkedAt, okAt: checkedAt, error: null });
        return;
      }
      const read = readFeed(decodeText(res.body), res.url, feed.kind);
      const items = [...read.items];
      for (const sitemap of read.sitemaps.slice(0, MAX_SITEMAPS)) {
        const child = await this.fetcher.get(sitemap, null, FEED_ACCEPT);
        items.push(...readFeed(decodeText(child.body), child.url, 'sitemap').items);
      }
      const test = topicFilter(feed.keywords);
      const kept = items.flatMap((i) => {
        const text = itemText(i);
        const matched = !feed.keywords.length || (!!text && test(text));
        if (feed.keywords.length && text && !matched) return []; // the feed says what it is about, and it is not the topic
        return [{ url: i.url, feedUrl: feed.url, title: i.title, published: i.published, matched }];
      });
      const added = await this.store.watch.addItems(kept); // (not `sum.items += await …`: feeds are read at once)
      sum.items += added;
      // The validators only once the items are recorded: a poll cut short before then reads the feed whole again.
      const header = (name: string) => { const v = res.headers[name]; return typeof v === 'string' ? v : null; };
      await this.store.watch.saveFeed({ url: feed.url, etag: header('etag'), lastModified: header('last-modified'), checkedAt, okAt: checkedAt, error: null });
      sum.read++;
    } catch (err) {
      sum.failed++;
      const why = (err as Error).message;
      const message = `feed ${feed.name ?? feed.url}: ${why.startsWith(`${feed.url}: `) ? why.slice(feed.url.length + 2) : why}`;
      fail(feed.url, message);
      await this.store.watch.saveFeed({ ...keep, checkedAt, error: message }).catch(() => undefined);
    }
  }

  /** Publishes a page job for every pending item of the list's feeds: the workers fetch, read and store them (and settle the items). */
  private async queuePages(sum: PollSummary): Promise<void> {
    const pending = (await this.store.watch.items({ state: 'pending' })).filter((i) => this.feedOf(i));
    if (!pending.length) return;
    const { pageJob, publishPages } = await import('./page-jobs.js');
    const jobs = pending.map((item) => pageJob(item, pageItem(item, this.feedOf(item)!), this.list.polite));
    sum.queued = (await publishPages(this.options.queue!.url, this.options.queue!.stream, jobs)).queued;
  }

  /** Fetches the page of every pending item of the list's feeds and stores its article; what fails waits for the next poll. */
  private async fetchPages(sum: PollSummary, fail: (url: string, message: string) => void): Promise<void> {
    const pending = (await this.store.watch.items({ state: 'pending' })).filter((i) => this.feedOf(i));
    if (!pending.length) return;
    const ingestion = await this.open();
    const buffer: Array<Ready & { written: () => void }> = [];
    /** Pages being fetched and read: a group waits for them (up to GROUP.ms) to be written with them. */
    let reading = 0;
    let firstAt = 0;
    let writer: Promise<void> | null = null;
    // One writer writes the articles in groups (one transaction each, as `ingest` does): of up to GROUP.size articles,
    // and no page waited for once GROUP.ms have passed since the group's first article came. Each page waits for its
    // own article only (so that its slot fetches the next page while the others are written).
    let failure: unknown = null;
    const write = async () => {
      try {
        while (buffer.length) {
          while (buffer.length < GROUP.size && reading > 0 && Date.now() - firstAt < GROUP.ms) await pause(5);
          const group = buffer.splice(0, GROUP.size);
          firstAt = Date.now();
          try {
            await this.writeGroup(ingestion, group, sum, fail);
          } finally {
            for (const r of group) r.written();
          }
        }
      } catch (err) {
        failure ??= err; // the store failed: the poll fails once its pages are done with (their items stay pending)
        for (const r of buffer.splice(0)) r.written();
      } finally {
        writer = null;
      }
    };
    await eachLimited(pending, PAGES_AT_ONCE, async (item) => {
      if (this.options.signal?.aborted) return;
      reading++;
      const feed = this.feedOf(item)!;
      let page: Awaited<ReturnType<typeof fetchPage>>;
      try {
        page = await fetchPage(this.fetcher, pageItem(item, feed));
        sum.pages++;
      } catch (err) {
        reading--;
        const retryable = err instanceof FetchError && err.retryable;
        const giveUp = !retryable || item.attempts + 1 >= MAX_ITEM_ATTEMPTS;
        sum.pageFailures++;
        fail(item.url, `page ${item.url}: ${(err as Error).message}${giveUp ? '' : ' (tried again at the next poll)'}`);
        await this.store.watch.settleItem(item.url, { state: 'failed', error: (err as Error).message, giveUp });
        this.options.progress?.tick(true);
        return;
      }
      reading--;
      if ('offTopic' in page) {
        sum.skipped++;
        await this.store.watch.settleItem(item.url, { state: 'skipped', error: OFF_TOPIC });
        this.options.progress?.tick(false);
        return;
      }
      if (!buffer.length) firstAt = Date.now();
      const written = new Promise<void>((resolve) => buffer.push({ item, article: page.article, analysed: ingestion.analyse(page.article), written: resolve }));
      writer ??= write();
      await written;
    });
    await writer;
    this.options.progress?.clear();
    if (failure) throw failure;
  }

  /**
   * Writes ready articles as one group (one transaction), each item marked done in it; an article that cannot be stored
   * is undone alone and its item given up on. A group whose commit fails is written again article by article.
   */
  private async writeGroup(ingestion: Ingestion, group: Ready[], sum: PollSummary, fail: (url: string, message: string) => void): Promise<void> {
    const results = await Promise.all(group.map((r) => r.analysed.then((v) => ({ ok: true as const, v }), (e: Error) => ({ ok: false as const, e }))));
    const write = async (list: number[]) => {
      const statuses: Array<{ i: number; status: string } | { i: number; error: string }> = [];
      await ingestion.group(async () => {
        for (const i of list) {
          const { item, article } = group[i];
          const r = results[i];
          try {
            if (!r.ok) throw r.e;
            const w = await ingestion.write(article, r.v);
            await this.store.watch.settleItem(item.url, { state: 'done', articleId: article.id });
            statuses.push({ i, status: w.status });
          } catch (err) {
            if ((err as Error).message === GROUP_UNDONE) throw err;
            statuses.push({ i, error: (err as Error).message });
          }
        }
      });
      return statuses;
    };
    let outcomes: Awaited<ReturnType<typeof write>> = [];
    try {
      outcomes = await write(group.map((_, i) => i));
    } catch (err) {
      this.report(`warning: a group of ${group.length} articles was not stored (${(err as Error).message}); writing them one by one`);
      for (let i = 0; i < group.length; i++) {
        try {
          outcomes.push(...await write([i]));
        } catch (e) {
          outcomes.push({ i, error: (e as Error).message });
        }
      }
    }
    for (const o of outcomes) {
      this.options.progress?.tick(!('status' in o));
      if ('status' in o) {
        if (o.status === 'new') sum.newArticles++;
        else if (o.status === 'copy') sum.copies++;
        else sum.knownArticles++;
        continue;
      }
      const { item } = group[o.i];
      sum.pageFailures++;
      fail(item.url, `page ${item.url}: not stored: ${o.error}`);
      await this.store.watch.settleItem(item.url, { state: 'failed', error: `not stored: ${o.error}`, giveUp: true });
    }
  }

  /** Takes a new watch list (edited between polls): its feeds, keywords, webhooks and manners from the next poll on. */
  update(list: WatchList): void {
    this.list = list;
    Object.assign(this.fetcher.options, list.polite);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
