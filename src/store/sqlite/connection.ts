// The SQLite driver (better-sqlite3 12): one file, WAL, one connection that is also the single writer.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from '../store.js';
import { GROUP_UNDONE, refuseNul, type Db, type Param } from '../db.js';
import { Checkpointer, WAL_BACKSTOP_PAGES } from './checkpointer.js';

/** The open group of a batch: its transactions run one after another, each inside a savepoint. */
interface Group { queue: Promise<unknown> }

export interface SqliteOptions {
  /**
   * Checkpoint from a thread of its own, started at the first commit (default: true for a file). Without it the
   * writer checkpoints after a commit once the log holds 1000 pages, as SQLite does by default.
   */
  checkpointer?: boolean;
  /** Create the store file when there is none (default: true); false refuses a missing file. */
  create?: boolean;
}

/** Not a file: an in-memory or temporary database. */
const inMemory = (file: string) => file === '' || file === ':memory:' || file.startsWith('file::memory:');

/**
 * A file that exists with 0 bytes is no store (SQLite would take it for a new, empty one): refused, naming the file.
 * Stores are never created empty in place (see createStoreFile), so such a file is one truncated or made by something else.
 */
function refuseEmpty(file: string): void {
  if (inMemory(file)) return;
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return; // missing: better-sqlite3 says so, or creates it
  }
  if (size === 0) {
    throw new StoreError('connection', `${file} is an empty file (0 bytes), not a Standpoint store: restore the store from a backup or an `
      + 'export, or delete the file to start a new store');
  }
}

/**
 * Creates a missing store file whole: a database with its header written (WAL mode), made under a temporary name beside
 * it and linked into place, so that no process ever sees the file with 0 bytes and several creating it at once end with one.
 * Returns true when the file was missing (whoever created it).
 */
function createStoreFile(file: string): boolean {
  if (inMemory(file) || fs.existsSync(file)) return false;
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  try {
    const conn = new Database(temp);
    conn.pragma('journal_mode = WAL');
    conn.close();
    fs.linkSync(temp, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // EEXIST: another process created it first. A file system without hard links: SQLite creates it in place as before.
    if (code !== 'EEXIST' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
  } finally {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
  }
  return true;
}

/** How long a transaction waits for another process's write lock before it fails with SQLITE_BUSY (as busy_timeout did). */
const LOCK_WAIT_MS = 5000;
/** How often a waiting writer tries the lock again; the event loop stays free meanwhile (busy_timeout would block it). */
const LOCK_POLL_MS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function openSqlite(file: string, options: SqliteOptions = {}): Db {
  if (options.create === false && !inMemory(file) && !fs.existsSync(file)) throw new StoreError('connection', `${file} does not exist: there is no store to open`);
  if (options.create === false || !createStoreFile(file)) refuseEmpty(file);
  const conn = new Database(file, { fileMustExist: options.create === false });
  // First the busy timeout: every statement after it (switching to WAL too) waits for another process's lock instead of failing.
  conn.pragma('busy_timeout = 5000');
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('foreign_keys = ON');
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
      refuseNul(params);
      return prepare(sql).all(...params) as T[];
    },
    async run(sql: string, params: Param[] = []) {
      refuseNul(params);
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
