// `standpoint serve`: the HTTP API and the web page over a store, in one process.
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { parseAllowedHosts } from '../server/host-check.js';
import { dbOption } from './with-store.js';
import { wholeNumber } from './workers-option.js';

/** The built page, beside the compiled CLI: dist/web. */
const WEB_ROOT = fileURLToPath(new URL('../web', import.meta.url));

const portArg = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
};

const hostsArg = (v: string) => {
  try {
    return parseAllowedHosts(v);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
};

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API (/api/, described at /api/openapi.json) and the web page over a store')
    .addOption(dbOption())
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--port <port>', 'the port to listen on (0: any free port)', portArg, 8080)
    .option('--token <token>', 'the bearer token writing endpoints need (default: $STANDPOINT_TOKEN); without one, writing is refused')
    .option('--allow-private-urls', 'let POST /api/articles fetch URLs on loopback and private addresses')
    .option('--workers <n>', 'analyser threads for POST /api/articles (default: 1; the API answers readers while they analyse)', wholeNumber('--workers', 1), 1)
    .option('--watch <watchlist>', 'also watch the feeds of this watch list in this process, as `standpoint watch` does (its alerts at /api/alerts.atom)')
    .option('--allowed-hosts <names>', 'host names (NAME or NAME:PORT, comma-separated) to answer to besides localhost, 127.0.0.1, [::1] and --host, e.g. behind a proxy (default: $STANDPOINT_ALLOWED_HOSTS)', hostsArg)
    .addHelpText('after', '\nReading needs no token. Writes (POST /api/articles, POST /api/stances/ID/corrections) need\n`Authorization: Bearer <token>`. A request for any other Host is refused (421), and a write\nfrom a page of another origin (403). Stop with Ctrl-C.')
    .action(async (opts: { db?: string; host: string; port: number; token?: string; allowPrivateUrls?: boolean; workers: number; allowedHosts?: string[]; watch?: string }) => {
      // The server's modules load only when serving, not on every other command.
      const { startServer } = await import('../server/index.js');
      const { dbLocation, openStore } = await import('../store/open.js');
      // A wrong watch list stops the server before it starts, naming the file.
      const watchList = opts.watch ? (await import('../watch/watch-list.js')).readWatchList(opts.watch) : null;
      const store = await openStore(dbLocation(opts.db));
      const token = opts.token ?? process.env.STANDPOINT_TOKEN ?? null;
      const allowedHosts = opts.allowedHosts ?? hostsArg(process.env.STANDPOINT_ALLOWED_HOSTS ?? '');
      const server = await startServer({ store, host: opts.host, port: opts.port, token: token || null, allowPrivateUrls: !!opts.allowPrivateUrls, webRoot: WEB_ROOT, workers: opts.workers, allowedHosts });
      process.stdout.write(`standpoint serve: listening on ${server.url} (API ${server.url}/api/, writes ${token ? 'need the bearer token' : 'disabled: no --token'})\n`);
      const stopWatching = new AbortController();
      let watching: Promise<void> = Promise.resolve();
      if (watchList && opts.watch) {
        const { watchLoop } = await import('../watch/watch-loop.js');
        const { pollLine } = await import('./watch.js');
        const report = (line: string) => process.stderr.write(`${line}\n`);
        report(`standpoint serve: watching ${watchList.feeds.length} feeds of ${opts.watch}, every ${Math.round(watchList.interval / 1000)} s`);
        watching = watchLoop(store, opts.watch, watchList, {
          allowPrivate: !!opts.allowPrivateUrls, report, signal: stopWatching.signal,
          onPoll: (s) => report(`${new Date().toISOString()} ${pollLine(s)}`),
          onListError: (err) => report(`${err.message} (the watch list as it was before goes on)`),
        }).catch((err: Error) => { report(`standpoint serve: the watcher stopped: ${err.message}`); });
      }
      const stop = async () => {
        stopWatching.abort();
        await server.close();
        await watching; // the poll under way ends first: what it stored stays whole either way
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
