// The store's tables, as versioned migrations shared by both dialects (only the identity column differs).
import type { Migration } from './db.js';
import { backfillDecisions } from './decision-rows.js';
import { backfillEdits } from './edit-rows.js';
import { backfillPositions } from './position-rows.js';
import { searchMigration } from './search-schema.js';

const v1 = (id: string): string[] => [
  `CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    date TEXT, title TEXT, url TEXT, source TEXT, file TEXT,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    record TEXT NOT NULL,
    signature TEXT NOT NULL,
    copy_of TEXT REFERENCES articles(id),
    ingested_at TEXT NOT NULL)`,
  'CREATE INDEX articles_date ON articles(date)',
  `CREATE TABLE article_bands (band TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id), PRIMARY KEY (band, article_id))`,
  `CREATE TABLE proposals (
    id TEXT PRIMARY KEY, key TEXT NOT NULL, summary TEXT NOT NULL,
    proposer TEXT, body TEXT, first_seen TEXT, last_seen TEXT)`,
  'CREATE INDEX proposals_last_seen ON proposals(last_seen)',
  `CREATE TABLE proposal_terms (term TEXT NOT NULL, proposal_id TEXT NOT NULL REFERENCES proposals(id), PRIMARY KEY (term, proposal_id))`,
  `CREATE TABLE proposal_mentions (
    article_id TEXT NOT NULL REFERENCES articles(id), local_id TEXT NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals(id),
    summary TEXT NOT NULL, text TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id))`,
  'CREATE INDEX proposal_mentions_proposal ON proposal_mentions(proposal_id)',
  `CREATE TABLE actors (
    key TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, role TEXT,
    country TEXT, organization TEXT, represents TEXT)`,
  `CREATE TABLE actor_aliases (alias TEXT NOT NULL, key TEXT NOT NULL REFERENCES actors(key), PRIMARY KEY (alias, key))`,
  `CREATE TABLE actor_roles (
    key TEXT NOT NULL REFERENCES actors(key), article_id TEXT NOT NULL REFERENCES articles(id),
    role TEXT, represents TEXT, date TEXT, PRIMARY KEY (key, article_id))`,
  `CREATE TABLE positions (
    id ${id}, proposal_id TEXT NOT NULL REFERENCES proposals(id), holder TEXT NOT NULL,
    UNIQUE (proposal_id, holder))`,
  `CREATE TABLE observations (
    id ${id}, proposal_id TEXT NOT NULL REFERENCES proposals(id), holder TEXT NOT NULL, actor TEXT NOT NULL,
    stance TEXT NOT NULL, condition TEXT, confidence DOUBLE PRECISION NOT NULL, date TEXT,
    article_id TEXT NOT NULL REFERENCES articles(id), evidence TEXT NOT NULL,
    evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, quote TEXT,
    UNIQUE (article_id, proposal_id, holder, evidence_start))`,
  'CREATE INDEX observations_proposal ON observations(proposal_id, holder)',
  'CREATE INDEX observations_holder ON observations(holder)',
  'CREATE INDEX observations_actor ON observations(actor)',
  `CREATE TABLE corrections (
    id ${id}, position_id INTEGER NOT NULL REFERENCES positions(id),
    proposal_id TEXT NOT NULL, holder TEXT NOT NULL, stance TEXT NOT NULL,
    note TEXT, author TEXT NOT NULL, created_at TEXT NOT NULL)`,
  'CREATE INDEX corrections_proposal ON corrections(proposal_id)',
  `CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id), local_id TEXT NOT NULL,
    kind TEXT NOT NULL, text TEXT NOT NULL, speaker TEXT,
    start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id))`,
  'CREATE INDEX quotes_speaker ON quotes(speaker)',
];

// An article row holds its text and record, so reading `copy_of` from the table means reading past them: an index answers instead.
const v2 = [
  'CREATE INDEX articles_copy_of ON articles(id, copy_of)',
  'CREATE INDEX proposal_mentions_articles ON proposal_mentions(proposal_id, article_id)',
];

// The board's figures kept at write time instead of worked out on every read: each position's current stance (its columns,
// and `state`, the JSON of the fold that updates them in O(1) per observation: see current-stance.ts), and each proposal's
// number of distinct source articles. The backfill folds the stored observations (in code) and counts the mentions.
const v3 = [
  ...['stance TEXT', 'confidence DOUBLE PRECISION', 'date TEXT', 'condition TEXT', 'observations INTEGER NOT NULL DEFAULT 0',
    'evidence TEXT', 'quote TEXT', 'article_id TEXT', 'state TEXT'].map((c) => `ALTER TABLE positions ADD COLUMN ${c}`),
  'ALTER TABLE proposals ADD COLUMN articles INTEGER NOT NULL DEFAULT 0',
  `UPDATE proposals SET articles = (SELECT COUNT(DISTINCT m.article_id) FROM proposal_mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.proposal_id = proposals.id AND a.copy_of IS NULL)`,
];

// Planning an article reads the terms of its candidate proposals by proposal: without this index, a scan of every
// proposal's terms per article (ingest time growing with the square of the store).
const v4 = ['CREATE INDEX proposal_terms_proposal ON proposal_terms(proposal_id)'];

// What the analyser knows of people is read from the store, and kept up to date by reading what changed since: each
// actor row carries the number of the write that last changed it (0 for rows from before), under the writer lock.
const v5 = ['ALTER TABLE actors ADD COLUMN seq INTEGER NOT NULL DEFAULT 0', 'CREATE INDEX actors_seq ON actors(seq)'];

// The analyst's audited edit log (aggregate/editorial.ts applies it when reading): every action a row, undo marks it. The
// corrections kept before become `set-stance` edits (the corrections table stays, for what read it).
const v6 = (id: string): string[] => [
  `CREATE TABLE edits (
    id ${id}, action TEXT NOT NULL, target TEXT NOT NULL, before_value TEXT, after_value TEXT,
    author TEXT NOT NULL, note TEXT, created_at TEXT NOT NULL, undone_by INTEGER)`,
  'CREATE INDEX edits_created_at ON edits(created_at)',
];

// The feed watcher's state (`standpoint watch`): each feed's validators for conditional GET, each item met with what came of
// it (an item is done only in the transaction that stores its article), the alerts raised and their webhook deliveries, and
// the last stance and outlook alerts were raised for (a position's holder '' stands for the proposal's outlook).
const v7 = (id: string): string[] => [
  `CREATE TABLE watch_feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at TEXT, ok_at TEXT, error TEXT)`,
  `CREATE TABLE watch_items (
    url TEXT PRIMARY KEY, feed_url TEXT NOT NULL, title TEXT, published TEXT, matched INTEGER NOT NULL,
    state TEXT NOT NULL, article_id TEXT, attempts INTEGER NOT NULL DEFAULT 0, error TEXT, alerted INTEGER NOT NULL DEFAULT 0,
    seen_at TEXT NOT NULL, done_at TEXT)`,
  'CREATE INDEX watch_items_state ON watch_items(state, alerted)',
  `CREATE TABLE watch_alerts (
    id ${id}, kind TEXT NOT NULL, proposal_id TEXT NOT NULL, holder TEXT, old_value TEXT, new_value TEXT NOT NULL,
    article_id TEXT, detail TEXT NOT NULL, created_at TEXT NOT NULL)`,
  `CREATE TABLE watch_known (proposal_id TEXT NOT NULL, holder TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (proposal_id, holder))`,
  `CREATE TABLE watch_deliveries (
    alert_id INTEGER NOT NULL REFERENCES watch_alerts(id), target TEXT NOT NULL, state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, error TEXT, delivered_at TEXT, PRIMARY KEY (alert_id, target))`,
  'CREATE INDEX watch_deliveries_state ON watch_deliveries(state)',
];

// The votes articles report on proposals (a record proposal's `decision`), kept at write time: a proposal's page and outlook
// read its rows instead of the record of every article that mentions it. One row per (article, record proposal), with the
// stored proposal its mentions joined; the backfill reads the stored records that hold one. With them, what a proposal's page
// reads without reading all its observations: its newest ones (by date, undated last: PostgreSQL's index puts NULLs first so
// that a backward scan gives them last, as SQLite's does), how they fall by holder, date and stance (answered by the index
// alone), and the few copies among the articles (a partial index), which those reads leave out.
const v8 = (dialect: 'sqlite' | 'postgres'): string[] => [
  `CREATE TABLE decisions (
    article_id TEXT NOT NULL REFERENCES articles(id), local_id TEXT NOT NULL, ordinal INTEGER NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals(id),
    outcome TEXT NOT NULL, date TEXT, votes_for INTEGER, votes_against INTEGER, votes_abstain INTEGER, unanimous INTEGER NOT NULL,
    inferred TEXT NOT NULL, abstaining TEXT NOT NULL,
    evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id))`,
  'CREATE INDEX decisions_proposal ON decisions(proposal_id)',
  `CREATE INDEX observations_newest ON observations(proposal_id, date${dialect === 'postgres' ? ' NULLS FIRST' : ''}, id)`,
  'CREATE INDEX observations_points ON observations(proposal_id, holder, date, stance, article_id)',
  'CREATE INDEX articles_copies ON articles(copy_of, id) WHERE copy_of IS NOT NULL',
];

export function migrations(dialect: 'sqlite' | 'postgres'): Migration[] {
  const id = dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY';
  return [
    { version: 1, name: 'articles, proposals, actors, observations, corrections, quotes', statements: v1(id) },
    { version: 2, name: 'covering indexes for the API: copies checked without reading article text, articles counted per proposal', statements: v2 },
    { version: 3, name: 'current positions and article counts kept at write time', statements: v3, run: backfillPositions },
    { version: 4, name: 'proposal terms found by proposal', statements: v4 },
    { version: 5, name: 'actors numbered by the write that last changed them (knowledge read incrementally)', statements: v5 },
    { version: 6, name: "the analyst's audited edit log", statements: v6(id), run: backfillEdits },
    { version: 7, name: "the feed watcher's state: feeds, items, alerts and their deliveries", statements: v7(id) },
    { version: 8, name: "reported votes (decisions) kept at write time; indexes for a proposal's page", statements: v8(dialect), run: backfillDecisions },
    searchMigration(dialect),
  ];
}
