// What a search shows, built once for the CLI's --json, the API and the page: the hits with names, and a sentence saying what was found.
import type { Highlighted } from '../store/search-query.js';
import type { SearchQuery, SearchResult, Store } from '../store/store.js';

/** The filters of a search as given (keys canonical), for saying what was searched. */
export type SearchFilters = Omit<SearchQuery, 'q' | 'limit'>;

export interface SearchView {
  query: string;
  filters: SearchFilters;
  proposals: Array<{ id: string; summary: Highlighted; proposer: string | null; body: string | null; articles: number; firstSeen: string | null; lastSeen: string | null }>;
  quotes: Array<{ articleId: string; localId: string; kind: string; speaker: string | null; text: Highlighted; date: string | null; title: string | null; source: string | null; url: string | null }>;
  articles: Array<{ id: string; title: Highlighted | null; snippet: Highlighted; date: string | null; source: string | null; url: string | null }>;
  more: SearchResult['more'];
  /** Names of the actors the hits name (proposers, speakers). */
  names: Record<string, string>;
  /** What was found, in a sentence; when nothing was, says so (and whether the store is empty). */
  message: string;
}

const plural = (n: number, one: string, more: boolean) => `${more ? 'more than ' : ''}${n} ${one}${n === 1 && !more ? '' : 's'}`;

/** The filters in words: ` (actor country:NLD, since 2025-01-01)`, or nothing. */
export function filterText(f: SearchFilters): string {
  const parts = (['actor', 'body', 'stance', 'since', 'until', 'source'] as const).filter((k) => f[k]).map((k) => `${k} ${f[k]}`);
  return parts.length ? ` with ${parts.join(', ')}` : '';
}

export async function searchView(store: Store, q: string, filters: SearchFilters, limit = 20): Promise<SearchView> {
  const r = await store.search({ q, ...filters, limit });
  const keys = [...new Set([...r.proposals.map((h) => h.proposal.proposer), ...r.quotes.map((h) => h.quote.speaker)].filter((k): k is string => !!k))];
  const names = Object.fromEntries((keys.length ? await store.actors(keys) : []).map((a) => [a.key, a.name]));
  const found = r.proposals.length + r.quotes.length + r.articles.length;
  let message: string;
  if (found) {
    message = `${plural(r.proposals.length, 'proposal', r.more.proposals)}, ${plural(r.quotes.length, 'quote', r.more.quotes)} and `
      + `${plural(r.articles.length, 'article', r.more.articles)} match “${q}”${filterText(filters)}.`;
  } else {
    const { articles } = await store.counts();
    message = articles
      ? `No proposal, quote or article matches “${q}”${filterText(filters)} (searched ${articles} stored article${articles === 1 ? '' : 's'}).`
      : `No proposal, quote or article matches “${q}”: the store holds no articles yet (ingest some with \`standpoint ingest\`).`;
  }
  return {
    query: q,
    filters,
    proposals: r.proposals.map(({ proposal: p, summary }) => ({
      id: p.id, summary, proposer: p.proposer, body: p.body, articles: p.articles, firstSeen: p.firstSeen, lastSeen: p.lastSeen,
    })),
    quotes: r.quotes.map(({ quote, article, text }) => ({
      articleId: quote.articleId, localId: quote.localId, kind: quote.kind, speaker: quote.speaker, text, date: article.date, title: article.title, source: article.source, url: article.url,
    })),
    articles: r.articles.map(({ article, title, snippet }) => ({ id: article.id, title, snippet, date: article.date, source: article.source, url: article.url })),
    more: r.more,
    names,
    message,
  };
}
