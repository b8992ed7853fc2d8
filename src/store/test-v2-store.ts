// Builds a store as migrations 1–2 left it, filled with the v2 columns of a current store's rows, for the migration tests.
import { migrate, type Db } from './db.js';
import { openDb } from './open.js';
import { migrations } from './schema.js';

/** The tables a proposal summary (and the planning of a next article) reads, with their columns as of migration 2, parents first. */
const V2_TABLES: Array<[table: string, columns: string[], order: string]> = [
  ['articles', ['id', 'content_hash', 'date', 'title', 'url', 'source', 'file', 'language', 'text', 'record', 'signature', 'copy_of', 'ingested_at'], 'copy_of IS NOT NULL, id'],
  ['article_bands', ['band', 'article_id'], 'band, article_id'],
  ['proposals', ['id', 'key', 'summary', 'proposer', 'body', 'first_seen', 'last_seen'], 'id'],
  ['proposal_terms', ['term', 'proposal_id'], 'term, proposal_id'],
  ['proposal_mentions', ['article_id', 'local_id', 'proposal_id', 'summary', 'text', 'start_offset', 'end_offset'], 'article_id, local_id'],
  ['actors', ['key', 'kind', 'name', 'role', 'country', 'organization', 'represents'], 'key'],
  ['actor_aliases', ['alias', 'key'], 'alias, key'],
  ['positions', ['id', 'proposal_id', 'holder'], 'id'],
  ['observations', ['id', 'proposal_id', 'holder', 'actor', 'stance', 'condition', 'confidence', 'date', 'article_id', 'evidence',
    'evidence_start', 'evidence_end', 'quote'], 'id'],
  ['corrections', ['id', 'position_id', 'proposal_id', 'holder', 'stance', 'note', 'author', 'created_at'], 'id'],
];

/** Creates the schema of migrations 1–2 only at `target` and copies into it the v2 columns of the store at `source`. */
export async function makeV2Store(source: string, target: string): Promise<void> {
  const [from, to] = [await openDb(source), await openDb(target)];
  try {
    expect2(await migrate(to, migrations(to.dialect).filter((m) => m.version <= 2)));
    await to.transaction(async (tx) => {
      for (const [table, columns, order] of V2_TABLES) await copy(from, tx, table, columns, order);
      if (tx.dialect === 'postgres') {
        // Rows came with their ids: the identity columns go on after them.
        for (const t of ['positions', 'observations', 'corrections']) {
          await tx.all(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), COALESCE((SELECT MAX(id) FROM ${t}), 0) + 1, false)`);
        }
      }
    });
  } finally {
    await Promise.all([from.close(), to.close()]);
  }
}

function expect2(applied: number[]): void {
  if (applied.join() !== '1,2') throw new Error(`makeV2Store: the target was not empty (migrations applied: ${applied.join() || 'none'})`);
}

async function copy(from: Db, to: Db, table: string, columns: string[], order: string): Promise<void> {
  const rows = await from.all(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order}`);
  const overriding = to.dialect === 'postgres' && columns[0] === 'id' ? 'OVERRIDING SYSTEM VALUE' : '';
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (const r of rows) {
    await to.run(`INSERT INTO ${table} (${columns.join(', ')}) ${overriding} VALUES ${tuple}`, columns.map((c) => r[c] as string | number | null));
  }
}
