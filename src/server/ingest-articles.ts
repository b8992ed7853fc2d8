// POST /api/articles: the articles of a request body (read by request-body.ts), analysed and stored.
import type { Article } from '../analyze/record.js';
import { Ingestion } from '../ingestion/ingestion.js';
import { GROUP_UNDONE } from '../store/db.js';
import type { PutStatus, Store } from '../store/store.js';
import { AnalyzerPool, type PoolResult } from '../workers/pool.js';
import { ApiError } from './api-error.js';
import { readRequestBody } from './request-body.js';
import type { SafeFetchOptions } from './safe-fetch.js';

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

/** Analyses and stores every article of the body (read by request-body.ts), through the server's writer. */
export async function ingestBody(writer: ArticleWriter, raw: Buffer, contentType: string | undefined, options: IngestOptions): Promise<IngestResult> {
  const { articles, failed, url } = await readRequestBody(raw, contentType, options.fetch);
  const withUrls = articles.map(({ article, warnings }) => ({ article: url && !article.url ? { ...article, url } : article, warnings }));
  const result = await writer.write(withUrls);
  return { articles: result.articles, failed: [...failed, ...result.failed] };
}
