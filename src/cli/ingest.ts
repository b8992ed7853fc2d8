// `standpoint ingest [--db URL] PATH...`: analyse articles and store them, learning people as it goes.
import type { Command } from 'commander';
import type { ReadInputsOptions } from '../ingest/read-inputs.js';
import type { IngestSummary, StreamOptions } from '../ingestion/ingest-stream.js';
import type { Store } from '../store/store.js';
import { EXIT_FAILURE, EXIT_OK } from './exit-codes.js';
import { Progress } from './progress.js';
import { storeCommand, withStore } from './with-store.js';
import { wholeNumber, workersOption } from './workers-option.js';

export type { IngestSummary };

export interface IngestIo extends ReadInputsOptions { progress: Progress }

export type IngestOptions = StreamOptions;

/** Reads, analyses and stores every article of `paths` (see ingestStream); a bad input is reported and the batch goes on. */
export async function runIngest(store: Store, paths: string[], io: IngestIo, options: IngestOptions = {}): Promise<IngestSummary> {
  // Loaded when ingesting, not for every command: language detection's data, the store's aggregation, the pool.
  const { readInputs } = await import('../ingest/read-inputs.js');
  const { ingestStream } = await import('../ingestion/ingest-stream.js');
  return ingestStream(store, readInputs(paths, io), io.progress, options);
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
