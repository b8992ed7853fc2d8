// The store's rows of one kind (proposals, stances, observations, quotes, mentions, actors, articles), page by page, as JSON Lines or CSV.
import { positionsOf, summarize } from './positions.js';
import type { ArticleRow, Page, PageKind, PageRows, Store } from '../store/store.js';

export const EXPORTS = ['proposals', 'stances', 'observations', 'quotes', 'mentions', 'actors', 'articles'] as const;
export type ExportWhat = (typeof EXPORTS)[number];

/** Rows read per page. */
export const PAGE = 500;

/** Every row of a kind of the store, page after page (keyset paging: none read twice or missed while others write). */
async function* pages<K extends PageKind>(store: Store, kind: K, size: number): AsyncGenerator<Array<PageRows[K]>> {
  for (let after: string | null = null; ;) {
    const page: Page<PageRows[K]> = await store.page(kind, after, size);
    if (page.rows.length) yield page.rows;
    if (page.next === null) return;
    after = page.next;
  }
}

/** Names looked up for the rows of a page, remembered across pages (up to a bound): proposals, actors and articles. */
class Names {
  private readonly proposals = new Map<string, string | null>();
  private readonly actors = new Map<string, string | null>();
  private readonly articles = new Map<string, ArticleRow | null>();
  constructor(private readonly store: Store) {}

  /** Looks up what a page needs and is not remembered yet. */
  async load(need: { proposals?: Array<string | null>; actors?: Array<string | null>; articles?: Array<string | null> }): Promise<void> {
    const fresh = <T>(map: Map<string, T>, keys: Array<string | null> = []) => {
      if (map.size > 20_000) map.clear(); // a bound on memory over a large store
      return [...new Set(keys.filter((k): k is string => !!k && !map.has(k)))];
    };
    for (const id of fresh(this.proposals, need.proposals)) this.proposals.set(id, (await this.store.proposal(id))?.summary ?? null);
    const actors = fresh(this.actors, need.actors);
    if (actors.length) {
      const found = new Map((await this.store.actors(actors)).map((a) => [a.key, a.name]));
      for (const k of actors) this.actors.set(k, found.get(k) ?? null);
    }
    const articles = fresh(this.articles, need.articles);
    if (articles.length) {
      const found = new Map((await this.store.articlesByIds(articles)).map((a) => [a.id, a]));
      for (const id of articles) this.articles.set(id, found.get(id) ?? null);
    }
  }

  proposal = (id: string | null) => (id ? this.proposals.get(id) ?? null : null);
  actor = (key: string | null) => (key ? this.actors.get(key) ?? null : null);
  /** The article's title, outlet, URL and date, as columns a spreadsheet shows beside the evidence. */
  article = (id: string | null) => {
    const a = id ? this.articles.get(id) ?? null : null;
    return { articleTitle: a?.title ?? null, outlet: a?.source ?? null, url: a?.url ?? null, articleDate: a?.date ?? null };
  };
}

/**
 * Every row of one kind, page by page, so a large store is never held in memory at once. Stances are read by pages of
 * proposals (a proposal's positions together); `pageSize` is for tests. Rows that name proposals, actors and articles by
 * id carry their names too (proposal name, holder and speaker names, article title, outlet, URL and date): a spreadsheet
 * of them reads without looking anything up.
 */
export async function* exportRows(store: Store, what: ExportWhat, options: { pageSize?: number } = {}): AsyncGenerator<Record<string, unknown>> {
  const size = options.pageSize ?? PAGE;
  const names = new Names(store);
  if (what === 'proposals' || what === 'stances') {
    for await (const page of pages(store, 'proposals', size)) {
      if (what === 'proposals') {
        const list = await summarize(store, page);
        await names.load({ actors: list.map((p) => p.proposer) });
        for (const p of list) yield { ...p, proposerName: names.actor(p.proposer), stances: p.stances.length };
      } else {
        const summaries = new Map(page.map((p) => [p.id, p.summary]));
        const list = await positionsOf(store, page.map((p) => p.id));
        await names.load({ articles: list.map((s) => s.article) });
        for (const s of list) {
          const { correction, ...rest } = s;
          yield { ...rest, proposalName: summaries.get(s.proposal) ?? null, note: correction?.note ?? null, ...names.article(s.article) };
        }
      }
    }
    return;
  }
  if (what === 'observations') {
    for await (const page of pages(store, 'observations', size)) {
      await names.load({ proposals: page.map((o) => o.proposalId), actors: page.flatMap((o) => [o.holder, o.actor]), articles: page.map((o) => o.articleId) });
      for (const o of page) {
        yield { ...o, proposalName: names.proposal(o.proposalId), holderName: names.actor(o.holder), actorName: names.actor(o.actor), ...names.article(o.articleId) };
      }
    }
    return;
  }
  if (what === 'quotes') {
    for await (const page of pages(store, 'quotes', size)) {
      await names.load({ actors: page.map((q) => q.speaker), articles: page.map((q) => q.articleId) });
      for (const q of page) yield { ...q, speakerName: names.actor(q.speaker), ...names.article(q.articleId) };
    }
    return;
  }
  if (what === 'mentions') {
    // Each place an article mentions a proposal: the span (UTF-16 offsets into the article's text) and its text.
    for await (const page of pages(store, 'mentions', size)) {
      await names.load({ proposals: page.map((m) => m.proposalId), articles: page.map((m) => m.articleId) });
      for (const m of page) {
        yield { proposalId: m.proposalId, articleId: m.articleId, start: m.start, end: m.end, text: m.text, proposalName: names.proposal(m.proposalId), articleTitle: names.article(m.articleId).articleTitle };
      }
    }
    return;
  }
  for await (const page of pages(store, what, size)) for (const row of page) yield { ...row };
}

/**
 * A CSV cell. A text a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) gets a
 * leading single quote and is quoted (OWASP's advice against CSV injection, CWE-1236); numbers are written as they are.
 */
export const csvCell = (v: unknown): string => {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows as lines of JSON Lines or CSV (header from the first row's fields; CSV records end with CRLF, as RFC 4180 has it). */
export async function* rowLines(rows: AsyncIterable<Record<string, unknown>>, format: 'jsonl' | 'csv'): AsyncGenerator<string> {
  let header: string[] | null = null;
  for await (const row of rows) {
    if (format === 'jsonl') { yield `${JSON.stringify(row)}\n`; continue; }
    if (!header) { header = Object.keys(row); yield `${header.map(csvCell).join(',')}\r\n`; }
    yield `${header.map((h) => csvCell(row[h])).join(',')}\r\n`;
  }
}

/** Writes rows as JSON Lines or CSV; `write` may return a promise, awaited before the next line (backpressure). Returns the rows written. */
export async function writeRows(rows: AsyncIterable<Record<string, unknown>>, format: 'jsonl' | 'csv', write: (s: string) => unknown): Promise<number> {
  let n = 0;
  let header = format === 'csv';
  for await (const line of rowLines(rows, format)) {
    await write(line);
    if (header) header = false;
    else n++;
  }
  return n;
}
