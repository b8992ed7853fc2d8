// An item's page, fetched and read as `.html` input is, what the feed said filling in what the page does not: the watcher's and the queue workers'.
import type { Article } from '../analyze/record.js';
import { normalizeDate } from '../ingest/dates.js';
import { readInputs } from '../ingest/read-inputs.js';
import { FetchError, type PoliteFetcher } from './polite-fetch.js';
import { topicFilter } from './topic-filter.js';

/** What reading a page needs to know of its item and feed. */
export interface PageItem {
  url: string;
  title: string | null;
  published: string | null;
  /** Whether the feed's own words matched its keywords already. */
  matched: boolean;
  keywords: string[];
  /** The feed's name: the outlet of a page that names none. */
  feedName: string | null;
}

/** The article of a page's bytes (title, date, outlet from the page; the feed's title and date when the page has none). */
export async function readPage(body: Buffer, contentType: string | null, url: string, item: PageItem): Promise<Article> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const format = type === 'text/html' || type === 'application/xhtml+xml' ? 'html' : undefined; // other types are sniffed, as a file is
  const stdin = (async function* () { yield body; })();
  for await (const input of readInputs(['-'], { stdin, stdinFormat: format })) {
    if (input.kind === 'error') throw new FetchError(url, input.error.message, false);
    const a = input.article;
    return {
      ...a, file: null, url: a.url ?? url, title: a.title ?? item.title,
      date: a.date ?? (item.published ? normalizeDate(item.published, { loose: true }) : null),
      source: a.source ?? item.feedName,
    };
  }
  throw new FetchError(url, 'no article in the page', false);
}

/**
 * Fetches and reads an item's page: its article, or `off-topic` when the feed's words did not decide and the page holds
 * none of its keywords. Throws FetchError (retryable or not) when the page cannot be had.
 */
export async function fetchPage(fetcher: PoliteFetcher, item: PageItem): Promise<{ article: Article } | { offTopic: true }> {
  const res = await fetcher.get(item.url);
  const article = await readPage(res.body, res.contentType, res.url, item);
  if (!item.matched && item.keywords.length && !topicFilter(item.keywords)(`${article.title ?? ''}\n${article.text}`)) return { offTopic: true };
  return { article };
}
