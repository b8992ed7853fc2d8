// For tests and the benchmark: a feed server on 127.0.0.1 whose feeds and pages a test sets and changes between polls, counting requests.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a path answers: a body (with an ETag and Last-Modified, and 304 to a request that has them), or a handler of its own. */
export type Resource =
  | { body: string; type?: string; status?: number; headers?: Record<string, string>; delayMs?: number; validators?: boolean }
  | ((req: http.IncomingMessage, res: http.ServerResponse) => void);

const LAST_MODIFIED = 'Mon, 03 Feb 2025 10:00:00 GMT';

export interface FeedServer {
  /** http://127.0.0.1:PORT */
  url: string;
  set(path: string, resource: Resource): void;
  remove(path: string): void;
  /** Requests per path (query strings included), and all of them in order. */
  hits(path: string): number;
  /** Each answered request: its path, status, User-Agent and when it came (ms since the epoch). */
  log: Array<{ path: string; status: number; userAgent: string | undefined; at: number }>;
  /** The most requests the server was answering at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/** An HTML page for an article, as a news site would serve it. */
export function htmlPage(a: { title: string; date: string; text: string; source?: string }): string {
  const paragraphs = a.text.split(/\n\n+/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  return `<!doctype html><html><head><title>${a.title}</title><meta property="og:title" content="${a.title}">
<meta property="article:published_time" content="${a.date}T09:00:00Z"><meta property="og:site_name" content="${a.source ?? 'The Test Courier'}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${a.title}</h1>${paragraphs}</article><footer>© The Test Courier</footer></body></html>`;
}

/** An RSS 2.0 feed of items. */
export function rssFeed(title: string, items: Array<{ title: string; link: string; description?: string; pubDate?: string }>): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${esc(title)}</title><link>http://127.0.0.1/</link><description>${esc(title)}</description>
${items.map((i) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.description ? `<description>${esc(i.description)}</description>` : ''}${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}</item>`).join('\n')}
</channel></rss>`;
}

export async function startFeedServer(): Promise<FeedServer> {
  const resources = new Map<string, Resource>();
  const counts = new Map<string, number>();
  const log: FeedServer['log'] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const at = Date.now();
    counts.set(path, (counts.get(path) ?? 0) + 1);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    res.on('close', () => { inFlight--; log.push({ path, status: res.statusCode, userAgent: req.headers['user-agent'], at }); });
    const r = resources.get(path) ?? resources.get(path.split('?')[0]);
    if (!r) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    if (typeof r === 'function') { r(req, res); return; }
    const answer = () => {
      const etag = `"${createHash('sha256').update(r.body).digest('hex').slice(0, 16)}"`;
      const validators = r.validators !== false && (r.status ?? 200) === 200;
      if (validators && (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === LAST_MODIFIED))) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(r.status ?? 200, { 'content-type': r.type ?? 'text/html; charset=utf-8', ...(validators ? { etag, 'last-modified': LAST_MODIFIED } : {}), ...r.headers }).end(r.body);
    };
    if (r.delayMs) setTimeout(answer, r.delayMs); else answer();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    set: (path, resource) => { resources.set(path, resource); },
    remove: (path) => { resources.delete(path); },
    hits: (path) => counts.get(path) ?? 0,
    log,
    maxInFlight: () => maxInFlight,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const COUNTRIES = ['Norway', 'Portugal', 'Chile', 'Kenya', 'Japan', 'Canada', 'Austria', 'Ghana', 'Peru', 'Finland', 'Greece', 'Mexico'];
const PEOPLE = ['Anna Lindqvist', 'Marek Carvalho', 'Ines Moreau', 'Tomas Okafor', 'Lena Tanaka', 'Oskar Brennan', 'Maria Huber', 'Pavel Mensah'];
const THINGS = ['a joint naval patrol', 'a fisheries treaty', 'a ban on cluster munitions', 'a regional climate fund', 'a ceasefire monitoring mission', 'a shared border database'];
const WORDS = 'harbour grain river valley council budget weather railway school harvest bridge tunnel market festival copper cable satellite orchard museum lighthouse vineyard glacier ferry canal'.split(' ');

/** An invented news report, different for each `i` (no two are near-duplicates): a country proposes something, a minister of another is not ready. */
export function newsArticle(i: number): { title: string; date: string; text: string } {
  let s = (i * 7919 + 17) >>> 0 || 1;
  const r = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const a = Math.floor(r() * COUNTRIES.length);
  const b = (a + 1 + Math.floor(r() * (COUNTRIES.length - 1))) % COUNTRIES.length;
  const thing = pick(THINGS);
  const person = pick(PEOPLE);
  const filler = Array.from({ length: 50 }, () => pick(WORDS)).join(' ');
  return {
    title: `${COUNTRIES[a]} proposes ${thing} (report ${i})`,
    date: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    text: `${COUNTRIES[a]} proposed ${thing} on Tuesday, and the foreign minister of ${COUNTRIES[b]}, ${person}, said the proposal was premature.\n\n`
      + `"We are not ready to support this," ${person} told reporters in report ${i}. Officials said talks would continue.\n\nLocal reports mentioned ${filler}.`,
  };
}
