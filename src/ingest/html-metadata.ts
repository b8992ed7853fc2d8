// Reads a news page's metadata: title, publication date, canonical URL and outlet (Open Graph, meta tags, JSON-LD, <time>).

/** The small slice of the DOM these functions use (linkedom's documents provide it). */
export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface MetaDocument {
  querySelectorAll(selector: string): Iterable<MetaElement>;
  querySelector(selector: string): MetaElement | null;
}

export interface PageMetadata {
  title: string | null;
  /** The date as the page gives it, still to be normalised. */
  date: string | null;
  url: string | null;
  source: string | null;
}

const DATE_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.created',
  'parsely-pub-date', 'sailthru.date', 'article.published', 'og:published_time', 'release_date',
];

/** The content of <meta> tags by lower-case property, name or itemprop; the first one wins. */
function metaTags(doc: MetaDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta')) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Every object in the page's JSON-LD blocks, @graph and arrays flattened; unparsable blocks are skipped. */
function jsonLdObjects(doc: MetaDocument): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      out.push(v);
      if (v['@graph']) visit(v['@graph']);
    }
  };
  for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(el.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common on real pages; the other sources still count.
    }
  }
  return out;
}

/** The JSON-LD object describing the article: one typed as an article, else any with a publication date. */
function jsonLdArticle(objects: Json[]): Json | null {
  const types = (o: Json) => [o['@type']].flat().map(String);
  return objects.find((o) => types(o).some((t) => /Article|BlogPosting|Report/.test(t)))
    ?? objects.find((o) => str(o.datePublished) !== null)
    ?? null;
}

export function pageMetadata(doc: MetaDocument): PageMetadata {
  const meta = metaTags(doc);
  const ld = jsonLdArticle(jsonLdObjects(doc));
  const publisher = ld && isObject(ld.publisher) ? str(ld.publisher.name) : null;
  const time = doc.querySelector('time[pubdate][datetime]') ?? doc.querySelector('time[datetime]');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const titleTag = doc.querySelector('title')?.textContent?.trim() || null;
  return {
    title: meta.get('og:title') ?? meta.get('twitter:title') ?? str(ld?.headline) ?? titleTag,
    date: DATE_META.map((k) => meta.get(k)).find(Boolean) ?? str(ld?.datePublished) ?? str(ld?.dateCreated)
      ?? time?.getAttribute('datetime')?.trim() ?? null,
    url: canonical ?? meta.get('og:url') ?? str(ld?.url) ?? null,
    source: meta.get('og:site_name') ?? publisher ?? meta.get('application-name') ?? null,
  };
}
