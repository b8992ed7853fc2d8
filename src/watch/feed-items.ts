// Reads a fetched feed as the items it lists: RSS, Atom, RDF and JSON Feed (feedsmith), sitemaps and news sitemaps, plain URL lists.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import type { FeedKind } from './watch-list.js';

/** One item a feed lists: the page to fetch, and what the feed says of it. */
export interface FeedItem {
  /** The page's URL, absolute, without a fragment. */
  url: string;
  title: string | null;
  /** The feed's summary or content of the item, as text (tags removed); with the title and categories, what keywords are matched against. */
  summary: string | null;
  categories: string[];
  /** When the feed says it was published, as given. */
  published: string | null;
}

export interface ReadFeed {
  /** What the content turned out to be. */
  kind: 'rss' | 'atom' | 'rdf' | 'json' | 'sitemap' | 'sitemap-index' | 'urls';
  title: string | null;
  items: FeedItem[];
  /** A sitemap index's sitemaps, to read in turn. */
  sitemaps: string[];
}

/** A feed whose content cannot be read: its URL and why (with the line for XML that does not parse). */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(readonly url: string, message: string) {
    super(`${url}: ${message}`);
  }
}

/**
 * An absolute http(s) URL, resolved against the feed's URL, without its fragment and its campaign-tracking parameters
 * (`utm_…`, which feeds add and which would make one page two items); null for anything else.
 */
export function pageUrl(raw: string | null | undefined, base: string): string | null {
  if (!raw || !raw.trim()) return null;
  try {
    const url = new URL(raw.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    for (const key of [...url.searchParams.keys()]) if (/^utm_/i.test(key)) url.searchParams.delete(key);
    return url.toString();
  } catch {
    return null;
  }
}

/** Text of HTML a feed carries in a summary: tags dropped, entities left as the parser gave them, white space collapsed. */
const plain = (html: string | null | undefined): string | null => {
  if (!html) return null;
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
  return text || null;
};

const first = (...values: Array<string | null | undefined>): string | null => values.find((v) => v && v.trim())?.trim() ?? null;

/** Which kind of content the bytes hold, when the watch list leaves it to `auto`. */
function sniff(text: string): 'xml' | 'json' | 'urls' {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'xml';
  if (head.startsWith('{')) return 'json';
  return 'urls';
}

type Xml = Record<string, unknown>;
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const textOf = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : v && typeof v === 'object' && '#text' in v ? String((v as Xml)['#text']) : null);

/** A sitemap (urlset, news:news included) or sitemap index, as items or sitemaps; null when the XML is neither. */
function readSitemap(xml: string, base: string): ReadFeed | null {
  const doc = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, processEntities: true }).parse(xml) as Xml;
  const urlset = doc.urlset as Xml | undefined;
  if (urlset !== undefined) {
    const items: FeedItem[] = [];
    for (const entry of list(urlset?.url) as Xml[]) {
      const url = pageUrl(textOf(entry?.loc), base);
      if (!url) continue;
      const news = list(entry.news)[0] as Xml | undefined;
      items.push({
        url, title: first(textOf(news?.title)), summary: first(textOf(news?.keywords)),
        categories: [], published: first(textOf(news?.publication_date), textOf(entry.lastmod)),
      });
    }
    return { kind: 'sitemap', title: null, items, sitemaps: [] };
  }
  const index = doc.sitemapindex as Xml | undefined;
  if (index !== undefined) {
    const sitemaps = (list(index?.sitemap) as Xml[]).map((s) => pageUrl(textOf(s?.loc), base)).filter((u): u is string => !!u);
    return { kind: 'sitemap-index', title: null, items: [], sitemaps };
  }
  return null;
}

/** A plain list of URLs, one a line; blank lines and lines starting with # are left out. */
function readUrlList(text: string, base: string): ReadFeed {
  const items: FeedItem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const url = pageUrl(t, base);
    if (!url || !/^https?:\/\//i.test(t)) throw new FeedError(base, `line ${i + 1}: not an http(s) URL: ${t.slice(0, 80)}`);
    items.push({ url, title: null, summary: null, categories: [], published: null });
  });
  return { kind: 'urls', title: null, items, sitemaps: [] };
}

/** RSS, Atom, RDF or JSON Feed through feedsmith, as items. */
function readSyndication(text: string, base: string): ReadFeed {
  const parsed = parseFeed(text);
  const items: FeedItem[] = [];
  const push = (link: string | null | undefined, item: Omit<FeedItem, 'url'>) => {
    const url = pageUrl(link, base);
    if (url) items.push({ url, ...item });
  };
  switch (parsed.format) {
    case 'rss':
      for (const it of parsed.feed.items ?? []) {
        const guid = it.guid?.isPermaLink !== false ? it.guid?.value : undefined;
        push(it.link ?? guid, {
          title: first(it.title), summary: plain(first(it.description, it.content?.encoded)), categories: (it.categories ?? []).map((c) => c.name).filter((c): c is string => !!c),
          published: first(it.pubDate, it.dc?.dates?.[0]),
        });
      }
      return { kind: 'rss', title: first(parsed.feed.title), items, sitemaps: [] };
    case 'atom':
      for (const e of parsed.feed.entries ?? []) {
        const link = (e.links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href ?? e.links?.[0]?.href;
        push(link, {
          title: plain(e.title?.value), summary: plain(first(e.summary?.value, e.content?.value)), categories: (e.categories ?? []).map((c) => c.label ?? c.term).filter(Boolean) as string[],
          published: first(e.published, e.updated),
        });
      }
      return { kind: 'atom', title: plain(parsed.feed.title?.value), items, sitemaps: [] };
    case 'rdf':
      for (const it of parsed.feed.items ?? []) {
        push(it.link, { title: first(it.title), summary: plain(it.description), categories: [], published: first(it.dc?.dates?.[0]) });
      }
      return { kind: 'rdf', title: first(parsed.feed.title), items, sitemaps: [] };
    case 'json':
      for (const it of parsed.feed.items ?? []) {
        push(it.url ?? it.external_url, {
          title: first(it.title), summary: first(it.summary, it.content_text, plain(it.content_html)), categories: it.tags ?? [],
          published: first(it.date_published, it.date_modified),
        });
      }
      return { kind: 'json', title: first(parsed.feed.title), items, sitemaps: [] };
  }
}

/**
 * The items of a feed's content, fetched from `url` (relative links resolve against it). `kind` from the watch list, or
 * `auto`: XML is a sitemap or a syndication feed, JSON a JSON Feed, anything else a list of URLs.
 */
export function readFeed(body: string, url: string, kind: FeedKind = 'auto'): ReadFeed {
  const text = body.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new FeedError(url, 'empty: no feed in the answer');
  const shape = kind === 'auto' ? sniff(text) : kind === 'urls' ? 'urls' : kind === 'json' ? 'json' : 'xml';
  if (shape === 'urls') return readUrlList(text, url);
  if (shape === 'xml') {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new FeedError(url, `not well-formed XML: line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
    if (kind === 'auto' || kind === 'sitemap') {
      const sitemap = readSitemap(text, url);
      if (sitemap) return sitemap;
      if (kind === 'sitemap') throw new FeedError(url, 'not a sitemap: no <urlset> or <sitemapindex>');
    }
  }
  try {
    const feed = readSyndication(text, url);
    if (kind !== 'auto' && feed.kind !== kind && !(kind === 'rss' && feed.kind === 'rdf')) throw new FeedError(url, `a ${feed.kind} feed, not ${kind} as the watch list says`);
    return feed;
  } catch (err) {
    if (err instanceof FeedError) throw err;
    const why = (err as Error).message;
    throw new FeedError(url, shape === 'json' ? `not a JSON Feed (${why})` : `not an RSS, Atom or RDF feed or a sitemap (${why})`);
  }
}
