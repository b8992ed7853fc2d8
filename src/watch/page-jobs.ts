// `watch --queue`: an item's page as a job on the NATS JetStream queue, fetched, read and stored by whichever `standpoint worker` takes it.
import { connectQueue, ensureStreams, queueNames } from '../queue/jobs.js';
import { QueueError } from '../queue/queue-error.js';
import type { Store, WatchItemRow } from '../store/store.js';
import { FetchError, PoliteFetcher } from './polite-fetch.js';
import { fetchPage, type PageItem } from './read-page.js';
import type { WatchList } from './watch-list.js';

/** A page job: the item, what reading it needs, and the watch list's manners for fetching it. */
export interface PageJob extends PageItem { kind: 'page'; feedUrl: string; polite: WatchList['polite'] }

/** What a worker makes of a page job: an article to store (then the item is done), or nothing to do. */
export type PageOutcome =
  | { article: import('../analyze/record.js').Article; itemUrl: string }
  | { skipped: 'done' | 'off-topic' | 'failed'; itemUrl: string; message?: string };

/** Publishes a job for each item; an item queued already (its URL, within JetStream's duplicate window) is queued once. */
export async function publishPages(queue: string, stream: string | undefined, jobs: PageJob[]): Promise<{ queued: number; duplicates: number }> {
  const names = queueNames(stream);
  const nc = await connectQueue(queue);
  const out = { queued: 0, duplicates: 0 };
  try {
    await ensureStreams(await nc.jetstreamManager(), names);
    const js = nc.jetstream();
    for (const job of jobs) {
      const ack = await js.publish(names.jobs, JSON.stringify(job), { msgID: `page:${job.url}` });
      if (ack.duplicate) out.duplicates++;
      else out.queued++;
    }
  } finally {
    await nc.drain();
  }
  return out;
}

export const pageJob = (item: WatchItemRow, page: PageItem, polite: WatchList['polite']): PageJob => ({ kind: 'page', feedUrl: item.feedUrl, ...page, polite });

/** True for a job that is a page job rather than an article. */
export const isPageJob = (job: unknown): job is PageJob => typeof job === 'object' && job !== null && (job as { kind?: unknown }).kind === 'page' && typeof (job as { url?: unknown }).url === 'string';

/**
 * The workers' side: a function that takes a page job and gives its article, or says there is nothing to do (the item is
 * done already: its page is not fetched again; the page is off topic or cannot be had: the item is settled so). A failure
 * that may pass throws, for the queue to deliver the job again. Each worker keeps one polite fetcher per set of manners.
 */
export function pageJobReader(store: Store, options: { allowPrivate: boolean }): (job: { kind: 'page'; url: string }) => Promise<PageOutcome> {
  const fetchers = new Map<string, PoliteFetcher>();
  return async (given) => {
    const job = given as PageJob;
    if (!isPageJob(job) || typeof job.polite !== 'object' || !Array.isArray(job.keywords)) throw new QueueError('bad-job', 'a page job without its item or its manners (polite)');
    const [item] = await store.watch.items({ urls: [job.url] });
    if (item && item.state !== 'pending') return { skipped: 'done', itemUrl: job.url };
    const key = JSON.stringify(job.polite);
    let fetcher = fetchers.get(key);
    if (!fetcher) fetchers.set(key, (fetcher = new PoliteFetcher({ ...job.polite, allowPrivate: options.allowPrivate })));
    try {
      const page = await fetchPage(fetcher, job);
      if ('offTopic' in page) {
        await store.watch.settleItem(job.url, { state: 'skipped', error: "none of the feed's keywords in the page" });
        return { skipped: 'off-topic', itemUrl: job.url };
      }
      return { article: page.article, itemUrl: job.url };
    } catch (err) {
      if (err instanceof FetchError && !err.retryable) {
        await store.watch.settleItem(job.url, { state: 'failed', error: err.message, giveUp: true });
        return { skipped: 'failed', itemUrl: job.url, message: err.message };
      }
      throw err;
    }
  };
}
