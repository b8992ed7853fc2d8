// The server module: the app factory and starting it on a host and port.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, MAX_BODY_BYTES, type AppOptions } from './app.js';

export { createApp, MAX_BODY_BYTES, type AppOptions };
export { ROUTES } from './routes.js';

/** Starts the app; resolves once it listens, with the address it listens on and a way to stop it. */
export function startServer(options: AppOptions & { host: string; port: number }): Promise<{ url: string; close(): Promise<void>; server: ServerType }> {
  const app = createApp(options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${host}:${info.port}`, server, close: () => new Promise((done) => server.close(() => done())) });
    });
    server.once('error', reject);
  });
}
