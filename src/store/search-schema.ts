// The search indexes, one migration per dialect: FTS5 tables kept by triggers (SQLite), full-text GIN indexes (PostgreSQL).
import type { Migration } from './db.js';
import { PG_TEXT_CHARS } from './search.js';

/** The migration's number: apart from the run of other migrations, so that branches adding tables of their own do not collide. */
export const SEARCH_VERSION = 20;

/**
 * An FTS5 index over columns of a table (external content: the text is kept once, in the table), kept by triggers on
 * whatever writes the table, and filled from the rows already stored.
 */
function fts5(index: string, table: string, columns: string[]): string[] {
  const list = columns.join(', ');
  const values = (row: 'new' | 'old') => columns.map((c) => `${row}.${c}`).join(', ');
  const remove = `INSERT INTO ${index} (${index}, rowid, ${list}) VALUES ('delete', old.rowid, ${values('old')});`;
  const add = `INSERT INTO ${index} (rowid, ${list}) VALUES (new.rowid, ${values('new')});`;
  const changed = columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  return [
    `CREATE VIRTUAL TABLE ${index} USING fts5(${list}, content='${table}', tokenize='porter unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER ${index}_insert AFTER INSERT ON ${table} BEGIN ${add} END`,
    `CREATE TRIGGER ${index}_delete AFTER DELETE ON ${table} BEGIN ${remove} END`,
    `CREATE TRIGGER ${index}_update AFTER UPDATE OF ${list} ON ${table} WHEN ${changed} BEGIN ${remove} ${add} END`,
    `INSERT INTO ${index} (${index}) VALUES ('rebuild')`,
  ];
}

const sqlite = [...fts5('search_proposals', 'proposals', ['summary']), ...fts5('search_quotes', 'quotes', ['text']), ...fts5('search_articles', 'articles', ['title', 'text'])];

// An article's words kept in a column (its title weighing more), so ranking reads no text; proposals and quotes are short,
// their index is on the expression.
const postgres = [
  `ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
    (setweight(to_tsvector('english', COALESCE(title, '')), 'A') || setweight(to_tsvector('english', LEFT(text, ${PG_TEXT_CHARS})), 'B')) STORED`,
  'CREATE INDEX articles_search ON articles USING GIN (search_vector)',
  "CREATE INDEX proposals_search ON proposals USING GIN (to_tsvector('english', summary))",
  "CREATE INDEX quotes_search ON quotes USING GIN (to_tsvector('english', text))",
];

export const searchMigration = (dialect: 'sqlite' | 'postgres'): Migration => ({
  version: SEARCH_VERSION, name: 'full-text search over proposals, quotes and articles', statements: dialect === 'sqlite' ? sqlite : postgres,
});
