// What the SQL store needs from a database driver: queries with `?` placeholders and transactions.

import { StoreError } from './store.js';

export type Param = string | number | null;

/**
 * Refuses a parameter holding a NUL character (U+0000): PostgreSQL cannot take one in text (it fails with an error of its
 * own), and no stored text holds one, so both drivers answer it as bad input.
 */
export function refuseNul(params: Param[]): void {
  for (const p of params) {
    if (typeof p === 'string' && p.includes('\u0000')) throw new StoreError('bad-input', 'a value holds a NUL character (U+0000), which the store does not keep');
  }
}

export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T[]>;
  run(sql: string, params?: Param[]): Promise<number>;
  /** Runs fn in one transaction on one connection; rolls back if it throws. Transactions never interleave. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Runs fn with the transactions it starts grouped into one (SQLite: one BEGIN IMMEDIATE … COMMIT; PostgreSQL: one
   * transaction on one connection that holds the writer lock until it commits), each transaction a savepoint, undone
   * alone if it throws; what else runs on this Db meanwhile joins the group.
   */
  batch<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs fn while holding the store's one writer lock: across processes on PostgreSQL (an advisory lock,
   * released if the process dies), within this process on SQLite (whose file has one writer anyway).
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The error of a write in a batch, or of the batch, once the database has rolled the whole group back. */
export const GROUP_UNDONE = 'the group of writes was rolled back by an earlier error';

/** A migration: a version number and the statements that take the schema there, then an optional step in code (a backfill). */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
  /** Runs after the statements, in the same transaction. */
  run?: (tx: Db) => Promise<void>;
}

/**
 * Applies the migrations not yet applied, each in its own transaction, recording them in schema_migrations; safe when
 * several processes open a store at once. Each transaction reads the applied versions again before it applies one, and
 * holds the write lock of the store while it does: on SQLite, BEGIN IMMEDIATE (the file's one writer, across processes;
 * the others wait for it, up to the busy timeout); on PostgreSQL, the writer lock (an advisory lock) around them all.
 * Returns the versions this call applied.
 */
export function migrate(db: Db, migrations: Migration[]): Promise<number[]> {
  return db.exclusive(() => migrateNow(db, migrations));
}

/** The versions applied, or none while schema_migrations does not exist. */
async function appliedVersions(db: Db): Promise<Set<number>> {
  const exists = db.dialect === 'sqlite'
    ? await db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    : await db.all("SELECT to_regclass('schema_migrations') AS name WHERE to_regclass('schema_migrations') IS NOT NULL");
  if (!exists.length) return new Set();
  return new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
}

async function migrateNow(db: Db, migrations: Migration[]): Promise<number[]> {
  const todo = [...migrations].sort((a, b) => a.version - b.version);
  const done = await appliedVersions(db); // a look without the write lock: a store up to date takes none
  if (todo.every((m) => done.has(m.version))) return [];
  const applied: number[] = [];
  for (const m of todo) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      if ((await appliedVersions(tx)).has(m.version)) return; // another process applied it meanwhile
      for (const st of m.statements) await tx.run(st);
      await m.run?.(tx);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
      applied.push(m.version);
    });
  }
  return applied;
}
