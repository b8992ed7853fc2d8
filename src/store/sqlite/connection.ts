// The SQLite driver (better-sqlite3 12): one file, WAL, one connection that is also the single writer.
import Database from 'better-sqlite3';
import { GROUP_UNDONE, type Db, type Param } from '../db.js';
import { Checkpointer, WAL_BACKSTOP_PAGES } from './checkpointer.js';

/** The open group of a batch: its transactions run one after another, each inside a savepoint. */
interface Group { queue: Promise<unknown> }

export interface SqliteOptions {
  /**
   * Checkpoint from a thread of its own, started at the first commit (default: true for a file). Without it the
   * writer checkpoints after a commit once the log holds 1000 pages, as SQLite does by default.
   */
  checkpointer?: boolean;
}

/** How long a transaction waits for another process's write lock before it fails with SQLITE_BUSY (as busy_timeout did). */
const LOCK_WAIT_MS = 5000;
/** How often a waiting writer tries the lock again; the event loop stays free meanwhile (busy_timeout would block it). */
const LOCK_POLL_MS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function openSqlite(file: string, options: SqliteOptions = {}): Db {
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
  let group: Group | null = null;
  let lock: Promise<unknown> = Promise.resolve();
  // better-sqlite3 says whether the database is in memory or temporary: no file for another connection to open.
  let checkpointer: Checkpointer | null | undefined = options.checkpointer === false || conn.memory ? null : undefined;

  /** After a commit: the checkpointer (started at the first) copies it into the database file soon. */
  const committed = () => {
    if (checkpointer === undefined) {
      try {
        checkpointer = new Checkpointer(file);
        conn.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
      } catch {
        checkpointer = null; // the writer keeps checkpointing itself
      }
    }
    checkpointer?.committed();
  };

  /** Runs fn between `begin` (null: begun already) and `end`; on failure undoes it with `undo` (while a transaction is still open) and throws. */
  const guarded = async <T>(begin: string | null, end: string, undo: string, fn: () => Promise<T>): Promise<T> => {
    if (begin) conn.exec(begin);
    try {
      const out = await fn();
      conn.exec(end);
      return out;
    } catch (err) {
      if (conn.inTransaction) conn.exec(undo);
      throw err;
    }
  };

  /**
   * BEGIN IMMEDIATE, polling while another process holds the write lock: SQLite's busy handler sleeps ever longer
   * (to 100 ms) and misses the moment between two of a batch's groups, so a writer waited seconds and failed.
   */
  const beginImmediate = async () => {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      conn.pragma('busy_timeout = 0'); // only for this try: reads between tries keep the usual wait
      try {
        conn.exec('BEGIN IMMEDIATE');
        return;
      } catch (err) {
        if (!String((err as { code?: string }).code).startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw err;
      } finally {
        conn.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
      }
      await sleep(LOCK_POLL_MS);
    }
  };

  /** Runs fn after the transactions and batches before it, in BEGIN IMMEDIATE … COMMIT; rolls back if fn or COMMIT fails. */
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(beginImmediate).then(() => guarded(null, 'COMMIT', 'ROLLBACK', fn)).then((out) => { committed(); return out; });
    queue = next.catch(() => undefined);
    return next;
  };

  /** A transaction inside a group: a savepoint, undone alone if fn throws; after the transactions of the group before it. */
  const inGroup = <T>(g: Group, fn: () => Promise<T>): Promise<T> => {
    const next = g.queue.then(() => {
      if (!conn.inTransaction) throw new Error(GROUP_UNDONE); // SQLite rolls it all back on some errors (a full disk, I/O)
      return guarded('SAVEPOINT article', 'RELEASE article', 'ROLLBACK TO article; RELEASE article', fn);
    });
    g.queue = next.catch(() => undefined);
    return next;
  };

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
      const body = async () => {
        inTx = true;
        try { return await fn(db); } finally { inTx = false; }
      };
      return group ? inGroup(group, body) : serially(body);
    },
    batch<T>(fn: () => Promise<T>): Promise<T> {
      if (inTx || group) return fn();
      return serially(async () => {
        const g: Group = (group = { queue: Promise.resolve() });
        try {
          const out = await fn();
          await g.queue; // transactions fn started and did not wait for
          if (!conn.inTransaction) throw new Error(GROUP_UNDONE);
          return out;
        } finally {
          group = null;
        }
      });
    },
    exclusive<T>(fn: () => Promise<T>): Promise<T> {
      const next = lock.then(fn);
      lock = next.catch(() => undefined);
      return next;
    },
    async close() {
      await lock;
      await queue;
      await checkpointer?.close();
      checkpointer = null;
      conn.close();
    },
  };
  return db;
}
