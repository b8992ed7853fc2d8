// The HTTP application: the API routes of routes.ts (validated, token-checked, one error shape) and the built page.
import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { StoreError, type Store } from '../store/store.js';
import { ApiError, isRetryable, RETRY_AFTER_SECONDS } from './api-error.js';
import { ArticleWriter } from './ingest-articles.js';
import type { Route, ServerOptions } from './route.js';
import { ROUTES } from './routes.js';
import { hostCheck, localHosts } from './host-check.js';
import { CONTENT_SECURITY_POLICY, staticFiles } from './static-files.js';

/** Request bodies larger than this are refused (413): an article is capped at a million characters. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export type AppOptions = Partial<ServerOptions> & { store: Store; writer?: ArticleWriter };

function checkToken(c: Context, token: string | null): void {
  if (!token) throw new ApiError('unauthorized', 'writing is disabled: the server was started without --token (or $STANDPOINT_TOKEN)');
  const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim() ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new ApiError('unauthorized', 'writing needs the header Authorization: Bearer <token>, with the token the server was started with');
}

/** The longest path parameter or query value read, in characters. */
export const MAX_PARAM_CHARS = 2048;

/** Every parameter is text a store can hold (no NUL: PostgreSQL refuses it) and of a bounded length. */
function checkText(what: string, value: string): void {
  if (value.includes('\0')) throw new ApiError('bad-request', `${what} holds a NUL character (%00)`);
  if (value.length > MAX_PARAM_CHARS) throw new ApiError('bad-request', `${what} is longer than ${MAX_PARAM_CHARS} characters`);
}

const issues = (error: z.ZodError) => z.prettifyError(error).replace(/\n\s*/g, ' ');

/** The path parameters, checked. */
function parseParams(route: Route<any>, c: Context): Record<string, string> {
  const params = c.req.param() as Record<string, string>;
  for (const [k, v] of Object.entries(params)) checkText(`the path parameter ${k}`, v);
  const parsed = route.params?.safeParse(params);
  if (parsed && !parsed.success) throw new ApiError('bad-request', issues(parsed.error));
  return params;
}

/** The query string as an object: a parameter given once is a string, given several times a list. */
function parseQuery(route: Route<any>, c: Context): unknown {
  const raw: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(c.req.queries())) {
    checkText('a query parameter name', k);
    for (const value of v) checkText(`the query parameter ${k.slice(0, 50)}`, value);
    raw[k] = v.length === 1 ? v[0] : v;
  }
  if (!route.query) {
    if (Object.keys(raw).length) throw new ApiError('bad-request', `unknown query parameter(s): ${Object.keys(raw).join(', ')}`);
    return {};
  }
  const parsed = route.query.safeParse(raw);
  if (!parsed.success) throw new ApiError('bad-request', issues(parsed.error));
  return parsed.data;
}

export function createApp(input: AppOptions): Hono {
  const options: ServerOptions = {
    token: null, allowPrivateUrls: false, maxBodyBytes: MAX_BODY_BYTES, fetch: {}, webRoot: null, workers: 0, allowedHosts: [], localHosts: () => localHosts(), ...input,
  };
  const writer = input.writer ?? new ArticleWriter(options.store, options.workers);
  const app = new Hono();
  // Every response, the page's files (/index.html, /assets/…) and errors included, under one policy and never sniffed.
  app.use('*', async (c, next) => {
    await next();
    c.header('content-security-policy', CONTENT_SECURITY_POLICY);
    c.header('x-content-type-options', 'nosniff');
  });
  app.use('*', hostCheck(() => [...options.localHosts(), ...options.allowedHosts]));
  app.use('/api/*', bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: (c) => c.json(new ApiError('payload-too-large', `the body is larger than ${options.maxBodyBytes} bytes`).body(), 413),
  }));
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
  });
  for (const r of ROUTES) {
    app.on(r.method, r.path, async (c) => {
      if (r.auth) checkToken(c, options.token);
      const params = parseParams(r, c);
      const query = parseQuery(r, c);
      const out = await r.handler({ c, store: options.store, writer, options, params, query });
      return out instanceof Response ? out : c.json(out as object, r.response.status as 200);
    });
  }
  app.all('/api/*', (c) => {
    throw new ApiError('not-found', `no route ${c.req.method} ${new URL(c.req.url).pathname}: see /api/openapi.json`);
  });
  if (options.webRoot) {
    const files = staticFiles(options.webRoot);
    app.get('*', files);
  }
  app.notFound((c) => c.json(new ApiError('not-found', `no route ${c.req.method} ${new URL(c.req.url).pathname}`).body(), 404));
  app.onError((err, c) => {
    const known = isRetryable(err) ? new ApiError('unavailable', 'the store is busy with another writer: try again shortly', { cause: err })
      : err instanceof StoreError && err.code === 'bad-input' ? new ApiError('bad-request', err.message, { cause: err })
        : err instanceof StoreError && err.code === 'not-found' ? new ApiError('not-found', err.message, { cause: err })
          : err;
    if (known instanceof ApiError) {
      // A 503 says when to try again.
      return c.json(known.body(), known.status as 400, known.status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {});
    }
    process.stderr.write(`standpoint serve: ${c.req.method} ${c.req.url}: ${err.stack ?? err}\n`);
    return c.json(new ApiError('internal', 'internal error: see the server log').body(), 500);
  });
  return app;
}
