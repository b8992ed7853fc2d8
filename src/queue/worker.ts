// `standpoint worker`: takes article jobs from JetStream, analyses them, writes to the store and acknowledges after the commit.
import os from 'node:os';
import type { JsMsg } from 'nats';
import type { Article } from '../analyze/record.js';
import { Ingestion, type Written } from '../ingestion/ingestion.js';
import { GROUP_UNDONE } from '../store/db.js';
import type { Store } from '../store/store.js';
import type { PoolResult } from '../workers/pool.js';
import { connectQueue, DEFAULT_ACK_WAIT, DEFAULT_MAX_DELIVER, ensureConsumer, ensureStreams, queueNames, type DeadLetter } from './jobs.js';
import { QueueError } from './queue-error.js';

export interface WorkerOptions {
  stream?: string;
  /** Seconds before an unacknowledged job is delivered again. */
  ackWait?: number;
  /** Deliveries after which a failing job goes to the dead-letter subject. */
  maxDeliver?: number;
  /** Jobs fetched at a time (held in flight by this worker until each is acknowledged). */
  batch?: number;
  /** Stop once no job is pending or in flight anywhere, instead of waiting for more. */
  drain?: boolean;
  log?: (line: string) => void;
  /**
   * Reads a page job (`watch --queue`): its article to store, with the watch item it settles, or nothing to do. Without
   * it, page jobs fail (and end as dead letters). The CLI wires the feed watcher's reader here.
   */
  pages?: (job: PageJobLike) => Promise<{ article: Article; itemUrl: string } | { skipped: string; itemUrl: string; message?: string }>;
}

/** A job of the feed watcher: a page to fetch (src/watch/page-jobs.ts says what else it holds). */
export interface PageJobLike { kind: 'page'; url: string }

export interface WorkerSummary {
  new: number; known: number; copies: number; failed: number; deadLettered: number;
  /** Page jobs (`watch --queue`) read into articles, and those with nothing to store (done already, off topic, not to be had). */
  pages: number; pagesSkipped: number;
  seconds: number;
}

const parseJob = (data: Uint8Array): Article | PageJobLike => {
  let a: Partial<Article>;
  try {
    a = JSON.parse(new TextDecoder().decode(data)) as Partial<Article>;
  } catch (err) {
    throw new QueueError('bad-job', `job is not JSON: ${(err as Error).message}`, { cause: err });
  }
  const page = a as Partial<PageJobLike>;
  if (page?.kind === 'page' && typeof page.url === 'string') return page as PageJobLike;
  if (typeof a?.text !== 'string' || typeof a.id !== 'string') throw new QueueError('bad-job', 'job is not an article: it needs "id" and "text"');
  return { date: null, title: null, url: null, source: null, file: null, language: 'en', ...a } as Article;
};

/** A job taken from the queue and analysed, waiting to be written; a page job's watch item is settled with its article. */
interface Job { m: JsMsg; article: Article; analysed: PoolResult; itemUrl: string | null }

/** Jobs written (and acknowledged) together: one commit and one turn of the writer lock for this many articles at most. */
const WRITE_GROUP = 8;

/** Runs until stopped (SIGINT/SIGTERM via `signal`) or, with `drain`, until the queue is empty. */
export async function runWorker(url: string, store: Store, options: WorkerOptions = {}, signal?: AbortSignal): Promise<WorkerSummary> {
  const started = Date.now();
  const names = queueNames(options.stream);
  const log = options.log ?? (() => undefined);
  const maxDeliver = options.maxDeliver ?? DEFAULT_MAX_DELIVER;
  const me = `${os.hostname()}:${process.pid}`;
  const nc = await connectQueue(url);
  const sum: WorkerSummary = { new: 0, known: 0, copies: 0, failed: 0, deadLettered: 0, pages: 0, pagesSkipped: 0, seconds: 0 };
  try {
    const jsm = await nc.jetstreamManager();
    await ensureStreams(jsm, names);
    await ensureConsumer(jsm, names, options.ackWait ?? DEFAULT_ACK_WAIT);
    const js = nc.jetstream();
    const consumer = await js.consumers.get(names.stream, names.consumer);
    // What the store knows of people, brought up to date with every worker's writes at each group (Ingestion).
    const ingestion = await Ingestion.open(store);

    const deadLetter = async (m: JsMsg, error: string) => {
      const letter: DeadLetter = { error, deliveries: m.info.deliveryCount, worker: me, at: new Date().toISOString(), job: new TextDecoder().decode(m.data) };
      await js.publish(names.dead, JSON.stringify(letter));
      await m.ackAck(); // off the job stream once the dead letter is safely stored
      sum.deadLettered++;
      log(`job ${m.seq}: dead-lettered after ${m.info.deliveryCount} deliveries: ${error}`);
    };

    /** A job that failed: retried later (with a growing delay), or dead-lettered after its last delivery. */
    const failed = async (m: JsMsg, message: string) => {
      if (m.info.deliveryCount >= maxDeliver) await deadLetter(m, message);
      else {
        sum.failed++;
        log(`job ${m.seq}: failed (delivery ${m.info.deliveryCount} of ${maxDeliver}), will be retried: ${message}`);
        m.nak(Math.min(30_000, 500 * 2 ** m.info.deliveryCount));
      }
    };

    /** Analyses a job (outside the writer lock); null when it was dead-lettered or failed instead. */
    const analyseJob = async (m: JsMsg): Promise<Job | null> => {
      if (m.info.deliveryCount > maxDeliver) {
        // Delivered that often without an answer: the workers that took it died on it.
        await deadLetter(m, `delivered ${m.info.deliveryCount - 1} times without being acknowledged (did a worker die on it?)`);
        return null;
      }
      try {
        const job = parseJob(m.data);
        if ('kind' in job) {
          if (!options.pages) throw new QueueError('bad-job', 'a page job (watch --queue), which this worker does not read');
          const page = await options.pages(job);
          if ('skipped' in page) {
            sum.pagesSkipped++;
            if (page.message) log(`job ${m.seq}: ${page.message}`);
            await m.ackAck();
            return null;
          }
          sum.pages++;
          return { m, article: page.article, analysed: await ingestion.analyse(page.article), itemUrl: page.itemUrl };
        }
        return { m, article: job, analysed: await ingestion.analyse(job), itemUrl: null };
      } catch (err) {
        await failed(m, (err as Error).message);
        return null;
      }
    };

    /**
     * Writes analysed jobs (of one fetch, at most WRITE_GROUP) as one group: one commit, under the writer lock (planning and
     * writing under one lock keeps two workers from creating the same proposal twice), each article undone alone if its
     * write fails, and analysed again first if a person it looked up changed since (another worker may have taught it).
     * A job is acknowledged only once the group is committed; if the commit fails, every job of the group is retried.
     */
    const writeGroup = async (jobs: Job[]) => {
      const outcomes: (Written | { error: string })[] = [];
      try {
        await ingestion.group(async () => {
          for (const j of jobs) {
            outcomes.push(await ingestion.write(j.article, j.analysed).then(async (w) => {
              // The watch item is done in the transaction that stores its article.
              if (j.itemUrl) await store.watch.settleItem(j.itemUrl, { state: 'done', articleId: j.article.id });
              return w;
            }).catch((err: Error) => {
              if (err.message === GROUP_UNDONE) throw err;
              return { error: err.message };
            }));
          }
        });
      } catch (err) {
        for (const j of jobs) await failed(j.m, `its group's commit failed: ${(err as Error).message}`);
        return;
      }
      for (let i = 0; i < jobs.length; i++) {
        const o = outcomes[i];
        if ('error' in o) await failed(jobs[i].m, o.error);
        else {
          await jobs[i].m.ackAck();
          sum[o.status === 'copy' ? 'copies' : o.status]++;
        }
      }
    };

    while (!signal?.aborted) {
      const batch = await consumer.fetch({ max_messages: options.batch ?? 8, expires: 1000 });
      let got = 0;
      const jobs: Job[] = [];
      for await (const m of batch) {
        got++;
        const job = await analyseJob(m);
        if (job) jobs.push(job);
        if (jobs.length >= WRITE_GROUP) await writeGroup(jobs.splice(0));
      }
      if (jobs.length) await writeGroup(jobs);
      if (got === 0 && options.drain) {
        const info = await jsm.consumers.info(names.stream, names.consumer);
        if (info.num_pending === 0 && info.num_ack_pending === 0) break;
      }
    }
  } finally {
    await nc.drain().catch(() => undefined);
  }
  sum.seconds = (Date.now() - started) / 1000;
  return sum;
}
