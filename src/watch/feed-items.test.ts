import { describe, expect, it } from 'vitest';
import { FeedError, pageUrl, readFeed } from './feed-items.js';
import { topicFilter } from './topic-filter.js';

const BASE = 'https://news.example/feeds/world.xml';

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>World</title><link>https://news.example/</link>
<item><title>Ministers &amp; the grain corridor</title><link>/2025/grain.html#top</link><description>&lt;p&gt;Norway backed it.&lt;/p&gt;</description><category>Diplomacy</category><pubDate>Mon, 03 Feb 2025 10:00:00 GMT</pubDate></item>
<item><title>No link, a permalink guid</title><guid>https://news.example/2025/guid.html</guid></item>
<item><title>A guid that is no link</title><guid isPermaLink="false">tag:news.example,2025:1</guid></item>
<item><title>Not http</title><link>mailto:desk@news.example</link></item>
</channel></rss>`;

const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:x</id><updated>2025-02-03T00:00:00Z</updated>
<entry><title>Patrol</title><id>urn:e1</id><link rel="self" href="https://news.example/api/e1"/><link rel="alternate" href="https://news.example/patrol"/>
<updated>2025-02-03T00:00:00Z</updated><published>2025-02-02T00:00:00Z</published><summary type="html">&lt;b&gt;Denmark&lt;/b&gt; proposed a patrol</summary><category term="nato"/></entry></feed>`;

const jsonFeed = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Briefs', items: [
  { id: '1', url: 'https://news.example/b1', title: 'Brief one', content_text: 'The embargo', date_published: '2025-02-04T08:00:00Z', tags: ['sanctions'] },
  { id: '2', title: 'No URL' },
] });

const newsSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/s1</loc><news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2025-02-05T09:00:00Z</news:publication_date><news:title>Talks on the peace mission</news:title></news:news></url>
<url><loc>https://news.example/s2</loc><lastmod>2025-02-06</lastmod></url></urlset>`;

describe('reading feeds', () => {
  it('reads RSS 2.0 items: links resolved, fragments dropped, permalink guids taken, HTML summaries as text', () => {
    const feed = readFeed(rss, BASE);
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('World');
    expect(feed.items).toEqual([
      { url: 'https://news.example/2025/grain.html', title: 'Ministers & the grain corridor', summary: 'Norway backed it.', categories: ['Diplomacy'], published: 'Mon, 03 Feb 2025 10:00:00 GMT' },
      { url: 'https://news.example/2025/guid.html', title: 'No link, a permalink guid', summary: null, categories: [], published: null },
    ]);
  });

  it('reads Atom entries by their alternate link', () => {
    const feed = readFeed(atom, BASE);
    expect(feed.kind).toBe('atom');
    expect(feed.items).toEqual([{ url: 'https://news.example/patrol', title: 'Patrol', summary: 'Denmark proposed a patrol', categories: ['nato'], published: '2025-02-02T00:00:00Z' }]);
  });

  it('reads JSON Feed items that have a URL', () => {
    const feed = readFeed(jsonFeed, BASE);
    expect(feed.kind).toBe('json');
    expect(feed.items.map((i) => [i.url, i.summary, i.categories])).toEqual([['https://news.example/b1', 'The embargo', ['sanctions']]]);
  });

  it('reads sitemaps, news sitemaps and sitemap indexes', () => {
    const feed = readFeed(newsSitemap, BASE);
    expect(feed.kind).toBe('sitemap');
    expect(feed.items).toEqual([
      { url: 'https://news.example/s1', title: 'Talks on the peace mission', summary: null, categories: [], published: '2025-02-05T09:00:00Z' },
      { url: 'https://news.example/s2', title: null, summary: null, categories: [], published: '2025-02-06' },
    ]);
    const index = readFeed('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/news-1.xml</loc></sitemap><sitemap><loc>https://news.example/news-2.xml</loc></sitemap></sitemapindex>', BASE);
    expect(index).toMatchObject({ kind: 'sitemap-index', items: [], sitemaps: ['https://news.example/news-1.xml', 'https://news.example/news-2.xml'] });
  });

  it('reads plain URL lists, and names the line that is no URL', () => {
    expect(readFeed('# today\nhttps://news.example/a\n\nhttp://news.example/b#x\n', BASE).items.map((i) => i.url)).toEqual(['https://news.example/a', 'http://news.example/b']);
    expect(() => readFeed('https://news.example/a\nnews.example/b\n', BASE)).toThrow(`${BASE}: line 2: not an http(s) URL: news.example/b`);
  });

  it('says what is wrong with a malformed feed, naming it (and the line for XML)', () => {
    expect(() => readFeed('<rss><channel><item><title>cut off', BASE)).toThrow(FeedError);
    expect(() => readFeed('<rss version="2.0">\n<channel>\n<item><title>x</titel></item></channel></rss>', BASE)).toThrow(/^https:\/\/news\.example\/feeds\/world\.xml: not well-formed XML: line 3, column \d+/);
    expect(() => readFeed('<html><body>Not a feed</body></html>', BASE)).toThrow(`${BASE}: not an RSS, Atom or RDF feed or a sitemap`);
    expect(() => readFeed('{"items": 3}', BASE)).toThrow(`${BASE}: not a JSON Feed`);
    expect(() => readFeed('  ', BASE)).toThrow(`${BASE}: empty: no feed in the answer`);
    expect(() => readFeed(rss, BASE, 'sitemap')).toThrow(`${BASE}: not a sitemap`);
    expect(() => readFeed(atom, BASE, 'rss')).toThrow(`${BASE}: a atom feed, not rss`);
  });

  it('keeps only http(s) page URLs', () => {
    expect(pageUrl('javascript:alert(1)', BASE)).toBeNull();
    expect(pageUrl('../x?y=1#z', BASE)).toBe('https://news.example/x?y=1');
    expect(pageUrl('/a?utm_source=rss&id=7&UTM_medium=feed', BASE)).toBe('https://news.example/a?id=7');
    expect(pageUrl('/a?utm_source=rss', BASE)).toBe('https://news.example/a');
  });
});

describe('topic filters', () => {
  it('matches whole words and phrases in any case; no keywords match everything', () => {
    const f = topicFilter(['NATO', 'arms embargo', 'C++']);
    expect(f('Talks at nato headquarters')).toBe(true);
    expect(f('The ARMS\nembargo on the junta')).toBe(true);
    expect(f('a senator spoke')).toBe(false); // "nato" inside a word
    expect(f('arms embargoes')).toBe(false);
    expect(f('written in C++ today')).toBe(true);
    expect(topicFilter([])('anything')).toBe(true);
  });
});
