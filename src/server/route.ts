// What a route is: a method, a path, a summary, its validated inputs and a handler; routes.ts lists them all.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Store } from '../store/store.js';
import type { ArticleWriter } from './ingest-articles.js';
import type { SafeFetchOptions } from './safe-fetch.js';

export interface ServerOptions {
  store: Store;
  /** The bearer token writes need; with none, writing is refused. */
  token: string | null;
  /** Let POST /api/articles fetch URLs on loopback and private addresses. */
  allowPrivateUrls: boolean;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** Limits for fetching a URL to ingest. */
  fetch: Omit<SafeFetchOptions, 'allowPrivate'>;
  /** The built page (dist/web); null serves the API only. */
  webRoot: string | null;
  /** Analyser worker threads for POST /api/articles (0: analyse on the event loop, as tests do). */
  workers: number;
}

export interface RouteContext<Q> {
  c: Context;
  store: Store;
  /** Stores the articles of requests (one per app). */
  writer: ArticleWriter;
  options: ServerOptions;
  params: Record<string, string>;
  query: Q;
}

export type Method = 'GET' | 'POST';

/** What an endpoint answers, for the OpenAPI document: a JSON body described in words, or another media type. */
export interface RouteResponse { status: number; description: string; mediaType?: string }

export interface Route<Q = unknown> {
  method: Method;
  /** Hono syntax: /api/proposals/:id */
  path: string;
  summary: string;
  /** Writing endpoints need the bearer token. */
  auth?: boolean;
  query?: z.ZodType<Q>;
  /** The request bodies the endpoint reads, by media type (schema for JSON, or a description). */
  body?: Record<string, z.ZodType | string>;
  response: RouteResponse;
  /** Returns a value to send as JSON (status from `response`), or a Response of its own. */
  handler(ctx: RouteContext<Q>): Promise<unknown>;
}

/** Declares a route, inferring the type of its validated query. */
export const route = <Q>(r: Route<Q>): Route<Q> => r;
