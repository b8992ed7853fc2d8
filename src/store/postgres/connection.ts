// The PostgreSQL driver (pg): a connection pool; `?` placeholders become $1, $2, ….
import pg from 'pg';
import type { Db, Param } from '../db.js';

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

// COUNT and BIGINT come back as strings by default; the store's numbers fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

/** The advisory lock key of the store's writer lock (any constant; "STPT"). */
export const WRITER_LOCK = 0x53545054;

function wrap(query: (sql: string, params: Param[]) => Promise<pg.QueryResult>, tx: Db['transaction'], close: () => Promise<void>, exclusive: Db['exclusive']): Db {
  return {
    dialect: 'postgres',
    async all<T>(sql: string, params: Param[] = []) {
      return (await query(numbered(sql), params)).rows as T[];
    },
    async run(sql: string, params: Param[] = []) {
      return (await query(numbered(sql), params)).rowCount ?? 0;
    },
    transaction: tx,
    batch: (fn) => fn(), // planning reads go through the pool, and could not see a group's uncommitted writes
    exclusive,
    close,
  };
}

export function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const transaction = async <T>(fn: (tx: Db) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const inner: Db = wrap((s, p) => client.query(s, p), (f) => f(inner), async () => undefined, (f) => f());
      const out = await fn(inner);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
  // A session-level advisory lock on a connection of its own, held while fn runs its queries on others.
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]).catch(() => { broken = true; });
      }
    } finally {
      client.release(broken);
    }
  };
  return wrap((s, p) => pool.query(s, p), transaction, () => pool.end(), exclusive);
}
