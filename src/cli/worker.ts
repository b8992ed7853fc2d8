// `standpoint worker --queue nats://… --db postgres://…`: one of any number of processes that take article jobs and store them.
import { Command } from 'commander';
import { DEFAULT_ACK_WAIT, DEFAULT_MAX_DELIVER } from '../queue/defaults.js';
import { EXIT_OK } from './exit-codes.js';
import { dbOption, withStore } from './with-store.js';
import { wholeNumber } from './workers-option.js';

interface WorkerFlags { queue: string; db?: string; stream?: string; ackWait?: number; maxDeliver?: number; batch?: number; drain?: boolean; json?: boolean; allowPrivateUrls?: boolean }

export function workerCommand(): Command {
  return new Command('worker')
    .description('take article jobs from a NATS JetStream queue, analyse them and store them (run as many as you like)')
    .requiredOption('--queue <url>', 'the NATS server: nats://HOST:4222')
    .addOption(dbOption())
    .option('--stream <name>', 'the JetStream stream of the jobs (default: standpoint)')
    .option('--ack-wait <seconds>', `seconds a job may take before it is given to another worker (default: ${DEFAULT_ACK_WAIT})`, wholeNumber('--ack-wait'))
    .option('--max-deliver <n>', `deliveries after which a failing job goes to the dead-letter subject (default: ${DEFAULT_MAX_DELIVER})`, wholeNumber('--max-deliver'))
    .option('--batch <n>', 'jobs fetched at a time (default: 8)', wholeNumber('--batch'))
    .option('--drain', 'stop once no job is pending or in flight, instead of waiting for more')
    .option('--allow-private-urls', 'for the page jobs of `watch --queue`: fetch pages on loopback and private addresses')
    .option('--json', 'print the closing summary as JSON')
    .addHelpText('after', `
A job is acknowledged only after its article is committed; a worker that dies leaves its jobs to be
delivered again after --ack-wait. Writing is idempotent (an article's content is stored once), so each
article is stored exactly once however often it is delivered. Workers share one PostgreSQL store
(--db postgres://…): a worker writes its articles in groups of up to 8 (one commit each), planning and
writing them under an advisory lock that the group holds until it commits. Each article is analysed with
the people the store holds when it is written (what other workers stored included), as ingest does.

Exit codes: 0 stopped cleanly; 1 could not connect or the store failed; 2 usage error.`)
    .action(async (opts: WorkerFlags) => {
      const stop = new AbortController();
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => stop.abort());
      const { runWorker } = await import('../queue/worker.js');
      const { pageJobReader } = await import('../watch/page-jobs.js');
      const sum = await withStore(opts.db, (store) => runWorker(opts.queue, store, {
        stream: opts.stream, ackWait: opts.ackWait, maxDeliver: opts.maxDeliver, batch: opts.batch,
        drain: opts.drain, log: (line) => process.stderr.write(`worker: ${line}\n`),
        pages: pageJobReader(store, { allowPrivate: !!opts.allowPrivateUrls }),
      }, stop.signal));
      if (opts.json) process.stdout.write(`${JSON.stringify(sum)}\n`);
      else process.stdout.write(`worker: ${sum.new} new, ${sum.known} already known, ${sum.copies} copies, ${sum.failed} failed attempts, ${sum.deadLettered} dead-lettered${sum.pages || sum.pagesSkipped ? `, ${sum.pages} pages read (${sum.pagesSkipped} with nothing to store)` : ''} (${sum.seconds.toFixed(1)} s)\n`);
      process.exitCode = EXIT_OK;
    });
}
