// The server module: the app factory and starting it on a host and port.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, MAX_BODY_BYTES, type AppOptions } from './app.js';
import { ArticleWriter } from './ingest-articles.js';

export { createApp, MAX_BODY_BYTES, type AppOptions };
export { ROUTES } from './routes.js';

/** Starts the app; resolves once it listens, with the address it listens on and a way to stop it. */
export function startServer(options: AppOptions & { host: string; port: number }): Promise<{ url: string; close(): Promise<void>; server: ServerType }> {
  // Articles posted are analysed in worker threads (one unless told), so that the event loop stays free for readers.
  const writer = options.writer ?? new ArticleWriter(options.store, options.workers ?? 1);
  const app = createApp({ ...options, writer });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const close = async () => {
        await new Promise<void>((done) => server.close(() => done()));
        await writer.close();
      };
      resolve({ url: `http://${host}:${info.port}`, server, close });
    });
    server.once('error', reject);
  });
}
