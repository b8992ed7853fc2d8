// `standpoint ingest [--db URL] PATH...`: analyse articles and store them, learning people as it goes.
import type { Command } from 'commander';
import type { KnownPerson } from '../analyze/knowledge.js';
import { MAX_ANALYSED_CHARS } from '../analyze/limits.js';
import type { AnalysisRecord, Article } from '../analyze/record.js';
import { recordArticle } from '../aggregate/record-article.js';
import type { Input, ReadInputsOptions } from '../ingest/read-inputs.js';
import type { PutStatus, Store } from '../store/store.js';
import { inOrder, type Settled } from '../workers/in-order.js';
import { KnowledgeLag } from '../workers/knowledge-lag.js';
import { KnowledgeLog } from '../workers/knowledge-log.js';
import { AnalyzerPool, type PoolResult } from '../workers/pool.js';
import { timedGroups, type GroupLimits } from '../workers/timed-groups.js';
import { EXIT_FAILURE, EXIT_OK } from './exit-codes.js';
import { Progress } from './progress.js';
import { sourceLabel } from './report.js';
import { storeCommand, withStore } from './with-store.js';
import { wholeNumber, workersOption } from './workers-option.js';

export interface IngestSummary {
  new: number; known: number; copies: number; failed: number;
  /** Articles a worker analysed before someone they may name was learnt, analysed again with what is known now. */
  reanalysed: number;
  seconds: number; peakMemoryMb: number;
}

export interface IngestIo extends ReadInputsOptions { progress: Progress }

export interface IngestOptions {
  /** Analyser worker threads; 1 (the default here) analyses in this thread. */
  workers?: number;
  /** How articles are grouped into transactions (default GROUP). */
  group?: GroupLimits;
  /**
   * How many of the articles just before it each article is analysed without (default 0: it sees what every
   * article before it taught). With a lag, workers analyse ahead without ever analysing an article twice.
   */
  knowledgeLag?: number;
}

/** What a stored record teaches the analyser about people, for the articles after it. */
export function peopleOf(record: AnalysisRecord): KnownPerson[] {
  return record.actors.filter((a) => a.kind === 'person').map((a) => {
    const words = a.name.split(/\s+/);
    return { key: a.key, name: a.name, role: a.role, country: a.country, organization: a.organization, represents: a.represents, aliases: words.length > 1 ? [words[words.length - 1]] : [] };
  });
}

/** An article written in the open group, counted once the group is committed. */
interface Stored { where: string; status: PutStatus; long: boolean }

/**
 * Articles are written in groups, each one transaction (Store.batch): of at most 32 articles, and no article waited for
 * once 250 ms have passed since the group's first. A commit costs about as much as writing an article; 32 share it down
 * to a few percent, while an interrupted batch loses (until it is run again) at most one group, and a slow input (a pipe
 * read line by line) leaves written articles uncommitted, and other writers of the file waiting, a quarter second at most.
 */
export const GROUP: GroupLimits = { size: 32, ms: 250 };

/**
 * Reads, analyses and stores every article of `paths`; a bad input is reported and the batch goes on.
 * The store is written here, by one writer, in input order, and each article is analysed with what every
 * article before it taught, as in one thread: worker threads analyse ahead with the knowledge they have,
 * and an article that may name someone learnt meanwhile is analysed again (by a worker) with the current knowledge.
 * With a knowledge lag of n, each article is analysed with what the articles before its n predecessors taught:
 * known before it is analysed, whatever the number of workers, so that no article is analysed twice.
 */
export async function runIngest(store: Store, paths: string[], io: IngestIo, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const sum: IngestSummary = { new: 0, known: 0, copies: 0, failed: 0, reanalysed: 0, seconds: 0, peakMemoryMb: 0 };
  const workers = options.workers ?? 1;
  const lag = options.knowledgeLag ?? 0;
  const log = new KnowledgeLog();
  const pool = workers > 1 ? new AnalyzerPool(workers) : null;
  const known = log.learn(await store.people());
  pool?.learn(known, log.version);
  // With workers this thread does not load the analyser; a worker also fingerprints the text for the duplicate
  // checks, which this thread would otherwise do while writing.
  const here = pool ? null : (await import('../analyze/index.js')).analyze;
  // In this thread an article is analysed with the current knowledge (one at a time): it cannot be stale.
  const analyse = (article: Article, again = false): Promise<PoolResult> =>
    (pool ? pool.analyze(article, { fingerprint: !again, urgent: again, knownNow: lag > 0 }) : Promise.resolve().then(() => ({ ...here!(article, log.knowledge), lookups: [], knowledge: log.version })));
  /** Teaches the analysers what a stored article taught: at once or, with a lag, once `lag` articles have come after it. */
  const lagging = new KnowledgeLag<Input>(lag, (people) => {
    log.learn(people);
    pool?.learn(people, log.version);
  });
  // An analysis that arrives stale (someone it looked up was learnt while it ran) is sent again at once, ahead of the
  // articles waiting for a worker, so that it is likely ready when its turn to be written comes; the check is repeated
  // then. The version is the knowledge the worker had when it was sent the article (the pool gives back the tag of the
  // last `learn` before then): an article may wait in the pool while more is learnt, and is analysed with that too.
  const chase = (article: Article, result: PoolResult): PoolResult | Promise<PoolResult> => {
    if (lag > 0 || !log.staleFor(result.lookups, result.knowledge)) return result; // with a lag, never stale
    sum.reanalysed++;
    return analyse(article, true).then((again) => chase(article, { ...again, fingerprint: result.fingerprint }));
  };
  const start = (input: Input): Promise<PoolResult | null> => {
    lagging.next(input);
    if (input.kind !== 'article') return Promise.resolve(null);
    return analyse(input.article).then((result) => chase(input.article, result));
  };

  const fail = (message: string) => { sum.failed++; io.progress.message(message); io.progress.tick(true); };
  const count = (s: Stored) => { sum[s.status === 'copy' ? 'copies' : s.status]++; io.progress.tick(s.long); };
  /** Stores one input, reporting at once what fails; returns what it stored, to be counted once its group is committed. */
  const storeOne = (item: { item: Input; result: Settled<PoolResult | null> }): Promise<Stored | null> => storeInput(item).finally(() => lagging.done());
  const storeInput = async ({ item: input, result }: { item: Input; result: Settled<PoolResult | null> }): Promise<Stored | null> => {
    if (input.kind === 'error') {
      fail(input.error.describe('error'));
      return null;
    }
    const { article, problems } = input;
    const where = sourceLabel(article.file, article.id);
    for (const p of problems) io.progress.message(`${where}: warning: ${p.message}`);
    try {
      if (!result.ok) throw result.error;
      // Analysed again with what is known now, by a worker (which has learnt it all); the text's fingerprint stands.
      const { record, warnings, fingerprint } = await chase(article, result.value!);
      for (const w of warnings) io.progress.message(`${where}: warning: ${w}`);
      const status = await recordArticle(store, record, fingerprint); // planning sees the writes of the open group
      // Passed on before any later article is sent to a worker (which then has log.version's knowledge), or with a lag
      // before the article `lag` places after the next is.
      if (status === 'new') lagging.taught(input, peopleOf(record));
      return { where, status, long: article.text.length > MAX_ANALYSED_CHARS };
    } catch (err) {
      fail(`${where}: error: not stored: ${(err as Error).message}`); // its write was undone alone; the group goes on
      return null;
    }
  };

  try {
    const { readInputs } = await import('../ingest/read-inputs.js'); // language detection's data: only for commands that read
    // With a lag, an article is started once all it may know is stored: at most lag + 1 in flight.
    const inputs = inOrder(readInputs(paths, io), start, { window: pool ? Math.min(workers * 4, lag > 0 ? lag + 1 : Infinity) : 1 });
    for await (const group of timedGroups(inputs, options.group ?? GROUP)) {
      const stored: Stored[] = [];
      let opened = false;
      try {
        await store.batch(async () => {
          opened = true;
          for await (const item of group) {
            const s = await storeOne(item);
            if (s) stored.push(s);
          }
        });
        stored.forEach(count);
      } catch (err) {
        // The group's commit failed: none of its articles is stored. A group that could not even begin (another process
        // held the file's write lock too long) is written article by article, as without groups.
        for (const s of stored) fail(`${s.where}: error: not stored: its group's commit failed: ${(err as Error).message}`);
        if (!opened) for await (const item of group) { const s = await storeOne(item); if (s) count(s); }
      }
    }
  } finally {
    await pool?.close();
  }
  io.progress.clear();
  sum.seconds = (Date.now() - started) / 1000;
  sum.peakMemoryMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return sum;
}

interface IngestFlags { db?: string; json?: boolean; workers: number; knowledgeLag: number; queue?: string; stream?: string }

export function ingestCommand(): Command {
  return storeCommand('ingest', 'analyse articles and store them: proposals, stances and people gathered across articles')
    .argument('<paths...>', 'article files, folders (read recursively) or - for standard input (same formats as analyze)')
    .addOption(workersOption())
    .option('--knowledge-lag <n>', 'analyse each article without what the n articles just before it taught: workers then never analyse an article twice (for large backfills)', wholeNumber('--knowledge-lag', 0), 0)
    .option('--queue <url>', 'publish the articles as jobs to this NATS JetStream server (nats://HOST:4222) instead; `standpoint worker` processes them')
    .option('--stream <name>', 'with --queue: the JetStream stream of the jobs (default: standpoint)')
    .addHelpText('after', `
The same content again is recognised and changes nothing ("known"); a near-duplicate (a wire story
republished with small edits) is stored as a copy of its original and not counted as a second source.
Articles are written in groups of up to 32 (or what a quarter second brings), each group one transaction
and each article in it atomic: an article that fails is undone alone. An interrupted batch
loses at most its open group and can simply be run again (what is stored already is "known").
Articles are analysed in --workers threads and stored by this process alone, in input order; each is
analysed with what all articles before it taught (one analysed before that was known is analysed again).
With --knowledge-lag N, each article is analysed with what the articles before its N predecessors taught:
the store is then the same for any --workers, and no article is analysed twice (with two workers, about a
fifth of a batch naming the same people again and again is). A lag of 4 per worker or more keeps every
worker busy; the articles of a story that come together then do not learn from one another.

Exit codes: 0 all stored or known; 1 some input failed (reported on standard error); 2 usage error.`)
    .action(async (paths: string[], opts: IngestFlags, command: Command) => {
      if (opts.stream && !opts.queue) command.error('error: --stream needs --queue', { exitCode: 2, code: 'standpoint.usage' });
      if (opts.knowledgeLag && opts.queue) command.error('error: --knowledge-lag is for ingesting into a store, not with --queue', { exitCode: 2, code: 'standpoint.usage' });
      if (opts.queue) {
        const { publishArticles } = await import('../queue/publish.js');
        const sum = await publishArticles(opts.queue, paths, { stream: opts.stream, progress: new Progress({ verb: 'queued' }) });
        if (opts.json) process.stdout.write(`${JSON.stringify(sum)}\n`);
        else process.stdout.write(`queued: ${sum.published} jobs, ${sum.duplicates} already queued, ${sum.failed} failed (${sum.seconds.toFixed(1)} s)\n`);
        process.exitCode = sum.failed ? EXIT_FAILURE : EXIT_OK;
        return;
      }
      const sum = await withStore(opts.db, (store) => runIngest(store, paths, { progress: new Progress({ verb: 'ingested' }) }, { workers: opts.workers, knowledgeLag: opts.knowledgeLag }));
      if (opts.json) process.stdout.write(`${JSON.stringify(sum)}\n`);
      else process.stdout.write(`ingested: ${sum.new} new, ${sum.known} already known, ${sum.copies} near-duplicate copies, ${sum.failed} failed (${sum.seconds.toFixed(1)} s)\n`);
      process.exitCode = sum.failed ? EXIT_FAILURE : EXIT_OK;
    });
}
