// GET /api/articles, GET /api/articles/:id (the article with its analysis record) and POST /api/articles (ingest).
import { z } from 'zod';
import { ApiError } from '../api-error.js';
import { ingestBody } from '../ingest-articles.js';
import type { RouteContext } from '../route.js';
import { paging } from './query.js';

export const ArticleListQuery = z.strictObject(paging(50, 1000));

export async function listArticles({ store, query }: RouteContext<z.infer<typeof ArticleListQuery>>) {
  return store.articles(query);
}

/** The article, its analysis record (text and annotations), and the stored proposal each local proposal joined. */
export async function oneArticle({ store, params }: RouteContext<unknown>) {
  const [article] = await store.articlesByIds([params.id]);
  if (!article) throw new ApiError('not-found', `no article with id ${params.id}`);
  const record = await store.record(article.id);
  const mentions = await store.mentions({ articleId: article.id });
  const proposals: Record<string, string> = {};
  for (const m of mentions) proposals[m.localId.split('.')[0]] = m.proposalId;
  return { article, record, proposals };
}

export async function postArticles({ c, writer, options }: RouteContext<unknown>) {
  const type = (c.req.header('content-type') ?? 'text/plain').toLowerCase();
  if (!/^(text\/|application\/(json|x-ndjson|jsonl|xhtml))/.test(type)) {
    throw new ApiError('unsupported-media-type', `cannot read a ${type} body: send text/plain, text/html, application/json or application/x-ndjson`);
  }
  const raw = Buffer.from(await c.req.arrayBuffer());
  // Analysed in the writer's worker threads; written one request after another (Ingestion.group).
  const result = await ingestBody(writer, raw, type, { fetch: { ...options.fetch, allowPrivate: options.allowPrivateUrls } });
  return c.json(result, 201);
}
