// The SQLite driver (better-sqlite3 12): one file, WAL, one connection that is also the single writer.
import Database from 'better-sqlite3';
import type { Db, Param } from '../db.js';

export function openSqlite(file: string): Db {
  const conn = new Database(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let st = cache.get(sql);
    if (!st) { st = conn.prepare(sql); cache.set(sql, st); }
    return st;
  };
  let queue: Promise<unknown> = Promise.resolve();
  let inTx = false;
  let lock: Promise<unknown> = Promise.resolve();
  const db: Db = {
    dialect: 'sqlite',
    async all<T>(sql: string, params: Param[] = []) {
      return prepare(sql).all(...params) as T[];
    },
    async run(sql: string, params: Param[] = []) {
      const st = prepare(sql);
      if (!st.reader) return st.run(...params).changes;
      st.all(...params);
      return 0;
    },
    transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTx) return fn(db);
      const next = queue.then(async () => {
        inTx = true;
        conn.exec('BEGIN IMMEDIATE');
        try {
          const out = await fn(db);
          conn.exec('COMMIT');
          return out;
        } catch (err) {
          if (conn.inTransaction) conn.exec('ROLLBACK');
          throw err;
        } finally {
          inTx = false;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    exclusive<T>(fn: () => Promise<T>): Promise<T> {
      const next = lock.then(fn);
      lock = next.catch(() => undefined);
      return next;
    },
    async close() {
      await lock;
      await queue;
      conn.close();
    },
  };
  return db;
}
