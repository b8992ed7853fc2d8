// POST /api/articles: the articles of a request body (read by request-body.ts), analysed and stored.
import { analyze } from '../analyze/index.js';
import { knowledgeFrom } from '../analyze/knowledge.js';
import { recordArticle } from '../aggregate/record-article.js';
import type { PutStatus, Store } from '../store/store.js';
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

/** Analyses and stores every article of the body with what the store knows of people; one at a time (the single writer). */
export async function ingestBody(store: Store, raw: Buffer, contentType: string | undefined, options: IngestOptions): Promise<IngestResult> {
  const { articles, failed, url } = await readRequestBody(raw, contentType, options.fetch);
  const knowledge = knowledgeFrom(await store.people());
  const out: IngestedArticle[] = [];
  for (const { article, warnings } of articles) {
    const withUrl = url && !article.url ? { ...article, url } : article;
    const { record, warnings: analyserWarnings } = analyze(withUrl, knowledge);
    const status = await recordArticle(store, record);
    const proposals = [...new Set((await store.mentions({ articleId: article.id })).map((m) => m.proposalId))];
    out.push({ id: article.id, status, title: article.title, date: article.date, proposals, warnings: [...warnings, ...analyserWarnings] });
  }
  return { articles: out, failed };
}
