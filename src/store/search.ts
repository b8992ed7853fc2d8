// Full-text search for the SQL store: the filters in portable SQL, the matching and marking in each engine's own (FTS5, tsvector).
import type { Db, Param } from './db.js';
import { MATCH_END, MATCH_START, parseQuery, toFts5, toWebsearch, unmark } from './search-query.js';
import type { ArticleHit, ArticleRow, ProposalHit, ProposalWithCount, QuoteHit, QuoteRow, SearchQuery, SearchResult } from './store.js';

type Row = Record<string, unknown>;

/** PostgreSQL reads this much of an article's text for matching and snippets (a tsvector holds at most 1 MB). */
export const PG_TEXT_CHARS = 100_000;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** One condition with its parameters, in the order they appear in its text. */
interface Cond { sql: string; params: Param[] }
const cond = (sql: string, ...params: Param[]): Cond => ({ sql, params });

/** The date conditions on a column holding YYYY-MM-DD (or a longer ISO date): inclusive at both ends; undated rows are left out. */
function dateConds(q: SearchQuery, from: string, to = from): Cond[] {
  const out: Cond[] = [];
  if (q.since) out.push(cond(`${from} >= ?`, q.since));
  if (q.until) out.push(cond(`SUBSTR(${to}, 1, 10) <= ?`, q.until));
  return out;
}

/** The stance a position stands at now, the analyst's latest correction over the machine's. */
const POSITION_STANCE = `COALESCE((SELECT c.stance FROM corrections c WHERE c.position_id = x.id ORDER BY c.created_at DESC, c.id DESC LIMIT 1), x.stance)`;

function proposalConds(q: SearchQuery): Cond[] {
  const out: Cond[] = [];
  if (q.actor) {
    out.push(cond(`(p.proposer = ? OR EXISTS (SELECT 1 FROM positions x WHERE x.proposal_id = p.id AND x.holder = ? AND x.observations > 0)
      OR EXISTS (SELECT 1 FROM observations o WHERE o.actor = ? AND o.proposal_id = p.id))`, q.actor, q.actor, q.actor));
  }
  if (q.stance) {
    out.push(q.actor
      ? cond(`EXISTS (SELECT 1 FROM positions x WHERE x.proposal_id = p.id AND x.holder = ? AND ${POSITION_STANCE} = ?)`, q.actor, q.stance)
      : cond(`EXISTS (SELECT 1 FROM positions x WHERE x.proposal_id = p.id AND ${POSITION_STANCE} = ?)`, q.stance));
  }
  if (q.body) out.push(cond('p.body = ?', q.body));
  out.push(...dateConds(q, 'p.last_seen', 'p.first_seen'));
  if (q.source) {
    out.push(cond(`EXISTS (SELECT 1 FROM proposal_mentions m JOIN articles a ON a.id = m.article_id WHERE m.proposal_id = p.id AND LOWER(a.source) = ?)`,
      q.source.toLowerCase()));
  }
  return out;
}

/** Conditions on an article (alias a), shared by article and quote hits. */
function articleConds(q: SearchQuery): Cond[] {
  const out: Cond[] = [cond('a.copy_of IS NULL')];
  if (q.body) {
    out.push(cond('EXISTS (SELECT 1 FROM proposal_mentions m JOIN proposals pb ON pb.id = m.proposal_id WHERE m.article_id = a.id AND pb.body = ?)', q.body));
  }
  out.push(...dateConds(q, 'a.date'));
  if (q.source) out.push(cond('LOWER(a.source) = ?', q.source.toLowerCase()));
  return out;
}

function articleOnlyConds(q: SearchQuery): Cond[] {
  const out = articleConds(q);
  if (q.actor && q.stance) {
    out.push(cond('EXISTS (SELECT 1 FROM observations o WHERE o.article_id = a.id AND (o.holder = ? OR o.actor = ?) AND o.stance = ?)', q.actor, q.actor, q.stance));
  } else if (q.actor) {
    out.push(cond(`(EXISTS (SELECT 1 FROM observations o WHERE o.article_id = a.id AND (o.holder = ? OR o.actor = ?))
      OR EXISTS (SELECT 1 FROM quotes s WHERE s.article_id = a.id AND s.speaker = ?) OR EXISTS (SELECT 1 FROM actor_roles r WHERE r.key = ? AND r.article_id = a.id))`,
    q.actor, q.actor, q.actor, q.actor));
  } else if (q.stance) {
    out.push(cond('EXISTS (SELECT 1 FROM observations o WHERE o.article_id = a.id AND o.stance = ?)', q.stance));
  }
  return out;
}

function quoteConds(q: SearchQuery): Cond[] {
  const out = articleConds(q);
  if (q.actor) out.push(cond('(t.speaker = ? OR EXISTS (SELECT 1 FROM actors s WHERE s.key = t.speaker AND s.represents = ?))', q.actor, q.actor));
  if (q.stance) out.push(cond('EXISTS (SELECT 1 FROM observations o WHERE o.article_id = t.article_id AND o.actor = t.speaker AND o.stance = ?)', q.stance));
  return out;
}

const where = (conds: Cond[]) => ({ sql: conds.map((c) => c.sql).join(' AND '), params: conds.flatMap((c) => c.params) });

const toArticle = (r: Row, prefix = ''): ArticleRow => ({
  id: String(r[`${prefix}id`]), date: str(r[`${prefix}date`]), title: str(r[`${prefix}title`]), url: str(r[`${prefix}url`]),
  source: str(r[`${prefix}source`]), file: str(r[`${prefix}file`]), language: String(r[`${prefix}language`]), copyOf: str(r[`${prefix}copy_of`]),
});

const toProposal = (r: Row): ProposalWithCount => ({
  id: String(r.id), key: String(r.key), summary: String(r.summary), proposer: str(r.proposer), body: str(r.body),
  firstSeen: str(r.first_seen), lastSeen: str(r.last_seen), terms: [], articles: Number(r.articles),
});

const toQuote = (r: Row): QuoteRow => ({
  articleId: String(r.article_id), localId: String(r.local_id), kind: String(r.kind), text: String(r.text),
  speaker: str(r.speaker), start: Number(r.start_offset), end: Number(r.end_offset),
});

const ARTICLE_COLUMNS = (a: string, prefix = '') => ['id', 'date', 'title', 'url', 'source', 'file', 'language', 'copy_of'].map((c) => `${a}.${c} AS ${prefix}${c}`).join(', ');

/**
 * How one engine finds and marks: `from` joins the kind's table (alias p, t or a) to its index and `match` filters it
 * (its parameters first, then the filters'), `rank` orders best first; `marked` reads the marked texts of given rows.
 */
interface Engine {
  from(kind: 'proposals' | 'quotes' | 'articles'): { sql: string; params: Param[]; match: Cond; rank: string };
  /** The marked columns of the rows with these ids (rowids on SQLite, keys on PostgreSQL). */
  marked(kind: 'proposals' | 'quotes' | 'articles', keys: Param[][]): Promise<Map<string, Row>>;
}

function sqliteEngine(db: Db, fts: string): Engine {
  const S = MATCH_START;
  const E = MATCH_END;
  const table = { proposals: ['proposals p', 'search_proposals', 'p'], quotes: ['quotes t JOIN articles a ON a.id = t.article_id', 'search_quotes', 't'], articles: ['articles a', 'search_articles', 'a'] } as const;
  return {
    from(kind) {
      const [base, index, alias] = table[kind];
      const [first, ...rest] = base.split(' JOIN ');
      return { sql: [`${index} JOIN ${first} ON ${alias}.rowid = ${index}.rowid`, ...rest].join(' JOIN '), params: [], match: cond(`${index} MATCH ?`, fts), rank: `bm25(${index})` };
    },
    async marked(kind, keys) {
      if (!keys.length) return new Map();
      const rowids = keys.map((k) => k[0]);
      const index = table[kind][1];
      const columns = kind === 'articles'
        ? `highlight(${index}, 0, ?, ?) AS title, snippet(${index}, 1, ?, ?, '…', 40) AS snippet`
        : `highlight(${index}, 0, ?, ?) AS text`;
      const params = kind === 'articles' ? [S, E, S, E] : [S, E];
      const rows = await db.all(`SELECT rowid AS k, ${columns} FROM ${index} WHERE ${index} MATCH ? AND rowid IN (${marks(rowids.length)})`, [...params, fts, ...rowids]);
      return new Map(rows.map((r) => [String(r.k), r]));
    },
  };
}

function postgresEngine(db: Db, web: string): Engine {
  const text = `LEFT(a.text, ${PG_TEXT_CHARS})`;
  const vector = { proposals: "to_tsvector('english', p.summary)", quotes: "to_tsvector('english', t.text)", articles: 'a.search_vector' };
  const base = { proposals: 'proposals p', quotes: 'quotes t JOIN articles a ON a.id = t.article_id', articles: 'articles a' };
  const opts = (extra: string) => `StartSel=${MATCH_START}, StopSel=${MATCH_END}, ${extra}`;
  return {
    from(kind) {
      return { sql: `${base[kind]}, websearch_to_tsquery('english', ?) wq`, params: [web], match: cond(`${vector[kind]} @@ wq`), rank: `-ts_rank(${vector[kind]}, wq)` };
    },
    async marked(kind, keys) {
      if (!keys.length) return new Map();
      const all = opts('HighlightAll=true');
      if (kind === 'proposals') {
        const rows = await db.all(`SELECT p.id AS k, ts_headline('english', p.summary, wq, ?) AS text FROM proposals p, websearch_to_tsquery('english', ?) wq
          WHERE p.id IN (${marks(keys.length)})`, [all, web, ...keys.map((k) => k[0])]);
        return new Map(rows.map((r) => [String(r.k), r]));
      }
      if (kind === 'quotes') {
        const rows = await db.all(`SELECT t.article_id || ' ' || t.local_id AS k, ts_headline('english', t.text, wq, ?) AS text
          FROM quotes t, websearch_to_tsquery('english', ?) wq WHERE (t.article_id, t.local_id) IN (${keys.map(() => '(?, ?)').join(', ')})`, [all, web, ...keys.flat()]);
        return new Map(rows.map((r) => [String(r.k), r]));
      }
      const rows = await db.all(`SELECT a.id AS k, ts_headline('english', COALESCE(a.title, ''), wq, ?) AS title,
          ts_headline('english', ${text}, wq, ?) AS snippet FROM articles a, websearch_to_tsquery('english', ?) wq WHERE a.id IN (${marks(keys.length)})`,
      [all, opts('MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'), web, ...keys.map((k) => k[0])]);
      return new Map(rows.map((r) => [String(r.k), r]));
    },
  };
}

/** The best `limit` rows of a kind (one more, to tell whether there are more). */
async function best(db: Db, engine: Engine, kind: 'proposals' | 'quotes' | 'articles', columns: string, conds: Cond[], order: string, limit: number): Promise<Row[]> {
  const from = engine.from(kind);
  const w = where([from.match, ...conds]);
  return db.all(`SELECT ${columns} FROM ${from.sql} WHERE ${w.sql} ORDER BY ${from.rank}, ${order} LIMIT ?`, [...from.params, ...w.params, limit + 1]);
}

/** Runs a search on a migrated store (its search indexes in place). */
export async function searchStore(db: Db, q: SearchQuery): Promise<SearchResult> {
  const parts = parseQuery(q.q);
  const engine = db.dialect === 'sqlite' ? sqliteEngine(db, toFts5(parts)) : postgresEngine(db, toWebsearch(parts));
  const limit = q.limit ?? 20;
  const keyOf: ((r: Row) => Param[]) | null = db.dialect === 'sqlite' ? (r: Row) => [Number(r.rid)] : null;

  const rid = (alias: string) => (db.dialect === 'sqlite' ? `${alias}.rowid AS rid, ` : '');
  const pRows = await best(db, engine, 'proposals', `${rid('p')}p.id, p.key, p.summary, p.proposer, p.body, p.first_seen, p.last_seen, p.articles`,
    proposalConds(q), 'p.last_seen DESC, p.id', limit);
  const tRows = await best(db, engine, 'quotes', `${rid('t')}t.article_id, t.local_id, t.kind, t.text, t.speaker, t.start_offset, t.end_offset, ${ARTICLE_COLUMNS('a', 'a_')}`,
    quoteConds(q), 'a.date DESC, t.article_id, t.start_offset', limit);
  const aRows = await best(db, engine, 'articles', `${rid('a')}${ARTICLE_COLUMNS('a')}`, articleOnlyConds(q), 'a.date DESC, a.id', limit);
  const [pr, tr, ar] = [pRows.slice(0, limit), tRows.slice(0, limit), aRows.slice(0, limit)];

  const pKey = keyOf ?? ((r: Row): Param[] => [String(r.id)]);
  const tKey = keyOf ?? ((r: Row): Param[] => [String(r.article_id), String(r.local_id)]);
  const aKey = keyOf ?? ((r: Row): Param[] => [String(r.id)]);
  const [pm, tm, am] = [await engine.marked('proposals', pr.map(pKey)), await engine.marked('quotes', tr.map(tKey)), await engine.marked('articles', ar.map(aKey))];
  const look = (m: Map<string, Row>, key: Param[]) => m.get(key.map(String).join(' '));

  const proposals: ProposalHit[] = pr.map((r) => {
    const p = toProposal(r);
    const text = look(pm, pKey(r))?.text;
    return { proposal: p, summary: text === undefined ? { text: p.summary, matches: [] } : unmark(String(text)) };
  });
  const quotes: QuoteHit[] = tr.map((r) => {
    const quote = toQuote(r);
    const text = look(tm, tKey(r))?.text;
    return { quote, article: toArticle(r, 'a_'), text: text === undefined ? { text: quote.text, matches: [] } : unmark(String(text)) };
  });
  const articles: ArticleHit[] = ar.map((r) => {
    const article = toArticle(r);
    const m = look(am, aKey(r));
    const title = m?.title === undefined || m.title === null ? null : unmark(String(m.title));
    return { article, title: article.title === null ? null : title ?? { text: article.title, matches: [] }, snippet: unmark(String(m?.snippet ?? '')) };
  });
  return { proposals, quotes, articles, more: { proposals: pRows.length > limit, quotes: tRows.length > limit, articles: aRows.length > limit } };
}
