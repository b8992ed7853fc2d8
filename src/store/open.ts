// Opens the store a URL names: a file path for the embedded SQLite store, or postgres://… for PostgreSQL.
import { migrate, type Db } from './db.js';
import { redactUrl } from './redact-url.js';
import { migrations } from './schema.js';
import { SqlStore } from './sql-store.js';
import { StoreError, type Store } from './store.js';

export const DEFAULT_DB = './standpoint.db';

/** The store location: the option, else STANDPOINT_DB, else ./standpoint.db. */
export const dbLocation = (option?: string): string => option ?? process.env.STANDPOINT_DB ?? DEFAULT_DB;

export interface OpenOptions {
  /**
   * Create a SQLite store whose file is missing (default: true); false refuses it. A file that exists with 0 bytes is
   * refused either way: it is never taken for a new store.
   */
  create?: boolean;
}

/** The database driver for a location, its schema as found (no migration). */
export async function openDb(location: string, options: OpenOptions = {}): Promise<Db> {
  const isPg = /^postgres(ql)?:\/\//.test(location);
  try {
    // Only the driver the location names is loaded (pg or better-sqlite3).
    return isPg
      ? (await import('./postgres/connection.js')).openPostgres(location)
      : (await import('./sqlite/connection.js')).openSqlite(location.replace(/^sqlite:(\/\/)?/, ''), { create: options.create });
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw new StoreError('connection', `cannot open store ${redactUrl(location)}: ${redactUrl((err as Error).message)}`, { cause: err });
  }
}

export async function openStore(location: string = dbLocation(), options: OpenOptions = {}): Promise<Store> {
  const db = await openDb(location, options);
  try {
    await migrate(db, migrations(db.dialect));
  } catch (err) {
    await db.close().catch(() => undefined);
    const e = err as Error & { code?: string };
    const code = e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' ? 'connection' : 'migration';
    throw new StoreError(code, `cannot prepare store ${redactUrl(location)}: ${redactUrl(e.message)}`, { cause: err });
  }
  return new SqlStore(db);
}
