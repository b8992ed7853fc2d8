// A stream of inputs analysed (in worker threads when asked) and stored in order, in groups: `ingest` and the feed watcher.
import { MAX_ANALYSED_CHARS } from '../analyze/limits.js';
import type { Input } from '../ingest/read-inputs.js';
import { sourceLabel } from '../ingest/source-label.js';
import { GROUP_UNDONE } from '../store/db.js';
import type { PutStatus, Store } from '../store/store.js';
import { inOrder, type Settled } from '../workers/in-order.js';
import { AnalyzerPool, type PoolResult } from '../workers/pool.js';
import { timedGroups, type GroupLimits } from '../workers/timed-groups.js';
import { Ingestion } from './ingestion.js';

export interface IngestSummary {
  new: number; known: number; copies: number; failed: number;
  /** Articles analysed again because someone they may name was learnt (or the knowledge read again) after they were analysed. */
  reanalysed: number;
  seconds: number; peakMemoryMb: number;
}

/** Where messages go: one line each, and a tick per input done (`long`: it was analysed only in part). */
export interface IngestReport {
  message(line: string): void;
  tick(long?: boolean): void;
  clear(): void;
}

export interface StreamOptions {
  /** Analyser worker threads; 1 (the default here) analyses in this thread. */
  workers?: number;
  /** How articles are grouped into transactions (default GROUP). */
  group?: GroupLimits;
  /** See IngestionOptions.knowledgeLag. */
  knowledgeLag?: number;
}

/**
 * Articles are written in groups, each one transaction (Store.batch): of at most 32 articles, and no article waited for
 * once 250 ms have passed since the group's first. A commit costs about as much as writing an article; 32 share it down
 * to a few percent, while an interrupted batch loses (until it is run again) at most one group, and a slow input (a pipe
 * read line by line) leaves written articles uncommitted, and other writers of the file waiting, a quarter second at most.
 */
export const GROUP: GroupLimits = { size: 32, ms: 250 };

type Item = { item: Input; result: Settled<PoolResult | null> };

/** An article written in the open group, counted once the group is committed. */
interface Stored { where: string; status: PutStatus; long: boolean }

/**
 * Analyses and stores every input, in order; a bad input is reported and the batch goes on. Workers analyse ahead; the
 * store is written here, by one writer, through Ingestion (which says what each article is analysed with). A group
 * whose commit fails is written again article by article (each analysed again with what the store then holds), so that
 * only articles that cannot be stored are reported as failed, and what they taught is not kept.
 */
export async function ingestStream(store: Store, inputs: AsyncIterable<Input>, report: IngestReport, options: StreamOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const sum: IngestSummary = { new: 0, known: 0, copies: 0, failed: 0, reanalysed: 0, seconds: 0, peakMemoryMb: 0 };
  const workers = options.workers ?? 1;
  const lag = options.knowledgeLag ?? 0;
  const pool = workers > 1 ? new AnalyzerPool(workers) : null;
  try {
    const ingestion = await Ingestion.open(store, { pool, knowledgeLag: lag });
    const start = (input: Input): Promise<PoolResult | null> => {
      ingestion.next(input);
      return input.kind === 'article' ? ingestion.analyse(input.article) : Promise.resolve(null);
    };
    const fail = (message: string) => { sum.failed++; report.message(message); report.tick(true); };
    const count = (s: Stored) => {
      sum[s.status === 'copy' ? 'copies' : s.status]++;
      report.tick(s.long);
    };
    /** Inputs the writer has been through once (numbered for the knowledge lag, warnings given), and those settled for good. */
    const met = new WeakSet<Input>();
    const settled = new WeakSet<Input>();

    /**
     * Writes one input in the open group; throws only when the group itself is broken (an article whose write fails
     * is undone alone, reported and settled: it is not tried again).
     */
    const write = async ({ item: input, result }: Item): Promise<Stored | null> => {
      const first = !met.has(input);
      met.add(input);
      try {
        if (settled.has(input)) return null;
        if (input.kind === 'error') {
          settled.add(input);
          fail(input.error.describe('error'));
          return null;
        }
        const { article, problems } = input;
        const where = sourceLabel(article.file, article.id);
        if (first) for (const p of problems) report.message(`${where}: warning: ${p.message}`);
        try {
          if (!result.ok) throw result.error;
          const written = await ingestion.write(article, result.value!, input);
          if (first) for (const w of written.warnings) report.message(`${where}: warning: ${w}`);
          return { where, status: written.status, long: article.text.length > MAX_ANALYSED_CHARS };
        } catch (err) {
          if (isGroupUndone(err)) throw err;
          settled.add(input);
          fail(`${where}: error: not stored: ${(err as Error).message}`);
          return null;
        }
      } finally {
        if (first) ingestion.done(); // in input order, once each: with a lag, later inputs may be analysed now
      }
    };

    const ordered = inOrder(inputs, start, { window: pool ? Math.min(workers * 4, lag > 0 ? lag + 1 : Infinity) : 1 });
    for await (const group of timedGroups(ordered, options.group ?? GROUP)) {
      const taken: Item[] = [];
      const stored: Stored[] = [];
      try {
        await ingestion.group(async () => {
          for await (const it of group) {
            taken.push(it);
            const s = await write(it);
            if (s) stored.push(s);
          }
        });
        stored.forEach(count);
        continue;
      } catch (err) {
        // Nothing of the group is stored (its commit failed, the database undid it, or it could not begin): each of its
        // inputs, those it wrote and those it had not reached, is written again in a group of its own.
        for await (const it of group) taken.push(it);
        report.message(`warning: a group of ${taken.length} inputs was not stored (${(err as Error).message}); writing them one by one`);
      }
      for (const it of taken) {
        let again: Stored | null = null;
        try {
          await ingestion.group(async () => { again = await write(it); });
        } catch (err) {
          settled.add(it.item);
          const where = it.item.kind === 'article' ? sourceLabel(it.item.article.file, it.item.article.id) : 'an input';
          fail(`${where}: error: not stored: ${(err as Error).message}`);
          continue;
        }
        if (again) count(again);
      }
    }
    sum.reanalysed = ingestion.reanalysed;
  } finally {
    await pool?.close();
  }
  report.clear();
  sum.seconds = (Date.now() - started) / 1000;
  sum.peakMemoryMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return sum;
}

/** True for the error of a write after the database rolled the whole open group back (not one article alone). */
const isGroupUndone = (err: unknown): boolean => (err as Error)?.message === GROUP_UNDONE;
