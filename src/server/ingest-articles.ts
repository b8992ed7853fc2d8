// POST /api/articles: reads a request body (text, HTML, JSON article(s), or {url}) as articles, analyses and stores them.
import type { Article } from '../analyze/record.js';
import { readInputs } from '../ingest/read-inputs.js';
import { Ingestion } from '../ingestion/ingestion.js';
import { GROUP_UNDONE } from '../store/db.js';
import type { PutStatus, Store } from '../store/store.js';
import { AnalyzerPool, type PoolResult } from '../workers/pool.js';
import { ApiError } from './api-error.js';
import { safeFetch, type SafeFetchOptions } from './safe-fetch.js';

export interface IngestedArticle {
  id: string;
  status: PutStatus;
  title: string | null;
  date: string | null;
  /** Canonical ids of the proposals the article mentions. */
  proposals: string[];
  warnings: string[];
}

export interface IngestResult { articles: IngestedArticle[]; failed: Array<{ code: string; message: string }> }

/** Reads raw bytes the way `standpoint ingest -` does: the format is sniffed from the content. */
async function readArticles(raw: Buffer): Promise<{ articles: Array<{ article: Article; warnings: string[] }>; failed: IngestResult['failed'] }> {
  const articles: Array<{ article: Article; warnings: string[] }> = [];
  const failed: IngestResult['failed'] = [];
  for await (const input of readInputs(['-'], { stdin: (async function* () { yield raw; })() })) {
    if (input.kind === 'error') failed.push({ code: input.error.code, message: input.error.describe().replace(/^<stdin>/, 'body') });
    else articles.push({ article: { ...input.article, file: null }, warnings: input.problems.map((p) => p.message) });
  }
  return { articles, failed };
}

/** What the body holds: a `{url}` to fetch, or the article bytes themselves. */
async function bodyBytes(raw: Buffer, contentType: string, fetchOptions: SafeFetchOptions): Promise<{ bytes: Buffer; url: string | null }> {
  if (!contentType.includes('json')) return { bytes: raw, url: null };
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new ApiError('bad-request', `broken JSON: ${(err as Error).message}`);
  }
  const isUrlRequest = typeof value === 'object' && value !== null && !Array.isArray(value) && 'url' in value && !('text' in value);
  if (!isUrlRequest) return { bytes: raw, url: null };
  const url = (value as { url: unknown }).url;
  if (typeof url !== 'string') throw new ApiError('bad-request', '"url" must be a string');
  const fetched = await safeFetch(url, fetchOptions);
  return { bytes: fetched.body, url: fetched.url };
}

export interface IngestOptions { fetch: SafeFetchOptions }

/**
 * Stores the articles of requests for the server's life, through the one ingestion path (as `ingest` would, one request
 * after another): each article analysed with the people the store holds when it is written, what other processes
 * stored included. With `workers`, articles are analysed in that many worker threads (started at the first request),
 * so that a long article never holds up the requests of others; the writes alone run here.
 */
export class ArticleWriter {
  private ingestion: Promise<Ingestion> | null = null;
  private pool: AnalyzerPool | null = null;
  private closed = false;

  constructor(private readonly store: Store, private readonly workers = 0) {}

  private open(): Promise<Ingestion> {
    if (this.closed) return Promise.reject(new ApiError('unavailable', 'the server is shutting down'));
    this.ingestion ??= (async () => {
      if (this.workers > 0) this.pool = new AnalyzerPool(this.workers);
      return Ingestion.open(this.store, { pool: this.pool });
    })().catch(async (err) => {
      this.ingestion = null;
      await this.pool?.close();
      this.pool = null;
      throw err;
    });
    return this.ingestion;
  }

  /** Analyses the articles (at once, in the workers), then writes them in order as one group. */
  async write(articles: Array<{ article: Article; warnings: string[] }>): Promise<IngestResult> {
    const ingestion = await this.open();
    const analysed = await Promise.all(articles.map(({ article }) => ingestion.analyse(article).then(
      (result): { result: PoolResult } => ({ result }), (err: Error) => ({ error: err.message }))));
    const failed: IngestResult['failed'] = [];
    const written: Array<{ article: Article; warnings: string[]; status: PutStatus }> = [];
    await ingestion.group(async () => {
      written.length = 0;
      for (let i = 0; i < articles.length; i++) {
        const { article, warnings } = articles[i];
        const a = analysed[i];
        if ('error' in a) { failed.push({ code: 'analysis-failed', message: `${article.id}: not analysed: ${a.error}` }); continue; }
        try {
          const w = await ingestion.write(article, a.result);
          written.push({ article, warnings: [...warnings, ...w.warnings], status: w.status });
        } catch (err) {
          if ((err as Error).message === GROUP_UNDONE) throw err;
          failed.push({ code: 'not-stored', message: `${article.id}: not stored: ${(err as Error).message}` });
        }
      }
    });
    const out: IngestedArticle[] = [];
    for (const { article, warnings, status } of written) {
      const proposals = [...new Set((await this.store.mentions({ articleId: article.id })).map((m) => m.proposalId))];
      out.push({ id: article.id, status, title: article.title, date: article.date, proposals, warnings });
    }
    return { articles: out, failed };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
  }
}

/** Analyses and stores every article of the body, through the server's writer. */
export async function ingestBody(writer: ArticleWriter, raw: Buffer, contentType: string, options: IngestOptions): Promise<IngestResult> {
  if (!raw.length) throw new ApiError('bad-request', 'empty body: send the article as text, HTML or JSON, or {"url": "https://…"}');
  const { bytes, url } = await bodyBytes(raw, contentType, options.fetch);
  const { articles, failed } = await readArticles(bytes);
  if (!articles.length) {
    throw new ApiError('bad-request', failed.map((f) => f.message).join('; ') || 'no article in the body');
  }
  const withUrls = articles.map(({ article, warnings }) => ({ article: url && !article.url ? { ...article, url } : article, warnings }));
  const result = await writer.write(withUrls);
  return { articles: result.articles, failed: [...failed, ...result.failed] };
}
