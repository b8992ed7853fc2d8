// `standpoint serve`: the HTTP API and the web page over a store, in one process.
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { dbOption } from './with-store.js';
import { wholeNumber } from './workers-option.js';

/** The built page, beside the compiled CLI: dist/web. */
const WEB_ROOT = fileURLToPath(new URL('../web', import.meta.url));

const portArg = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
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
    .addHelpText('after', '\nReading needs no token. Writes (POST /api/articles, POST /api/stances/ID/corrections) need\n`Authorization: Bearer <token>`. Stop with Ctrl-C.')
    .action(async (opts: { db?: string; host: string; port: number; token?: string; allowPrivateUrls?: boolean; workers: number }) => {
      // The server's modules load only when serving, not on every other command.
      const { startServer } = await import('../server/index.js');
      const { dbLocation, openStore } = await import('../store/open.js');
      const store = await openStore(dbLocation(opts.db));
      const token = opts.token ?? process.env.STANDPOINT_TOKEN ?? null;
      const server = await startServer({ store, host: opts.host, port: opts.port, token: token || null, allowPrivateUrls: !!opts.allowPrivateUrls, webRoot: WEB_ROOT, workers: opts.workers });
      process.stdout.write(`standpoint serve: listening on ${server.url} (API ${server.url}/api/, writes ${token ? 'need the bearer token' : 'disabled: no --token'})\n`);
      const stop = async () => {
        await server.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
