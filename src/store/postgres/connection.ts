// The PostgreSQL driver (pg): a connection pool; `?` placeholders become $1, $2, ….
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { GROUP_UNDONE, refuseNul, type Db, type Param } from '../db.js';

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

// COUNT and BIGINT come back as strings by default; the store's numbers fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

/** The advisory lock key of the store's writer lock (any constant; "STPT"). */
export const WRITER_LOCK = 0x53545054;

/** The open group of a batch: one transaction on one connection, holding the writer lock; each transaction in it a savepoint. */
interface Group { client: pg.PoolClient; queue: Promise<unknown> }

type Query = (sql: string, params: Param[]) => Promise<pg.QueryResult>;

function wrap(query: Query, tx: Db['transaction'], batch: Db['batch'], close: () => Promise<void>, exclusive: Db['exclusive']): Db {
  return {
    dialect: 'postgres',
    async all<T>(sql: string, params: Param[] = []) {
      refuseNul(params);
      return (await query(numbered(sql), params)).rows as T[];
    },
    async run(sql: string, params: Param[] = []) {
      refuseNul(params);
      return (await query(numbered(sql), params)).rowCount ?? 0;
    },
    transaction: tx,
    batch,
    exclusive,
    close,
  };
}

export function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  /** Set while `exclusive` holds the writer lock (a session lock): a batch begun within it must not wait for the lock again. */
  const holding = new AsyncLocalStorage<true>();
  /** While a batch runs, everything this Db does goes through the group's connection (reads see its writes). */
  let group: Group | null = null;
  const query: Query = (s, p) => (group ? group.client.query(s, p) : pool.query(s, p));
  const within = (client: pg.PoolClient): Db => {
    const inner: Db = wrap((s, p) => client.query(s, p), (f) => f(inner), (f) => f(), async () => undefined, (f) => f());
    return inner;
  };

  const transaction = async <T>(fn: (tx: Db) => Promise<T>): Promise<T> => {
    if (group) return inGroup(group, fn);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(within(client));
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };

  /** A transaction inside a group: a savepoint, undone alone if fn throws; after the transactions of the group before it. */
  const inGroup = <T>(g: Group, fn: (tx: Db) => Promise<T>): Promise<T> => {
    const next = g.queue.then(async () => {
      await g.client.query('SAVEPOINT article');
      try {
        const out = await fn(within(g.client));
        await g.client.query('RELEASE SAVEPOINT article');
        return out;
      } catch (err) {
        await g.client.query('ROLLBACK TO SAVEPOINT article; RELEASE SAVEPOINT article');
        throw err;
      }
    });
    g.queue = next.catch(() => undefined);
    return next;
  };

  /**
   * Group commit: fn's transactions become savepoints of one transaction, which holds the writer lock (a transaction-level
   * advisory lock) until it commits, so that no other writer plans from a state without the group's writes.
   */
  const batch = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (group) return fn();
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      if (!holding.getStore()) await client.query('SELECT pg_advisory_xact_lock($1)', [WRITER_LOCK]);
      const g: Group = (group = { client, queue: Promise.resolve() });
      let out: T;
      try {
        out = await fn();
        await g.queue; // transactions fn started and did not wait for
      } finally {
        group = null;
      }
      // A statement that failed outside any savepoint aborts the transaction: COMMIT then rolls back, and says so.
      const done = await client.query('COMMIT');
      if (done.command !== 'COMMIT') throw new Error(GROUP_UNDONE);
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => { broken = true; });
      throw err;
    } finally {
      client.release(broken);
    }
  };

  // A session-level advisory lock on a connection of its own, held while fn runs its queries on others. Inside a
  // batch, whose transaction holds the lock already, fn just runs.
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (group) return fn();
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK]);
      try {
        return await holding.run(true, fn);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]).catch(() => { broken = true; });
      }
    } finally {
      client.release(broken);
    }
  };
  return wrap(query, transaction, batch, () => pool.end(), exclusive);
}
