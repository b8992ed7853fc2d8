// GET /api/articles, GET /api/articles/:id (the article with its analysis record) and POST /api/articles (ingest).
import { z } from 'zod';
import { ApiError } from '../api-error.js';
import { ingestBody } from '../ingest-articles.js';
import { bodyFormat } from '../request-body.js';
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
  const type = c.req.header('content-type');
  bodyFormat(type); // a body of a type not read is refused before it is read
  const raw = Buffer.from(await c.req.arrayBuffer());
  // Analysed in the writer's worker threads; written one request after another (Ingestion.group).
  const result = await ingestBody(writer, raw, type, { fetch: { ...options.fetch, allowPrivate: options.allowPrivateUrls } });
  return c.json(result, 201);
}
