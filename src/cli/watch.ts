// `standpoint watch [--once] [--db URL] [--allow-private-urls] [--json] WATCHLIST`: polls feeds and stores what is new, alerting on changes.
import type { Command } from 'commander';
import type { PollSummary } from '../watch/watcher.js';
import { EXIT_FAILURE, EXIT_OK } from './exit-codes.js';
import { storeCommand, withStore } from './with-store.js';
import { wholeNumber } from './workers-option.js';

interface WatchFlags { db?: string; json?: boolean; once?: boolean; allowPrivateUrls?: boolean; workers: number; queue?: string; stream?: string }

/** One line for a poll. */
export function pollLine(s: PollSummary): string {
  const feeds = `${s.feeds} feeds (${s.read} read, ${s.notModified} not modified, ${s.failed} failed)`;
  const pages = `${s.items} new items, ${s.pages} pages fetched: ${s.newArticles} new articles, ${s.knownArticles} known, ${s.copies} copies, ${s.skipped} off topic, ${s.pageFailures} failed`;
  const alerts = `${s.alerts} alerts (${s.delivered} sent, ${s.deliveryFailures} not yet)`;
  const queued = s.queued ? `; ${s.queued} page jobs queued` : '';
  return `watched: ${feeds}; ${pages}; ${s.pending} pending${queued}; ${alerts} (${s.seconds.toFixed(1)} s)`;
}

const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export function watchCommand(): Command {
  return storeCommand('watch', 'poll the feeds of a watch list and store the articles of new items; alert webhooks when a followed stance or outlook changes')
    .argument('<watchlist>', 'the watch list: a JSON or YAML file of feeds, keywords, webhooks (see the README)')
    .option('--once', 'poll once, print a summary and exit (for cron): exit 0 when every feed was read, 1 when one failed')
    .option('--allow-private-urls', 'fetch feeds and pages on loopback and private addresses (a feed on your own network)')
    .option('--workers <n>', 'analyser threads (default: 1, analyse in this thread)', wholeNumber('--workers', 1), 1)
    .option('--queue <url>', 'put the pages to fetch on this NATS JetStream server (nats://HOST:4222) as jobs: `standpoint worker`s fetch, read and store them')
    .option('--stream <name>', 'with --queue: the JetStream stream of the jobs (default: standpoint)')
    .addHelpText('after', `
Each poll reads every feed (a conditional GET: a feed not modified costs one request), records the items
it has not met (those matching the feed's keywords), fetches each new item's page once and stores its
article as an .html input is stored. An item counts as done only in the transaction that stores its
article: killed at any point and started again, the watcher fetches again only the pages not stored, and
stores no article twice. A feed that fails is reported and the others go on; a page that fails is tried
again at the next poll (up to 5 times). Requests are polite: robots.txt honoured, one host at a time
(polite.hostInterval, polite.hostConcurrency), retries with backoff, a clear User-Agent.
After each poll, followed proposals whose stances or outlook changed raise alerts, sent to the webhooks
(signed: X-Standpoint-Signature: sha256=HMAC of the body) and listed at /api/alerts.atom by \`serve\`.

With --queue, the pages are not fetched here: each pending item becomes a job on the queue, and
\`standpoint worker\` processes (any number, on any machine, sharing the store: PostgreSQL)
fetch, read and store them, each item done in the transaction that stores its article.

Without --once it polls every interval (the list's "interval", default 15m), reading the watch list again
before each poll; stop it with Ctrl-C. Each poll is reported on standard error (--json: one JSON line each).

Exit codes: 0 every feed read; 1 a feed failed (the others still ingested) or the watch list is wrong; 2 usage error.`)
    .action(async (file: string, opts: WatchFlags, command: Command) => {
      if (opts.stream && !opts.queue) command.error('error: --stream needs --queue', { exitCode: 2, code: 'standpoint.usage' });
      const { readWatchList } = await import('../watch/watch-list.js');
      const list = readWatchList(file);
      const { Progress } = await import('./progress.js');
      const progress = new Progress({ verb: 'watch: pages done:' });
      const report = (line: string) => progress.message(line);
      const options = { progress, allowPrivate: !!opts.allowPrivateUrls, workers: opts.workers, report, queue: opts.queue ? { url: opts.queue, stream: opts.stream } : undefined };
      if (opts.once) {
        const { Watcher } = await import('../watch/watcher.js');
        const summary = await withStore(opts.db, async (store) => {
          const watcher = new Watcher(store, list, options);
          try {
            return await watcher.poll();
          } finally {
            await watcher.close();
          }
        });
        process.stdout.write(opts.json ? `${JSON.stringify(summary)}\n` : `${pollLine(summary)}\n`);
        process.exitCode = summary.failed ? EXIT_FAILURE : EXIT_OK;
        return;
      }
      const { watchLoop } = await import('../watch/watch-loop.js');
      const stop = new AbortController();
      const onSignal = () => {
        if (stop.signal.aborted) process.exit(EXIT_FAILURE); // a second Ctrl-C: at once (what is stored stays whole)
        report('standpoint watch: stopping: the pages fetched are stored, the others wait for the next run (Ctrl-C again to stop now)');
        stop.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      report(`standpoint watch: ${list.feeds.length} feeds, every ${Math.round(list.interval / 1000)} s`);
      await withStore(opts.db, (store) => watchLoop(store, file, list, {
        ...options, signal: stop.signal,
        onPoll: (s) => (opts.json ? process.stdout.write(`${JSON.stringify({ at: stamp(), ...s })}\n`) : report(`${stamp()} ${pollLine(s)}`)),
        onListError: (err) => report(`${err.message} (the watch list as it was before goes on)`),
      }));
      process.exitCode = EXIT_OK;
    });
}
