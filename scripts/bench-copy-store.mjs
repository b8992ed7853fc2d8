// Copies a SQLite store's rows into a PostgreSQL store (the same schema, opened and migrated there first), so that the API
// can be timed on both stores over the same articles without analysing them twice: ingesting 100,000 articles into
// PostgreSQL takes about twice as long as into SQLite, which itself takes most of an hour on two busy cores.
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../dist/store/open.js';

/** Parents before children (foreign keys); tables not listed follow in name order. */
const ORDER = ['articles', 'article_bands', 'proposals', 'proposal_terms', 'proposal_mentions', 'actors', 'actor_aliases', 'actor_roles',
  'positions', 'observations', 'corrections', 'quotes', 'edits', 'decisions', 'watch_feeds', 'watch_items', 'watch_alerts', 'watch_known', 'watch_deliveries'];

/** Rows per INSERT: at most PostgreSQL's 65,535 parameters, and about 8 MB of article text and records. */
const rowsPer = (table, columns) => Math.min(Math.floor(60000 / columns.length), table === 'articles' ? 800 : 5000);

/** Copies every row of every table of the SQLite store at `file` into the (empty) PostgreSQL store at `url`; returns rows copied. */
export async function copyStore(file, url, { log = () => {} } = {}) {
  const store = await openStore(url); // creates the schema
  await store.close();
  const src = new Database(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let copied = 0;
  try {
    const tables = src.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%' AND name <> 'schema_migrations'")
      .all().map((r) => r.name).sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica'); // rows as they are: no foreign-key triggers
    for (const table of tables) {
      const pgColumns = new Map((await client.query(
        'SELECT column_name, is_generated, is_identity FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema()', [table])).rows
        .map((r) => [r.column_name, r]));
      if (!pgColumns.size) throw new Error(`copy: PostgreSQL has no table ${table}`);
      const columns = src.prepare(`PRAGMA table_info(${table})`).all().map((c) => c.name).filter((c) => pgColumns.get(c)?.is_generated === 'NEVER');
      const identity = columns.some((c) => pgColumns.get(c).is_identity === 'YES');
      const per = rowsPer(table, columns);
      let batch = [];
      const flush = async () => {
        if (!batch.length) return;
        let n = 0;
        const tuples = batch.map(() => `(${columns.map(() => `$${++n}`).join(', ')})`);
        await client.query(`INSERT INTO ${table} (${columns.join(', ')}) ${identity ? 'OVERRIDING SYSTEM VALUE' : ''} VALUES ${tuples.join(', ')}`,
          batch.flatMap((r) => columns.map((c) => r[c])));
        copied += batch.length;
        batch = [];
      };
      const order = table === 'articles' ? 'ORDER BY copy_of IS NOT NULL, rowid' : 'ORDER BY rowid';
      let rows = 0;
      for (const r of src.prepare(`SELECT ${columns.join(', ')} FROM ${table} ${order}`).iterate()) {
        batch.push(r);
        rows++;
        if (batch.length >= per) await flush();
      }
      await flush();
      if (identity) await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`);
      log(`copy: ${table}: ${rows} rows`);
    }
    await client.query('COMMIT');
    // As autovacuum leaves a store that has been written for a while: statistics, and the visibility map that index-only scans need.
    await client.query('VACUUM ANALYZE');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    src.close();
    await client.end();
  }
  return copied;
}
