import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { openStore } from '../open.js';
import { storeContract } from '../store.contract.js';

// The real server (CI starts it); each test gets its own schema, dropped at the end.
const BASE = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 3000 });
const reachable = await admin.connect().then(() => true, (err: Error) => {
  console.warn(`PostgreSQL tests skipped: cannot reach ${BASE} (${err.message}); set STANDPOINT_TEST_PG or start the server`);
  return false;
});
const schemas: string[] = [];

afterAll(async () => {
  if (!reachable) return;
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.end();
});

if (reachable) {
  storeContract('postgres', async () => {
    const schema = `sp_test_${process.pid}_${schemas.length}`;
    schemas.push(schema);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    const url = `${BASE}${BASE.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    return openStore(url);
  });
} else {
  describe.skip('store contract: postgres (server not reachable)', () => { it('skipped', () => undefined); });
}
