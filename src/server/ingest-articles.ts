// POST /api/articles: reads a request body (text, HTML, JSON article(s), or {url}) as articles, analyses and stores them.
import { analyze } from '../analyze/index.js';
import { knowledgeFrom } from '../analyze/knowledge.js';
import type { Article } from '../analyze/record.js';
import { recordArticle } from '../aggregate/record-article.js';
import { readInputs } from '../ingest/read-inputs.js';
import type { PutStatus, Store } from '../store/store.js';
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

/** Analyses and stores every article of the body with what the store knows of people; one at a time (the single writer). */
export async function ingestBody(store: Store, raw: Buffer, contentType: string, options: IngestOptions): Promise<IngestResult> {
  if (!raw.length) throw new ApiError('bad-request', 'empty body: send the article as text, HTML or JSON, or {"url": "https://…"}');
  const { bytes, url } = await bodyBytes(raw, contentType, options.fetch);
  const { articles, failed } = await readArticles(bytes);
  if (!articles.length) {
    throw new ApiError('bad-request', failed.map((f) => f.message).join('; ') || 'no article in the body');
  }
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
