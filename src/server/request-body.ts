// Reads the body of POST /api/articles as articles: its content type chooses the format, or {url} fetches the page to read.
import type { Article } from '../analyze/record.js';
import { readInputs } from '../ingest/read-inputs.js';
import { decodeText, type InputFormat } from '../ingest/sniff.js';
import { ApiError } from './api-error.js';
import { safeFetch, type SafeFetchOptions } from './safe-fetch.js';

/** What a body's media type says of its format: one JSON document, JSON Lines, HTML, or text to sniff (as `ingest -`). */
export type BodyFormat = 'json' | 'jsonl' | 'html' | 'sniffed';

const JSON_LINES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonl', 'application/jsonlines']);

/** The body's format from its Content-Type (none: text, sniffed); a type the endpoint does not read is a 415. */
export function bodyFormat(contentType: string | undefined): BodyFormat {
  const type = (contentType ?? 'text/plain').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (JSON_LINES.has(type)) return 'jsonl';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/^text\/[\w.+-]+$/.test(type)) return 'sniffed';
  throw new ApiError('unsupported-media-type', `cannot read a ${type || 'blank'} body: send text/plain, text/html, application/json or application/x-ndjson`);
}

export interface BodyArticles {
  articles: Array<{ article: Article; warnings: string[] }>;
  /** Inputs of the body that gave no article (a bad line of JSON Lines), each naming where. */
  failed: Array<{ code: string; message: string }>;
  /** The URL the articles were fetched from, for a `{url}` body. */
  url: string | null;
}

const kindOf = (value: unknown) => (Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON body: one article object, or {url} to fetch. Anything else (an array, null, a string, a number) is refused. */
async function jsonBody(raw: Buffer, fetchOptions: SafeFetchOptions): Promise<{ bytes: Buffer; format: InputFormat | undefined; url: string | null }> {
  let value: unknown;
  try {
    value = JSON.parse(decodeText(raw));
  } catch (err) {
    throw new ApiError('bad-request', `body: broken JSON: ${(err as Error).message}`);
  }
  if (!isObject(value)) {
    throw new ApiError('bad-request', `body: expected one article object {text, id?, date?, title?, url?, source?} or {"url": …}, found ${kindOf(value)}`
      + (Array.isArray(value) ? ': send several articles as application/x-ndjson, one object a line' : ''));
  }
  if (!('url' in value) || 'text' in value) return { bytes: raw, format: 'json', url: null };
  if (typeof value.url !== 'string') throw new ApiError('bad-request', 'body: "url" must be a string');
  const fetched = await safeFetch(value.url, fetchOptions);
  return { bytes: fetched.body, format: undefined, url: fetched.url }; // a fetched page is sniffed, as a file would be
}

/** A text body that is a whole JSON value other than an object (`null`, `[…]`, `"…"`, `42`) was meant as JSON, not an article. */
function refuseBareJson(raw: Buffer): void {
  const text = decodeText(raw.subarray(0, 1 << 16)).trim();
  if (raw.length > 1 << 16 || !/^[[\]"{\dnft-]/.test(text) || text.startsWith('{')) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return; // text, not JSON
  }
  throw new ApiError('bad-request', `body: ${kindOf(value)} in JSON is not an article: send its text, or one article object {text, …} as application/json`);
}

/** Reads every article of a request body (bytes, or the page a `{url}` names) the way `standpoint ingest -` reads its input. */
export async function readRequestBody(raw: Buffer, contentType: string | undefined, fetchOptions: SafeFetchOptions): Promise<BodyArticles> {
  const declared = bodyFormat(contentType);
  if (!raw.length || !raw.toString('utf8').trim()) {
    throw new ApiError('bad-request', 'empty body: send the article as text, HTML or JSON, or {"url": "https://…"}');
  }
  let bytes = raw;
  let url: string | null = null;
  let format: InputFormat | undefined = declared === 'sniffed' ? undefined : declared;
  if (declared === 'json') ({ bytes, format, url } = await jsonBody(raw, fetchOptions));
  if (declared === 'sniffed') refuseBareJson(raw);
  const out: BodyArticles = { articles: [], failed: [], url };
  const stdin = (async function* () { yield bytes; })();
  for await (const input of readInputs(['-'], { stdin, stdinFormat: format })) {
    if (input.kind === 'error') out.failed.push({ code: input.error.code, message: input.error.describe().replace(/^<stdin>/, 'body') });
    else out.articles.push({ article: { ...input.article, file: null }, warnings: input.problems.map((p) => p.message) });
  }
  if (!out.articles.length) throw new ApiError('bad-request', out.failed.map((f) => f.message).join('; ') || 'body: no article in it');
  return out;
}
