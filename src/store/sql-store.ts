// The store implemented once in portable SQL over a driver (SQLite or PostgreSQL).
import type { KnownPerson } from '../analyze/knowledge.js';
import type { AnalysisRecord, StanceLabel } from '../analyze/record.js';
import type { Db, Param } from './db.js';
import { checkPositions, checkProposalCounts } from './integrity.js';
import { nulPath, shown } from './nul-check.js';
import { foldIntoPositions } from './position-rows.js';
import { recordColumn, wholeRecord } from './record-column.js';
import { insertDecisions, toDecision } from './decision-rows.js';
import type {
  ActorRow, ArticleRef, ArticleRow, ArticleWrite, Correction, Counts, DecisionRow, EditRow, NewEdit, NumberedObservation, ObservationPoint, ObservationRow, Page, PageKind, PageRows, PositionRow, ProposalRow,
  ProposalMentionRow, ProposalQuery, ProposalWithCount, PutStatus, QuoteRow, RoleRow, SearchQuery, SearchResult, Store, StoredArticle, WatchState,
} from './store.js';
import { StoreError } from './store.js';
import { groupBy } from './group-by.js';
import { insertEdit, readEdits, undoEditRow, writeEdit } from './edit-rows.js';
import { searchStore } from './search.js';
import { SqlWatchState } from './watch-rows.js';

/** How many known proposals, those sharing most terms first, a new one is compared with. */
const CANDIDATES = 50;

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

type Row = Record<string, unknown>;

/** `LIKE ? ESCAPE '\'` matching rows that contain `text` as it is: its `%` and `_` are not wildcards. */
export const containsPattern = (text: string): string => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
const LIKE = "LIKE ? ESCAPE '\\'";

/** ` LIMIT ?` and its parameter when a limit is given: without one, every row. */
const limitClause = (limit: number | undefined, params: Param[]): string => {
  if (limit === undefined) return '';
  params.push(limit);
  return ' LIMIT ?';
};

const toRef = (r: Row): ArticleRef => ({
  id: String(r.id), contentHash: String(r.content_hash), date: str(r.date), signature: String(r.signature), copyOf: str(r.copy_of),
});

const PROPOSAL_COLUMNS = `p.id, p.key, p.summary, p.proposer, p.body, p.first_seen, p.last_seen`;

const toProposal = (r: Row, terms: string[] = []): ProposalRow => ({
  id: String(r.id), key: String(r.key), summary: String(r.summary), proposer: str(r.proposer), body: str(r.body),
  firstSeen: str(r.first_seen), lastSeen: str(r.last_seen), terms,
});

const toObservation = (r: Row): ObservationRow => ({
  proposalId: String(r.proposal_id), holder: String(r.holder), actor: String(r.actor), stance: r.stance as StanceLabel,
  condition: str(r.condition), confidence: Number(r.confidence), date: str(r.date), articleId: String(r.article_id),
  evidence: String(r.evidence), evidenceStart: Number(r.evidence_start), evidenceEnd: Number(r.evidence_end), quote: str(r.quote),
});

const toPosition = (r: Row): PositionRow => ({
  id: Number(r.id), proposalId: String(r.proposal_id), holder: String(r.holder),
  current: Number(r.observations) > 0 ? {
    stance: r.stance as StanceLabel, confidence: Number(r.confidence), date: str(r.date), condition: str(r.condition),
    observations: Number(r.observations), evidence: String(r.evidence), quote: str(r.quote), articleId: String(r.article_id),
  } : null,
});

/** An article's observations less those repeating the unique key (article, proposal, holder, evidence start): the rows stored. */
function distinctObservations(list: ObservationRow[]): ObservationRow[] {
  const out = new Map<string, ObservationRow>();
  for (const o of list) {
    const k = `${o.articleId}\u0000${o.proposalId}\u0000${o.holder}\u0000${o.evidenceStart}`;
    if (!out.has(k)) out.set(k, o);
  }
  return [...out.values()];
}

const toCorrection = (r: Row): Correction => ({
  id: Number(r.id), stanceId: Number(r.position_id), proposalId: String(r.proposal_id), holder: String(r.holder),
  stance: r.stance as StanceLabel, note: str(r.note), author: String(r.author), createdAt: String(r.created_at),
});

const toArticle = (r: Row): ArticleRow => ({
  id: String(r.id), date: str(r.date), title: str(r.title), url: str(r.url), source: str(r.source), file: str(r.file),
  language: String(r.language), copyOf: str(r.copy_of),
});

const toQuote = (r: Row): QuoteRow => ({
  articleId: String(r.article_id), localId: String(r.local_id), kind: String(r.kind), text: String(r.text),
  speaker: str(r.speaker), start: Number(r.start_offset), end: Number(r.end_offset),
});

const toMention = (r: Row): ProposalMentionRow => ({
  proposalId: String(r.proposal_id), articleId: String(r.article_id), localId: String(r.local_id), summary: String(r.summary),
  text: String(r.text), start: Number(r.start_offset), end: Number(r.end_offset),
});

const toActor = (r: Row, aliases: string[]): ActorRow => ({
  key: String(r.key), kind: String(r.kind), name: String(r.name), role: str(r.role), country: str(r.country),
  organization: str(r.organization), represents: str(r.represents), aliases,
});

/** Inserts rows in statements of many VALUES tuples (few round trips), with an ON CONFLICT clause. */
async function insertMany(db: Db, table: string, columns: string[], rows: Param[][], conflict = 'ON CONFLICT DO NOTHING'): Promise<void> {
  const per = Math.max(1, Math.floor(900 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const tuple = `(${marks(columns.length)})`;
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${conflict}`, chunk.flat());
  }
}

/** `IN (?, ?, …)` clause for a list; an empty list matches nothing. */
const inList = (column: string, values: Param[]) => (values.length ? `${column} IN (${marks(values.length)})` : '1 = 0');

/** True for a unique-key violation on the articles table (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_*). */
export function isUniqueViolationOnArticles(err: unknown): boolean {
  const e = err as { code?: string; table?: string; constraint?: string; message?: string };
  if (e?.code === '23505') return e.table === 'articles' || /^articles_/.test(e.constraint ?? '');
  if (e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE') return /\barticles\.(id|content_hash)\b/.test(e.message ?? '');
  return false;
}

export class SqlStore implements Store {
  readonly watch: WatchState;

  constructor(private readonly db: Db) {
    this.watch = new SqlWatchState(db);
  }

  /** A column ordered by its bytes (PostgreSQL's default collation orders text by language rules; SQLite by bytes). */
  private bytes(column: string): string { return this.db.dialect === 'postgres' ? `${column} COLLATE "C"` : column; }

  get dialect() { return this.db.dialect; }

  async findArticle(idOrHash: string): Promise<ArticleRef | null> {
    const rows = await this.db.all('SELECT id, content_hash, date, signature, copy_of FROM articles WHERE id = ? OR content_hash = ? LIMIT 1', [idOrHash, idOrHash]);
    return rows.length ? toRef(rows[0]) : null;
  }

  async articlesWithBands(bands: string[]): Promise<ArticleRef[]> {
    if (!bands.length) return [];
    const rows = await this.db.all(
      `SELECT a.id, a.content_hash, a.date, a.signature, a.copy_of FROM articles a WHERE a.id IN
        (SELECT DISTINCT article_id FROM article_bands WHERE ${inList('band', bands)}) ORDER BY ${this.bytes('a.id')} LIMIT 200`, bands);
    return rows.map(toRef);
  }

  async proposalsWithTerms(terms: string[], seenSince: string | null = null): Promise<ProposalRow[]> {
    if (!terms.length) return [];
    const since = seenSince === null ? '' : 'AND (p.last_seen IS NULL OR p.last_seen >= ?)';
    const rows = await this.db.all(
      `SELECT ${PROPOSAL_COLUMNS} FROM proposals p JOIN
        (SELECT proposal_id, COUNT(*) AS shared FROM proposal_terms WHERE ${inList('term', terms)} GROUP BY proposal_id) t
        ON t.proposal_id = p.id WHERE 1 = 1 ${since}
        ORDER BY t.shared DESC, (p.last_seen IS NULL), p.last_seen DESC, ${this.bytes('p.id')} LIMIT ${CANDIDATES}`,
      seenSince === null ? terms : [...terms, seenSince]);
    if (!rows.length) return [];
    const ids = rows.map((r) => String(r.id));
    const termRows = await this.db.all<{ proposal_id: string; term: string }>(
      `SELECT proposal_id, term FROM proposal_terms WHERE ${inList('proposal_id', ids)}`, ids);
    const byId = groupBy(termRows, (t) => t.proposal_id);
    return rows.map((r) => toProposal(r, (byId.get(String(r.id)) ?? []).map((t) => t.term)));
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> { return this.db.exclusive(fn); }

  batch<T>(fn: () => Promise<T>): Promise<T> { return this.db.batch(fn); }

  async writeArticle(w: ArticleWrite): Promise<PutStatus> {
    try {
      // In a group of its own unless in one already: on PostgreSQL the group holds the writer lock, which numbering the
      // write (actors.seq) needs.
      return await this.db.batch(() => this.writeArticleOnce(w));
    } catch (err) {
      // Another writer stored the same article (id or content) between our check and our insert: it is known.
      if (isUniqueViolationOnArticles(err)) return 'known';
      throw err;
    }
  }

  private writeArticleOnce(w: ArticleWrite): Promise<PutStatus> {
    const a = w.record.article;
    const column = recordColumn(w.record);
    // Every string of a write comes from the article's text or its record: when neither holds a NUL (JSON writes one as
    // \u0000), the write holds none, and the walk that names where one is is not needed.
    const nul = a.text.includes('\u0000') || column.includes('\\u0000') ? nulPath(w, '') : null;
    if (nul) throw new StoreError('bad-input', `article ${shown(String(a.id))}: ${nul} holds a NUL character (U+0000), which the store does not keep`);
    return this.db.transaction(async (tx) => {
      const exists = await tx.all('SELECT id FROM articles WHERE id = ? OR content_hash = ?', [a.id, w.contentHash]);
      if (exists.length) return 'known';
      await tx.run(
        `INSERT INTO articles (id, content_hash, date, title, url, source, file, language, text, record, signature, copy_of, ingested_at)
         VALUES (${marks(13)})`,
        [a.id, w.contentHash, a.date, a.title, a.url, a.source, a.file, a.language, a.text, column, w.signature, w.copyOf, new Date().toISOString()]);
      await insertMany(tx, 'article_bands', ['band', 'article_id'], w.bands.map((b) => [b, a.id]));
      await insertMany(tx, 'quotes', ['article_id', 'local_id', 'kind', 'text', 'speaker', 'start_offset', 'end_offset'],
        w.quotes.map((q) => [q.articleId, q.localId, q.kind, q.text, q.speaker, q.start, q.end]));
      // One row per actor key: a record may name the same key twice only by mistake, and upserts must not touch a row twice.
      const actors = [...new Map(w.actors.map((x) => [x.key, x])).values()];
      // Every actor row this write touches gets the write's number (under the writer lock), so that readers of the
      // people learn what changed since they last looked (peopleSince).
      const seq = actors.length ? Number((await tx.all<{ s: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM actors'))[0].s) : 0;
      await insertMany(tx, 'actors', ['key', 'kind', 'name', 'role', 'country', 'organization', 'represents', 'seq'],
        actors.map((x) => [x.key, x.kind, x.name, x.role, x.country, x.organization, x.represents, seq]),
        `ON CONFLICT (key) DO UPDATE SET seq = excluded.seq,
           name = CASE WHEN LENGTH(excluded.name) > LENGTH(actors.name) THEN excluded.name ELSE actors.name END,
           role = COALESCE(excluded.role, actors.role), country = COALESCE(excluded.country, actors.country),
           organization = COALESCE(excluded.organization, actors.organization),
           represents = COALESCE(excluded.represents, actors.represents)`);
      await insertMany(tx, 'actor_aliases', ['alias', 'key'], actors.flatMap((x) => [...new Set(x.aliases.map((al) => al.toLowerCase()))].map((al) => [al, x.key])));
      await insertMany(tx, 'actor_roles', ['key', 'article_id', 'role', 'represents', 'date'],
        actors.filter((x) => x.kind === 'person' && (x.role || x.represents)).map((x) => [x.key, a.id, x.role, x.represents, a.date]));
      await insertMany(tx, 'proposals', ['id', 'key', 'summary', 'proposer', 'body', 'first_seen', 'last_seen'],
        w.proposals.map((p) => [p.id, p.key, p.summary, p.proposer, p.body, p.firstSeen, p.lastSeen]),
        `ON CONFLICT (id) DO UPDATE SET summary = excluded.summary,
           proposer = COALESCE(proposals.proposer, excluded.proposer), body = COALESCE(proposals.body, excluded.body),
           first_seen = CASE WHEN proposals.first_seen IS NULL OR excluded.first_seen < proposals.first_seen THEN excluded.first_seen ELSE proposals.first_seen END,
           last_seen = CASE WHEN proposals.last_seen IS NULL OR excluded.last_seen > proposals.last_seen THEN excluded.last_seen ELSE proposals.last_seen END`);
      await insertMany(tx, 'proposal_terms', ['term', 'proposal_id'], w.proposals.flatMap((p) => [...new Set(p.terms)].map((t) => [t, p.id])));
      await insertMany(tx, 'proposal_mentions', ['article_id', 'local_id', 'proposal_id', 'summary', 'text', 'start_offset', 'end_offset'],
        w.mentions.map((m) => [m.articleId, m.localId, m.proposalId, m.summary, m.text, m.start, m.end]));
      await insertDecisions(tx, w.decisions);
      const observations = distinctObservations(w.observations);
      await this.insertPositions(tx, [...new Map(observations.map((o) => [`${o.proposalId}|${o.holder}`, [o.proposalId, o.holder] as const])).values()]);
      await insertMany(tx, 'observations',
        ['proposal_id', 'holder', 'actor', 'stance', 'condition', 'confidence', 'date', 'article_id', 'evidence', 'evidence_start', 'evidence_end', 'quote'],
        observations.map((o) => [o.proposalId, o.holder, o.actor, o.stance, o.condition, o.confidence, o.date, o.articleId, o.evidence, o.evidenceStart, o.evidenceEnd, o.quote]));
      if (w.copyOf) return 'copy'; // a copy's rows are kept, but it adds to no position and no count
      await foldIntoPositions(tx, observations);
      const mentioned = [...new Set(w.mentions.map((m) => m.proposalId))].sort();
      if (mentioned.length) await tx.run(`UPDATE proposals SET articles = articles + 1 WHERE ${inList('id', mentioned)}`, mentioned);
      return 'new';
    });
  }

  /**
   * Adds the positions (proposal, holder) not stored yet, numbered after the last one, under the writer lock: a STANCE_ID
   * then depends only on the articles written before (PostgreSQL's identity sequences are not rolled back with the
   * transactions that used them, so an interrupted batch, run again, would number its positions otherwise).
   */
  private async insertPositions(tx: Db, pairs: ReadonlyArray<readonly [string, string]>): Promise<void> {
    if (!pairs.length) return;
    const proposals = [...new Set(pairs.map(([p]) => p))];
    const have = new Set((await tx.all<{ proposal_id: string; holder: string }>(
      `SELECT proposal_id, holder FROM positions WHERE ${inList('proposal_id', proposals)}`, proposals)).map((r) => `${r.proposal_id}|${r.holder}`));
    const fresh = pairs.filter(([p, h]) => !have.has(`${p}|${h}`));
    if (!fresh.length) return;
    const last = Number((await tx.all<{ m: number }>('SELECT COALESCE(MAX(id), 0) AS m FROM positions'))[0].m);
    const overriding = this.db.dialect === 'postgres' ? 'OVERRIDING SYSTEM VALUE' : '';
    for (let i = 0; i < fresh.length; i += 300) {
      const chunk = fresh.slice(i, i + 300);
      await tx.run(`INSERT INTO positions (id, proposal_id, holder) ${overriding} VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
        chunk.flatMap(([p, h], k) => [last + i + k + 1, p, h]));
    }
  }

  async peopleSince(after: number): Promise<{ people: KnownPerson[]; seq: number }> {
    const rows = await this.db.all(
      `SELECT key, kind, name, role, country, organization, represents, seq FROM actors WHERE kind = 'person' AND seq > ? ORDER BY seq, ${this.bytes('key')}`, [after]);
    const aliases = await this.aliasesOf(rows.map((r) => String(r.key)));
    const people = rows.map((r) => {
      const a = toActor(r, aliases.get(String(r.key)) ?? []);
      return { key: a.key, name: a.name, role: a.role, country: a.country, organization: a.organization, represents: a.represents, aliases: a.aliases };
    });
    return { people, seq: rows.reduce((m, r) => Math.max(m, Number(r.seq)), after) };
  }

  private async aliasesOf(keys: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const rows = await this.db.all<{ key: string; alias: string }>(`SELECT key, alias FROM actor_aliases WHERE ${inList('key', chunk)} ORDER BY ${this.bytes('alias')}`, chunk);
      for (const [key, group] of groupBy(rows, (r) => r.key)) out.set(key, (out.get(key) ?? []).concat(group.map((r) => r.alias)));
    }
    return out;
  }

  async actor(key: string): Promise<ActorRow | null> {
    const rows = await this.db.all('SELECT * FROM actors WHERE key = ?', [key]);
    if (!rows.length) return null;
    return toActor(rows[0], (await this.aliasesOf([key])).get(key) ?? []);
  }

  async roles(key: string): Promise<RoleRow[]> {
    const rows = await this.db.all('SELECT role, represents, date, article_id FROM actor_roles WHERE key = ? ORDER BY date, article_id', [key]);
    return rows.map((r) => ({ role: str(r.role), represents: str(r.represents), date: str(r.date), articleId: String(r.article_id) }));
  }

  async actors(keys?: string[]): Promise<ActorRow[]> {
    const rows = keys
      ? await this.db.all(`SELECT * FROM actors WHERE ${inList('key', keys)} ORDER BY key`, keys)
      : await this.db.all('SELECT * FROM actors ORDER BY key');
    const aliases = await this.aliasesOf(rows.map((r) => String(r.key)));
    return rows.map((r) => toActor(r, aliases.get(String(r.key)) ?? []));
  }

  async proposals(options: ProposalQuery = {}): Promise<ProposalWithCount[]> {
    const params: Param[] = [];
    const conds: string[] = [];
    if (options.q) {
      conds.push(`(LOWER(p.summary) ${LIKE} OR LOWER(p.key) ${LIKE})`);
      params.push(containsPattern(options.q), containsPattern(options.q));
    }
    if (options.body) { conds.push('p.body = ?'); params.push(options.body); }
    if (options.proposer) { conds.push('p.proposer = ?'); params.push(options.proposer); }
    const limit = limitClause(options.limit, params);
    params.push(options.offset ?? 0);
    const rows = await this.db.all(
      `SELECT ${PROPOSAL_COLUMNS}, p.articles FROM proposals p ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
       ORDER BY p.last_seen DESC, p.id${limit || (this.db.dialect === 'sqlite' ? ' LIMIT -1' : '')} OFFSET ?`, params);
    return rows.map((r) => ({ ...toProposal(r), articles: Number(r.articles) }));
  }

  async proposal(id: string): Promise<ProposalWithCount | null> {
    const rows = await this.db.all(`SELECT ${PROPOSAL_COLUMNS}, p.articles FROM proposals p WHERE p.id = ?`, [id]);
    return rows.length ? { ...toProposal(rows[0]), articles: Number(rows[0].articles) } : null;
  }

  async observations(filter: { proposalIds?: string[]; holder?: string; actor?: string }): Promise<ObservationRow[]> {
    const conds: string[] = ['a.copy_of IS NULL'];
    const params: Param[] = [];
    if (filter.proposalIds) { conds.push(inList('o.proposal_id', filter.proposalIds)); params.push(...filter.proposalIds); }
    if (filter.holder) { conds.push('o.holder = ?'); params.push(filter.holder); }
    if (filter.actor) { conds.push('o.actor = ?'); params.push(filter.actor); }
    const rows = await this.db.all(
      `SELECT o.* FROM observations o JOIN articles a ON a.id = o.article_id WHERE ${conds.join(' AND ')}
       ORDER BY o.date, o.id`, params);
    return rows.map(toObservation);
  }

  async positions(filter: { proposalIds?: string[]; id?: number }): Promise<PositionRow[]> {
    const columns = 'id, proposal_id, holder, stance, confidence, date, condition, observations, evidence, quote, article_id';
    const rows = filter.id !== undefined
      ? await this.db.all(`SELECT ${columns} FROM positions WHERE id = ?`, [filter.id])
      : await this.db.all(`SELECT ${columns} FROM positions WHERE ${inList('proposal_id', filter.proposalIds ?? [])} ORDER BY id`, filter.proposalIds ?? []);
    return rows.map(toPosition);
  }

  async addCorrection(input: { stanceId: number; stance: StanceLabel; note: string | null; author: string }): Promise<Correction> {
    const nul = nulPath(input, '');
    if (nul) throw new StoreError('bad-input', `correction of stance ${input.stanceId}: ${nul} holds a NUL character (U+0000), which the store does not keep`);
    const [pos] = await this.positions({ id: input.stanceId });
    if (!pos) throw new StoreError('not-found', `no stance with id ${input.stanceId}`);
    // Kept as a correction (for what reads them) and as a `set-stance` edit (what the analyst's view reads), in one transaction.
    const at = new Date().toISOString();
    return this.db.transaction(async (tx) => {
      const rows = await tx.all(
        `INSERT INTO corrections (position_id, proposal_id, holder, stance, note, author, created_at) VALUES (${marks(7)}) RETURNING *`,
        [pos.id, pos.proposalId, pos.holder, input.stance, input.note, input.author, at]);
      await insertEdit(tx, { createdAt: at, action: 'set-stance', target: String(pos.id), before: { stance: pos.current?.stance ?? null },
        after: { proposalId: pos.proposalId, holder: pos.holder, stance: input.stance }, author: input.author, note: input.note });
      return toCorrection(rows[0]);
    });
  }

  async corrections(filter: { proposalIds?: string[]; holder?: string }): Promise<Correction[]> {
    const conds: string[] = [];
    const params: Param[] = [];
    if (filter.proposalIds) { conds.push(inList('proposal_id', filter.proposalIds)); params.push(...filter.proposalIds); }
    if (filter.holder) { conds.push('holder = ?'); params.push(filter.holder); }
    const rows = await this.db.all(`SELECT * FROM corrections ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY created_at, id`, params);
    return rows.map(toCorrection);
  }

  async addEdit(edit: NewEdit): Promise<EditRow> {
    const nul = nulPath(edit, '');
    if (nul) throw new StoreError('bad-input', `edit of ${shown(edit.target)}: ${nul} holds a NUL character (U+0000), which the store does not keep`);
    // Under the writer lock: positions are numbered after the last one, as articles' are.
    return this.db.batch(() => this.db.transaction((tx) => writeEdit(tx, edit)));
  }

  async undoEdit(id: number, by: { author: string; note: string | null }): Promise<EditRow> {
    const nul = nulPath(by, '');
    if (nul) throw new StoreError('bad-input', `undo of edit ${id}: ${nul} holds a NUL character (U+0000), which the store does not keep`);
    return this.db.transaction((tx) => undoEditRow(tx, id, by));
  }

  edits(filter: { ids?: number[]; since?: string } = {}): Promise<EditRow[]> { return readEdits(this.db, filter); }

  async numberedObservations(filter: { proposalIds?: string[]; ids?: number[]; articleIds?: string[] }): Promise<NumberedObservation[]> {
    const conds: string[] = ['a.copy_of IS NULL'];
    const params: Param[] = [];
    if (filter.proposalIds) { conds.push(inList('o.proposal_id', filter.proposalIds)); params.push(...filter.proposalIds); }
    if (filter.ids) { conds.push(inList('o.id', filter.ids)); params.push(...filter.ids); }
    if (filter.articleIds) { conds.push(inList('o.article_id', filter.articleIds)); params.push(...filter.articleIds); }
    const rows = await this.db.all(
      `SELECT o.* FROM observations o JOIN articles a ON a.id = o.article_id WHERE ${conds.join(' AND ')} ORDER BY o.date, o.id`, params);
    return rows.map((r) => ({ ...toObservation(r), id: Number(r.id) }));
  }

  async newestObservations(proposalId: string, limit: number): Promise<NumberedObservation[]> {
    // The order of the index observations_newest read backwards (migration 8); copies found through their partial index.
    const rows = await this.db.all(
      `SELECT o.* FROM observations o WHERE o.proposal_id = ? AND o.article_id NOT IN (SELECT id FROM articles WHERE copy_of IS NOT NULL)
       ORDER BY o.proposal_id DESC, o.date DESC NULLS LAST, o.id DESC LIMIT ?`, [proposalId, limit]);
    return rows.map((r) => ({ ...toObservation(r), id: Number(r.id) }));
  }

  async observationPoints(proposalId: string): Promise<ObservationPoint[]> {
    const point = (r: Row, n: number): ObservationPoint => ({ holder: String(r.holder), date: str(r.date), stance: r.stance as StanceLabel, observations: n });
    if (this.db.dialect === 'postgres') {
      // An index-only scan of observations_points, the copies left out by a hashed look-up of the few copies.
      const rows = await this.db.all(`SELECT holder, date, stance, COUNT(*) AS n FROM observations WHERE proposal_id = ?
        AND article_id NOT IN (SELECT id FROM articles WHERE copy_of IS NOT NULL) GROUP BY holder, date, stance`, [proposalId]);
      return rows.map((r) => point(r, Number(r.n)));
    }
    // SQLite: counted from the index alone (observations_points), then the copies' observations taken off (there are few,
    // found through their partial index): leaving them out row by row costs a look-up per observation. The `+` keeps
    // SQLite from walking the proposal's index (every observation) instead of the copies' rows.
    const [all, copies] = await Promise.all([
      this.db.all('SELECT holder, date, stance, COUNT(*) AS n FROM observations WHERE proposal_id = ? GROUP BY holder, date, stance', [proposalId]),
      this.db.all(`SELECT holder, date, stance, COUNT(*) AS n FROM observations WHERE +proposal_id = ?
        AND article_id IN (SELECT id FROM articles WHERE copy_of IS NOT NULL) GROUP BY holder, date, stance`, [proposalId])]);
    const key = (r: Row) => `${String(r.holder)}\u0000${str(r.date) ?? ''}\u0000${String(r.stance)}`;
    const less = new Map(copies.map((r) => [key(r), Number(r.n)]));
    const out: ObservationPoint[] = [];
    for (const r of all) {
      const n = Number(r.n) - (less.get(key(r)) ?? 0);
      if (n > 0) out.push(point(r, n));
    }
    return out;
  }

  async positionsOfHolder(holder: string): Promise<PositionRow[]> {
    const rows = await this.db.all(
      'SELECT id, proposal_id, holder, stance, confidence, date, condition, observations, evidence, quote, article_id FROM positions WHERE holder = ? ORDER BY id', [holder]);
    return rows.map(toPosition);
  }

  async articlesStoredSince(since: string): Promise<Array<ArticleRow & { storedAt: string }>> {
    const rows = await this.db.all(
      'SELECT id, date, title, url, source, file, language, copy_of, ingested_at FROM articles WHERE ingested_at >= ? ORDER BY ingested_at, id', [since]);
    return rows.map((r) => ({ ...toArticle(r), storedAt: String(r.ingested_at) }));
  }

  async proposalsStoredAt(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.db.all<{ proposal_id: string; at: string }>(
        `SELECT m.proposal_id, MIN(a.ingested_at) AS at FROM proposal_mentions m JOIN articles a ON a.id = m.article_id
         WHERE ${inList('m.proposal_id', chunk)} GROUP BY m.proposal_id`, chunk);
      for (const r of rows) out.set(String(r.proposal_id), String(r.at));
    }
    return out;
  }

  async articles(options: { limit?: number; offset?: number } = {}): Promise<ArticleRow[]> {
    const params: Param[] = [];
    const limit = limitClause(options.limit, params) || (this.db.dialect === 'sqlite' ? ' LIMIT -1' : '');
    params.push(options.offset ?? 0);
    const rows = await this.db.all(`SELECT id, date, title, url, source, file, language, copy_of FROM articles ORDER BY date DESC, id${limit} OFFSET ?`, params);
    return rows.map(toArticle);
  }

  async articlesByIds(ids: string[]): Promise<ArticleRow[]> {
    const out: ArticleRow[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      out.push(...(await this.db.all(`SELECT id, date, title, url, source, file, language, copy_of FROM articles WHERE ${inList('id', chunk)}`, chunk)).map(toArticle));
    }
    return out;
  }

  async mentions(filter: { articleId?: string; proposalId?: string; limit?: number }): Promise<ProposalMentionRow[]> {
    const conds: string[] = [];
    const params: Param[] = [];
    if (filter.articleId) { conds.push('m.article_id = ?'); params.push(filter.articleId); }
    if (filter.proposalId) { conds.push('m.proposal_id = ?'); params.push(filter.proposalId); }
    const limit = limitClause(filter.limit, params);
    const rows = await this.db.all(
      `SELECT m.* FROM proposal_mentions m JOIN articles a ON a.id = m.article_id ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
       ORDER BY a.date DESC, m.article_id, m.start_offset${limit}`, params);
    return rows.map(toMention);
  }

  async decisions(filter: { proposalIds: string[] }): Promise<Array<DecisionRow & { title: string | null }>> {
    const out: Array<DecisionRow & { title: string | null }> = [];
    for (let i = 0; i < filter.proposalIds.length; i += 500) {
      const chunk = filter.proposalIds.slice(i, i + 500);
      const rows = await this.db.all(`SELECT d.*, a.title FROM decisions d JOIN articles a ON a.id = d.article_id WHERE ${inList('d.proposal_id', chunk)}`, chunk);
      out.push(...rows.map((r) => ({ ...toDecision(r), title: str(r.title) })));
    }
    return out;
  }

  async record(articleId: string): Promise<AnalysisRecord | null> {
    const rows = await this.db.all<{ record: string; text: string }>('SELECT record, text FROM articles WHERE id = ?', [articleId]);
    return rows.length ? wholeRecord(rows[0].record, rows[0].text) : null;
  }

  async quotes(filter: { speaker?: string; articleId?: string; q?: string; limit?: number } = {}): Promise<QuoteRow[]> {
    const conds: string[] = [];
    const params: Param[] = [];
    if (filter.speaker) { conds.push('speaker = ?'); params.push(filter.speaker); }
    if (filter.articleId) { conds.push('article_id = ?'); params.push(filter.articleId); }
    if (filter.q) { conds.push(`LOWER(text) ${LIKE}`); params.push(containsPattern(filter.q)); }
    const limit = limitClause(filter.limit, params);
    const rows = await this.db.all(`SELECT * FROM quotes ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY article_id, start_offset${limit}`, params);
    return rows.map(toQuote);
  }

  search(query: SearchQuery): Promise<SearchResult> { return searchStore(this.db, query); }

  async page<K extends PageKind>(kind: K, after: string | null, limit: number): Promise<Page<PageRows[K]>> {
    const key: Param[] | null = after === null ? null : (JSON.parse(after) as Param[]);
    const read = async <T>(sql: (where: string) => string, keyOf: (r: Row) => Param[], to: (rows: Row[]) => Promise<T[]> | T[]): Promise<Page<T>> => {
      const rows = await this.db.all(sql(key ? 'WHERE' : ''), [...(key ?? []), limit]);
      return { rows: await to(rows), next: rows.length < limit ? null : JSON.stringify(keyOf(rows[rows.length - 1])) };
    };
    const one = (r: Row, c: string) => [String(r[c])];
    const page = (): Promise<Page<unknown>> => {
      switch (kind) {
        case 'proposals':
          return read((w) => `SELECT ${PROPOSAL_COLUMNS}, p.articles FROM proposals p ${w && `${w} p.id > ?`} ORDER BY p.id LIMIT ?`,
            (r) => one(r, 'id'), (rows) => rows.map((r) => ({ ...toProposal(r), articles: Number(r.articles) })));
        case 'articles':
          return read((w) => `SELECT id, date, title, url, source, file, language, copy_of FROM articles ${w && `${w} id > ?`} ORDER BY id LIMIT ?`,
            (r) => one(r, 'id'), (rows) => rows.map(toArticle));
        case 'actors':
          return read((w) => `SELECT * FROM actors ${w && `${w} key > ?`} ORDER BY key LIMIT ?`, (r) => one(r, 'key'), async (rows) => {
            const aliases = await this.aliasesOf(rows.map((r) => String(r.key)));
            return rows.map((r) => toActor(r, aliases.get(String(r.key)) ?? []));
          });
        case 'quotes':
          return read((w) => `SELECT * FROM quotes ${w && `${w} (article_id, local_id) > (?, ?)`} ORDER BY article_id, local_id LIMIT ?`,
            (r) => [String(r.article_id), String(r.local_id)], (rows) => rows.map(toQuote));
        case 'mentions':
          return read((w) => `SELECT * FROM proposal_mentions ${w && `${w} (article_id, local_id) > (?, ?)`} ORDER BY article_id, local_id LIMIT ?`,
            (r) => [String(r.article_id), String(r.local_id)], (rows) => rows.map(toMention));
        case 'observations':
          return read((w) => `SELECT o.* FROM observations o JOIN articles a ON a.id = o.article_id WHERE a.copy_of IS NULL ${w && 'AND o.id > ?'}
            ORDER BY o.id LIMIT ?`, (r) => [Number(r.id)], (rows) => rows.map(toObservation));
        default:
          throw new StoreError('bad-input', `no rows of kind ${String(kind)}`);
      }
    };
    return page() as Promise<Page<PageRows[K]>>;
  }

  async storedArticles(after: string | null, limit: number): Promise<Page<StoredArticle>> {
    const key: Param[] = after === null ? [] : (JSON.parse(after) as Param[]);
    const rows = await this.db.all(
      `SELECT id, content_hash, date, title, url, source, file, language, copy_of, text, record, signature FROM articles
       ${key.length ? 'WHERE id > ?' : ''} ORDER BY id LIMIT ?`, [...key, limit]);
    const ids = rows.map((r) => String(r.id));
    const of = async (table: string, order: string) => groupBy(
      await this.db.all(`SELECT * FROM ${table} WHERE ${inList('article_id', ids)} ORDER BY article_id, ${order}`, ids), (r) => String(r.article_id));
    const [quotes, mentions, observations, decisions] = [
      await of('quotes', 'local_id'), await of('proposal_mentions', 'local_id'), await of('observations', 'id'), await of('decisions', 'local_id')];
    return {
      rows: rows.map((r) => {
        const id = String(r.id);
        let record: AnalysisRecord | null = null;
        let recordError: string | null = null;
        try { record = wholeRecord(String(r.record), String(r.text)); } catch (err) { recordError = (err as Error).message; }
        return {
          row: toArticle(r), contentHash: String(r.content_hash), signature: String(r.signature), text: String(r.text), record, recordError,
          quotes: (quotes.get(id) ?? []).map(toQuote), mentions: (mentions.get(id) ?? []).map(toMention),
          observations: (observations.get(id) ?? []).map(toObservation), decisions: (decisions.get(id) ?? []).map(toDecision),
        };
      }),
      next: rows.length < limit ? null : JSON.stringify([ids[ids.length - 1]]),
    };
  }

  async integrity(): Promise<string[]> {
    const problems: string[] = [];
    // A store damaged enough makes a check itself fail: that is a problem too, and the other checks still run.
    const check = async (what: string, fn: () => Promise<string[]>) => {
      try {
        problems.push(...await fn());
      } catch (err) {
        problems.push(`database: ${what} failed: ${(err as Error).message}`);
      }
    };
    if (this.db.dialect === 'sqlite') {
      await check('integrity_check', async () => (await this.db.all<{ integrity_check: string }>('PRAGMA integrity_check'))
        .filter((r) => r.integrity_check !== 'ok').map((r) => `database: ${r.integrity_check}`));
      await check('foreign_key_check', async () => (await this.db.all<{ table: string; rowid: number | null; parent: string }>('PRAGMA foreign_key_check'))
        .map((r) => `database: a row of ${r.table} (rowid ${r.rowid ?? '?'}) names a missing row of ${r.parent}`));
    }
    await check('the check of the positions', () => checkPositions(this.db));
    await check('the check of the article counts', () => checkProposalCounts(this.db));
    return problems;
  }

  async counts(): Promise<Counts> {
    const [r] = await this.db.all(`SELECT
      (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM articles WHERE copy_of IS NOT NULL) AS copies,
      (SELECT COUNT(*) FROM proposals) AS proposals, (SELECT COUNT(*) FROM observations) AS observations,
      (SELECT COUNT(*) FROM actors) AS actors, (SELECT COUNT(*) FROM corrections) AS corrections, (SELECT COUNT(*) FROM edits) AS edits`);
    return {
      articles: Number(r.articles), copies: Number(r.copies), proposals: Number(r.proposals),
      observations: Number(r.observations), actors: Number(r.actors), corrections: Number(r.corrections), edits: Number(r.edits),
    };
  }

  close(): Promise<void> { return this.db.close(); }
}
